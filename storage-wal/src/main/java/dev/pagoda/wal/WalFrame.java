package dev.pagoda.wal;

/**
 * Where one valid frame sits in a WAL file and what it holds, as found by {@link WalReader}.
 *
 * @param frameNumber 1-based position of the frame in the WAL (SQLite's {@code iFrame})
 * @param offset byte offset of the frame (its 24-byte header) in the WAL file
 * @param pageNumber database page number of the page image in the frame
 * @param commitSize database size in pages after the commit for a commit frame, else 0
 */
public record WalFrame(int frameNumber, long offset, int pageNumber, int commitSize) {
  /** Whether this is the last frame of a transaction. */
  public boolean isCommit() {
    return commitSize != 0;
  }

  /** Byte offset of the page image, right after the frame header. */
  public long pageOffset() {
    return offset + WalFrameHeader.SIZE;
  }
}
