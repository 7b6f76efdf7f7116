package dev.pagoda.wal;

import dev.pagoda.pager.BigEndian;
import java.util.Objects;

/**
 * The 24-byte header in front of every page image in a WAL file. Six big-endian 32-bit unsigned
 * integers:
 *
 * <pre>
 * OFFSET SIZE MEANING
 *      0    4 page number of the page image that follows (never 0)
 *      4    4 commit size: for the last frame of a transaction (a commit frame), the database
 *             size in pages after the commit; 0 for every other frame
 *      8    4 salt-1, copied from the WAL header
 *     12    4 salt-2, copied from the WAL header
 *     16    4 checksum-1 \ WalChecksum over bytes 0..7 of this header and then the P page bytes,
 *     20    4 checksum-2 / chained from the previous frame's checksum (frame 1: the WAL header's)
 * </pre>
 *
 * A frame is this header followed by the page ({@code P} = the WAL header's page size); frame
 * {@code n} (1-based) starts at byte {@code 32 + (n - 1) * (24 + P)} of the file ({@link
 * #frameOffset}).
 *
 * <p>A frame is valid (SQLite's {@code walDecodeFrame}) if and only if its salts equal the WAL
 * header's, its page number is not 0, and its stored checksum equals the running checksum over the
 * header, every earlier frame, and this frame's first 8 header bytes and page. The salts are not
 * covered by the checksum: they are compared instead. Since the stored checksum of a valid frame
 * <em>is</em> the running checksum, the chain continues from {@link #checksum()}.
 *
 * @param pageNumber database page number (unsigned, not 0 in a valid frame)
 * @param commitSize database size in pages after the commit for a commit frame, else 0
 * @param salt1 salt-1 as stored in the frame
 * @param salt2 salt-2 as stored in the frame
 * @param checksum1 checksum-1 as stored in the frame
 * @param checksum2 checksum-2 as stored in the frame
 */
public record WalFrameHeader(
    int pageNumber, int commitSize, int salt1, int salt2, int checksum1, int checksum2) {
  /** Size of a frame header in bytes. */
  public static final int SIZE = 24;

  /** Offset of the page number. */
  static final int OFF_PAGE_NUMBER = 0;
  /** Offset of the commit size. */
  static final int OFF_COMMIT_SIZE = 4;
  /** Offset of salt-1. */
  static final int OFF_SALT1 = 8;
  /** Offset of salt-2. */
  static final int OFF_SALT2 = 12;
  /** Offset of checksum-1. */
  static final int OFF_CHECKSUM1 = 16;
  /** Offset of checksum-2. */
  static final int OFF_CHECKSUM2 = 20;
  /** Number of leading frame-header bytes covered by the checksum (page number, commit size). */
  static final int CHECKSUMMED_BYTES = 8;

  /** The outcome of {@link #check}. */
  public enum Status {
    /** A valid frame. */
    VALID,
    /** Salt-1 or salt-2 differs from the WAL header's: a leftover from an earlier generation. */
    SALT_MISMATCH,
    /** Page number 0. */
    ZERO_PAGE_NUMBER,
    /** The stored checksum does not continue the chain: a torn or damaged frame. */
    BAD_CHECKSUM
  }

  /** Whether this is the last frame of a transaction. */
  public boolean isCommit() {
    return commitSize != 0;
  }

  /** The stored checksum packed as by {@link WalChecksum}. */
  public long checksum() {
    return WalChecksum.pack(checksum1, checksum2);
  }

  /** Writes the 24 header bytes at {@code b[off]}, as they are (no checksum is computed). */
  public void encode(byte[] b, int off) {
    Objects.checkFromIndexSize(off, SIZE, b.length);
    BigEndian.putI32(b, off + OFF_PAGE_NUMBER, pageNumber);
    BigEndian.putI32(b, off + OFF_COMMIT_SIZE, commitSize);
    BigEndian.putI32(b, off + OFF_SALT1, salt1);
    BigEndian.putI32(b, off + OFF_SALT2, salt2);
    BigEndian.putI32(b, off + OFF_CHECKSUM1, checksum1);
    BigEndian.putI32(b, off + OFF_CHECKSUM2, checksum2);
  }

  /** Reads the 24 header bytes at {@code b[off]} as they are; see {@link #check} for validity. */
  public static WalFrameHeader decode(byte[] b, int off) {
    Objects.checkFromIndexSize(off, SIZE, b.length);
    return new WalFrameHeader(
        BigEndian.i32(b, off + OFF_PAGE_NUMBER),
        BigEndian.i32(b, off + OFF_COMMIT_SIZE),
        BigEndian.i32(b, off + OFF_SALT1),
        BigEndian.i32(b, off + OFF_SALT2),
        BigEndian.i32(b, off + OFF_CHECKSUM1),
        BigEndian.i32(b, off + OFF_CHECKSUM2));
  }

  /** Byte offset of frame {@code frameNumber} (1-based) in a WAL with pages of {@code pageSize}. */
  public static long frameOffset(long frameNumber, int pageSize) {
    if (frameNumber < 1) {
      throw new IllegalArgumentException("frame numbers start at 1: " + frameNumber);
    }
    return WalHeader.SIZE + (frameNumber - 1) * (SIZE + (long) pageSize);
  }

  /**
   * Encodes one frame, header and page, into {@code frame[frameOff, frameOff + 24 + P)} and
   * returns the new running checksum (which is also the frame's stored checksum).
   *
   * @param wal the WAL header (salts, page size P, checksum word order)
   * @param previousChecksum the running checksum after the previous frame, or {@link
   *     WalHeader#checksum()} for the first frame
   * @param pageNumber the database page number, at least 1
   * @param commitSize database size in pages after the commit for a commit frame, else 0
   * @param page the page image, {@code page[pageOff, pageOff + P)}
   * @param frame where the frame goes; may be {@code page} itself when {@code pageOff == frameOff +
   *     24} (the page is then already in place and is not copied)
   */
  public static long encodeFrame(
      WalHeader wal,
      long previousChecksum,
      int pageNumber,
      int commitSize,
      byte[] page,
      int pageOff,
      byte[] frame,
      int frameOff) {
    if (pageNumber == 0) {
      throw new IllegalArgumentException("page number 0");
    }
    int p = wal.pageSize();
    Objects.checkFromIndexSize(pageOff, p, page.length);
    Objects.checkFromIndexSize(frameOff, SIZE + p, frame.length);
    if (page != frame || pageOff != frameOff + SIZE) {
      System.arraycopy(page, pageOff, frame, frameOff + SIZE, p);
    }
    BigEndian.putI32(frame, frameOff + OFF_PAGE_NUMBER, pageNumber);
    BigEndian.putI32(frame, frameOff + OFF_COMMIT_SIZE, commitSize);
    BigEndian.putI32(frame, frameOff + OFF_SALT1, wal.salt1());
    BigEndian.putI32(frame, frameOff + OFF_SALT2, wal.salt2());
    long c = chain(wal, previousChecksum, frame, frameOff);
    BigEndian.putI32(frame, frameOff + OFF_CHECKSUM1, WalChecksum.s0(c));
    BigEndian.putI32(frame, frameOff + OFF_CHECKSUM2, WalChecksum.s1(c));
    return c;
  }

  /**
   * The running checksum after the frame at {@code frame[off]} (header then page, {@code 24 + P}
   * bytes), continuing from {@code previousChecksum}: the value a valid frame stores.
   */
  public static long chain(WalHeader wal, long previousChecksum, byte[] frame, int off) {
    boolean be = wal.bigEndianChecksums();
    long c = WalChecksum.update(be, previousChecksum, frame, off, CHECKSUMMED_BYTES);
    return WalChecksum.update(be, c, frame, off + SIZE, wal.pageSize());
  }

  /**
   * Validates the frame at {@code frame[off, off + 24 + P)} as SQLite's {@code walDecodeFrame}
   * does, in its order: salts, page number, checksum. When the result is {@link Status#VALID} the
   * chain continues from the frame's stored checksum ({@link #storedChecksum}).
   */
  public static Status check(WalHeader wal, long previousChecksum, byte[] frame, int off) {
    Objects.checkFromIndexSize(off, SIZE + wal.pageSize(), frame.length);
    if (BigEndian.i32(frame, off + OFF_SALT1) != wal.salt1()
        || BigEndian.i32(frame, off + OFF_SALT2) != wal.salt2()) {
      return Status.SALT_MISMATCH;
    }
    if (BigEndian.i32(frame, off + OFF_PAGE_NUMBER) == 0) {
      return Status.ZERO_PAGE_NUMBER;
    }
    return chain(wal, previousChecksum, frame, off) == storedChecksum(frame, off)
        ? Status.VALID
        : Status.BAD_CHECKSUM;
  }

  /** Whether {@link #check} says {@link Status#VALID}. */
  public static boolean isValid(WalHeader wal, long previousChecksum, byte[] frame, int off) {
    return check(wal, previousChecksum, frame, off) == Status.VALID;
  }

  /** The checksum stored in the frame header at {@code frame[off]}, packed. */
  public static long storedChecksum(byte[] frame, int off) {
    return WalChecksum.pack(
        BigEndian.i32(frame, off + OFF_CHECKSUM1), BigEndian.i32(frame, off + OFF_CHECKSUM2));
  }
}
