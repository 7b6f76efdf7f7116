package dev.pagoda.pager;

/**
 * An in-memory copy of one database page. The bytes may be modified only after {@link
 * Pager#makeWritable(Page)} within a write transaction.
 *
 * <p>A pager hands out at most one live {@code Page} object per page number: while a caller still
 * holds a page, {@link Pager#getPage} returns that same object (see the package documentation for
 * the states and the pin rules). A page discarded by a rollback (one created in the rolled-back
 * transaction or savepoint) or cut off by {@code truncateTo} is dead: the pager refuses it in
 * {@code makeWritable}, {@code pin} and {@code release} must still balance.
 */
public final class Page {
  private final int number;
  private final byte[] data;
  /** The image at the start of the write transaction, or null when the page was created in it. */
  byte[] original;
  /** Whether the page is dirty (modified in the current write transaction). */
  boolean dirty;
  /** Pins held through {@link Pager#pin}/{@link Pager#acquire} and not yet released. */
  int pins;
  /** Set when a rollback or close drops the page: the object no longer stands for the page. */
  boolean discarded;

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

  /** The number of pins held on this page (0: the pager may hand it to its page cache). */
  public int pinCount() {
    return pins;
  }

  @Override
  public String toString() {
    return "Page[" + number + (dirty ? ", dirty" : "") + (pins > 0 ? ", pins " + pins : "")
        + (discarded ? ", discarded" : "") + "]";
  }
}
