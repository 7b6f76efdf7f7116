package dev.pagoda.pager;

/**
 * One {@link Pager}'s read transactions on its shared file: the journal and snapshot it reads at,
 * their nesting, the lingering read a page read outside any begins, the read a write takes for
 * itself (with the busy-handler retries), and the snapshot the cached pages belong to. On every new
 * snapshot it asks the pager to bring its pages up to date ({@link Refresher}); the pages
 * themselves are the pager's. Not thread-safe, as the pager.
 */
final class ReadTransaction {
  /** Brings the pager's cached pages from snapshot {@code from} (null: unknown) to {@code to}. */
  interface Refresher {
    void refresh(Journal journal, Journal.Snapshot from, Journal.Snapshot to);
  }

  private final PagerFile shared;
  private final DbFile file;
  private final Refresher refresher;
  /** The shared file's journal as of the current (or last) read transaction. */
  private Journal journal;
  /** The snapshot of the open read transaction, or null. Read on the pager's hot path. */
  Journal.Snapshot snapshot;
  /** The snapshot the cached pages belong to, kept after the read ended; null: unknown. */
  private Journal.Snapshot cached;
  /** Nesting depth of beginRead calls. */
  private int depth;
  /** A read transaction begun by a page read outside any (ends at the next begin or endRead). */
  private boolean lingering;
  /** Whether the write transaction began the read transaction it runs in (and ends it). */
  private boolean writeOwnsRead;
  private long busyTimeoutMillis;

  ReadTransaction(PagerFile shared, Refresher refresher) {
    this.shared = shared;
    this.file = shared.file();
    this.refresher = refresher;
    this.journal = shared.journal();
  }

  Journal journal() {
    return journal;
  }

  long busyTimeout() {
    return busyTimeoutMillis;
  }

  void setBusyTimeout(long millis) {
    busyTimeoutMillis = Math.max(0, millis);
  }

  /** The pages were loaded at {@code s} (the first read at open, or this pager's own commit). */
  void loadedAt(Journal.Snapshot s) {
    cached = s;
  }

  /** {@link Pager#beginRead}; {@code inWrite}: a write transaction is open (its read goes on). */
  void begin(boolean inWrite) {
    if (lingering) {
      endSnapshot();
    }
    if (depth == 0 && !inWrite) {
      startSnapshot();
    }
    depth++;
  }

  /** {@link Pager#endRead}. */
  void end(boolean inWrite) {
    if (depth == 0) {
      if (lingering) {
        endSnapshot();
        return;
      }
      throw new StorageException(StorageException.Kind.MISUSE, "no read transaction is active");
    }
    if (depth == 1 && inWrite && !writeOwnsRead) {
      throw new StorageException(
          StorageException.Kind.MISUSE, "commit or roll back the write transaction first");
    }
    depth--;
    if (depth == 0 && !inWrite) {
      endSnapshot();
    }
  }

  boolean isLingering() {
    return lingering;
  }

  /** Begins the lingering read transaction of a page read outside any. */
  void beginLingering() {
    startSnapshot();
    lingering = true;
  }

  /**
   * The read part of {@link Pager#beginWrite}: inside a read transaction, the journal's write lock
   * at its snapshot (BUSY, BUSY_SNAPSHOT); outside one, a fresh snapshot and the write lock
   * together, retried with SQLite's busy-handler delays up to the busy timeout.
   */
  void beginWrite() {
    if (lingering) {
      endSnapshot();
    }
    if (snapshot != null) {
      journal.beginWrite(file, snapshot, busyTimeoutMillis);
      return;
    }
    long deadline = System.nanoTime() + busyTimeoutMillis * 1_000_000L;
    for (int attempt = 0; ; attempt++) {
      startSnapshot();
      try {
        journal.beginWrite(file, snapshot, 0);
        writeOwnsRead = true;
        return;
      } catch (StorageException e) {
        endSnapshot();
        boolean retry = e.kind() == StorageException.Kind.BUSY
            || e.kind() == StorageException.Kind.BUSY_SNAPSHOT;
        long left = deadline - System.nanoTime();
        if (!retry || left <= 0) {
          throw e.kind() == StorageException.Kind.BUSY_SNAPSHOT
              ? new StorageException(StorageException.Kind.BUSY, e.getMessage(), e) : e;
        }
        BusyHandler.sleep(Math.min(left, BusyHandler.delayNanos(attempt)));
      }
    }
  }

  /** This pager's commit made {@code s} its snapshot, and its pages are those of {@code s}. */
  void committed(Journal.Snapshot s) {
    snapshot = s;
    cached = s;
  }

  /** After commit or rollback: the write lock goes; the write's own read ends with it. */
  void endWrite() {
    journal.endWrite(snapshot);
    writeOwnsRead = false;
    if (depth == 0) {
      endSnapshot();
    }
  }

  /** Ends whatever read is open (closing the pager). */
  void close() {
    endSnapshot();
  }

  /** Takes a snapshot and lets the pager bring its cached pages and page 1 up to it. */
  private void startSnapshot() {
    Journal current = shared.journal();
    if (current != journal) {
      // the journal mode changed since the last read: nothing cached is known to be current
      journal = current;
      cached = null;
    }
    Journal.Snapshot s = journal.beginRead(file, busyTimeoutMillis);
    try {
      refresher.refresh(journal, cached, s);
    } catch (RuntimeException e) {
      journal.endRead(s);
      throw e;
    }
    cached = s;
    snapshot = s;
  }

  private void endSnapshot() {
    Journal.Snapshot s = snapshot;
    snapshot = null;
    lingering = false;
    if (s != null) {
      cached = s;
      journal.endRead(s);
    }
  }
}
