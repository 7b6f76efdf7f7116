package dev.pagoda.pager;

/**
 * An in-memory copy of one database page. The bytes may be modified only after {@link
 * Pager#makeWritable(Page)} within a write transaction.
 */
public final class Page {
  private final int number;
  private final byte[] data;
  /** The image at the start of the write transaction, or null when the page is clean. */
  byte[] original;
  /** Whether the page is dirty (modified in the current write transaction). */
  boolean dirty;

  Page(int number, byte[] data) {
    this.number = number;
    this.data = data;
  }

  /** The 1-based page number. */
  public int number() {
    return number;
  }

  /** The full page bytes (length == page size). Mutable; write only after makeWritable. */
  public byte[] data() {
    return data;
  }

  /** Whether the page was made writable in the current write transaction. */
  public boolean isDirty() {
    return dirty;
  }
}
