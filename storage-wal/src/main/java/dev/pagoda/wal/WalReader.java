package dev.pagoda.wal;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.DbFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only scan of a WAL file that finds its committed prefix exactly as SQLite's recovery
 * ({@code walIndexRecover}) does:
 *
 * <ol>
 *   <li>A file of fewer than 32 bytes holds nothing ({@link WalScan.End#SHORT_FILE}).
 *   <li>A header with a bad magic, a page size that is not a power of two in 512..65536, or a bad
 *       checksum means the WAL holds nothing ({@link WalScan.End#BAD_HEADER}). A header with a good
 *       checksum but a format version other than 3007000 fails with {@code CANTOPEN} (when the
 *       file is longer than the header; SQLite does not look at a header-only file at all).
 *   <li>Only complete frames are read: {@code (size - 32) / (24 + P)} of them. Frames are checked
 *       in order, each chaining its checksum from the previous one (frame 1 from the header), and
 *       the scan stops at the first invalid frame (salt mismatch, page number 0, checksum
 *       mismatch).
 *   <li>The result ends at the last valid commit frame (commit size != 0) before that point;
 *       valid frames after it belong to a transaction that never committed and are dropped.
 * </ol>
 *
 * The file is only read, never written, synced or closed.
 */
public final class WalReader {
  private WalReader() {}

  /**
   * Scans {@code wal} and returns its committed prefix.
   *
   * @throws dev.pagoda.pager.StorageException {@code CANTOPEN} for an unsupported WAL format
   *     version, or whatever {@link DbFile#read} throws
   */
  public static WalScan scan(DbFile wal) {
    long size = wal.size();
    byte[] hb = new byte[WalHeader.SIZE];
    if (size < WalHeader.SIZE || !readFully(wal, 0, hb, WalHeader.SIZE)) {
      return WalScan.empty(WalScan.End.SHORT_FILE);
    }
    WalHeader.Status status = WalHeader.check(hb, 0);
    if (status == WalHeader.Status.UNSUPPORTED_VERSION && size > WalHeader.SIZE) {
      WalHeader.decode(hb, 0); // throws CANTOPEN
    }
    if (status != WalHeader.Status.VALID) {
      return WalScan.empty(WalScan.End.BAD_HEADER);
    }
    WalHeader header = WalHeader.decode(hb, 0);

    int frameSize = header.frameSize();
    long lastFrame = Math.min((size - WalHeader.SIZE) / frameSize, Integer.MAX_VALUE);
    byte[] frame = new byte[frameSize];
    long chain = header.checksum();
    long committedChain = chain;
    List<WalFrame> valid = new ArrayList<>();
    int committed = 0;
    WalScan.End end = WalScan.End.END_OF_FILE;
    for (int n = 1; n <= lastFrame; n++) {
      long offset = WalFrameHeader.frameOffset(n, header.pageSize());
      if (!readFully(wal, offset, frame, frameSize)) {
        break; // the file shrank under us: treat as its end
      }
      WalFrameHeader.Status fs = WalFrameHeader.check(header, chain, frame, 0);
      if (fs != WalFrameHeader.Status.VALID) {
        end = end(fs);
        break;
      }
      chain = WalFrameHeader.storedChecksum(frame, 0);
      int commitSize = BigEndian.i32(frame, WalFrameHeader.OFF_COMMIT_SIZE);
      valid.add(
          new WalFrame(
              n, offset, BigEndian.i32(frame, WalFrameHeader.OFF_PAGE_NUMBER), commitSize));
      if (commitSize != 0) {
        committed = valid.size();
        committedChain = chain;
      }
    }
    return new WalScan(
        header, valid.subList(0, committed), committedChain, valid.size() - committed, end);
  }

  private static WalScan.End end(WalFrameHeader.Status status) {
    return switch (status) {
      case SALT_MISMATCH -> WalScan.End.SALT_MISMATCH;
      case ZERO_PAGE_NUMBER -> WalScan.End.ZERO_PAGE_NUMBER;
      case BAD_CHECKSUM -> WalScan.End.BAD_CHECKSUM;
      case VALID -> throw new IllegalArgumentException("not a failure: " + status);
    };
  }

  private static boolean readFully(DbFile file, long pos, byte[] buf, int len) {
    int done = 0;
    while (done < len) {
      int n = file.read(pos + done, buf, done, len - done);
      if (n <= 0) {
        return false;
      }
      done += n;
    }
    return true;
  }
}
