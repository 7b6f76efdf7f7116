package dev.pagoda.wal;

import dev.pagoda.pager.Journal;

/**
 * A read transaction's view of a WAL database: the published {@link WalState} it began at, and
 * whether it reads the database file only. Immutable; every {@code beginRead} makes a new object
 * (the journal registers readers by identity).
 *
 * <p>A snapshot reads the database file only ({@link #fileOnly()}) when, at its beginning, the WAL
 * held no frame or every frame was already copied back into the database file (SQLite's read-mark
 * 0): the file then is the snapshot's content, and the reader does not hold the WAL against a
 * restart. A checkpoint still never writes past such a reader's {@code maxFrame}.
 */
final class WalSnapshot implements Journal.Snapshot {
  private final WalState state;
  private final boolean fileOnly;

  WalSnapshot(WalState state, boolean fileOnly) {
    this.state = state;
    this.fileOnly = fileOnly || state.maxFrame() == 0;
  }

  WalState state() {
    return state;
  }

  WalIndex index() {
    return state.index();
  }

  int maxFrame() {
    return state.maxFrame();
  }

  long version() {
    return state.version();
  }

  /** Whether every page is read from the database file (no WAL frame is used). */
  boolean fileOnly() {
    return fileOnly;
  }

  /** Whether this reader may read WAL frames of its generation (so holds the WAL). */
  boolean usesWal() {
    return !fileOnly;
  }

  @Override
  public String toString() {
    return "WalSnapshot[version=" + state.version() + ", mxFrame=" + state.maxFrame()
        + ", dbSize=" + state.dbSize() + (fileOnly ? ", file only" : "") + "]";
  }
}
