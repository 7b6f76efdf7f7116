package dev.pagoda.wal;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link WalReader#scan} found in a WAL file: the header (if valid) and the committed prefix,
 * that is every frame up to and including the last valid commit frame. Frames after it, valid or
 * not, are not part of the result; {@link #uncommittedFrames()} counts the valid ones among them.
 * Immutable.
 */
public final class WalScan {
  /** Why the scan stopped where it did. */
  public enum End {
    /** The file is shorter than a WAL header (an empty or missing WAL). */
    SHORT_FILE,
    /** The header's magic, page size or checksum is bad: SQLite treats the WAL as empty. */
    BAD_HEADER,
    /** Every complete frame was valid; a trailing partial frame, if any, is ignored. */
    END_OF_FILE,
    /** A frame's salts differ from the header's (a frame of an earlier WAL generation). */
    SALT_MISMATCH,
    /** A frame has page number 0. */
    ZERO_PAGE_NUMBER,
    /** A frame's checksum does not continue the chain (torn write or damage). */
    BAD_CHECKSUM
  }

  private final WalHeader header;
  private final List<WalFrame> frames;
  private final Map<Integer, WalFrame> newestFrames;
  private final long checksum;
  private final int uncommittedFrames;
  private final End end;

  WalScan(WalHeader header, List<WalFrame> frames, long checksum, int uncommittedFrames, End end) {
    this.header = header;
    this.frames = List.copyOf(frames);
    Map<Integer, WalFrame> newest = new HashMap<>();
    for (WalFrame f : this.frames) {
      newest.put(f.pageNumber(), f);
    }
    this.newestFrames = Collections.unmodifiableMap(newest);
    this.checksum = checksum;
    this.uncommittedFrames = uncommittedFrames;
    this.end = end;
  }

  static WalScan empty(End end) {
    return new WalScan(null, List.of(), WalChecksum.INITIAL, 0, end);
  }

  /** The WAL header, empty when the file is too short or the header is invalid. */
  public Optional<WalHeader> header() {
    return Optional.ofNullable(header);
  }

  /** The committed prefix in file order: frames 1..{@link #maxFrame()}. */
  public List<WalFrame> frames() {
    return frames;
  }

  /** Number of frames in the committed prefix (SQLite's {@code mxFrame}); 0 when none. */
  public int maxFrame() {
    return frames.size();
  }

  /** Number of commit frames (transactions) in the committed prefix. */
  public int commitCount() {
    int n = 0;
    for (WalFrame f : frames) {
      if (f.isCommit()) {
        n++;
      }
    }
    return n;
  }

  /**
   * Database size in pages after the last committed transaction (SQLite's {@code nPage}); 0 when
   * the WAL holds no commit, meaning the database file alone is current.
   */
  public int databaseSize() {
    return frames.isEmpty() ? 0 : frames.get(frames.size() - 1).commitSize();
  }

  /**
   * For each page in the committed prefix, its newest frame: where a reader of the last committed
   * state finds the page. Pages not in the map are read from the database file.
   */
  public Map<Integer, WalFrame> newestFrames() {
    return newestFrames;
  }

  /**
   * The running checksum after the last committed frame (the header's checksum when there is none;
   * 0 without a valid header), packed as by {@link WalChecksum}: where a frame appended after the
   * prefix chains from.
   */
  public long checksum() {
    return checksum;
  }

  /** Valid frames found after the last commit frame (a transaction that never committed). */
  public int uncommittedFrames() {
    return uncommittedFrames;
  }

  /** Why the scan stopped. */
  public End end() {
    return end;
  }

  @Override
  public String toString() {
    return "WalScan[header="
        + header
        + ", maxFrame="
        + maxFrame()
        + ", commits="
        + commitCount()
        + ", databaseSize="
        + databaseSize()
        + ", uncommittedFrames="
        + uncommittedFrames
        + ", end="
        + end
        + "]";
  }
}
