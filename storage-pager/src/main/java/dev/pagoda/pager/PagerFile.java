package dev.pagoda.pager;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One database file and its journal, shared by every {@link Pager} (one per connection) that works
 * on it in this JVM. Opening it recovers the file (the journal plays back a hot rollback journal or
 * indexes a WAL) before any pager reads; {@link #openPager} then gives each connection its own
 * pager, with its own page cache and read snapshot, on the shared file.
 *
 * <p>Closing is the owner's: {@link #close()} closes the journal (a WAL checkpoints and deletes its
 * file) and the file; the pagers must be closed first. Thread-safe.
 */
public final class PagerFile implements AutoCloseable {
  private final DbFile file;
  private volatile Journal journal;
  private final AtomicInteger openPagers = new AtomicInteger();
  private volatile boolean closed;
  private volatile PagerOpening.Geometry geometry;

  private PagerFile(DbFile file, Journal journal) {
    this.file = file;
    this.journal = journal;
  }

  /**
   * Opens {@code file} with {@code journal}, which first recovers it. Both belong to the result
   * from now on (closed with it, or at once when recovery fails).
   *
   * @throws StorageException what the recovery throws (READONLY: a hot journal beside a read-only
   *     file; IOERR)
   */
  public static PagerFile open(DbFile file, Journal journal) {
    try {
      journal.recover(file);
      return new PagerFile(file, journal);
    } catch (RuntimeException e) {
      try {
        journal.close();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      try {
        file.close();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** A new pager on this file with the installed page caches. */
  public Pager openPager(PagerOptions options) {
    return openPager(options, PageCacheProviders.installed());
  }

  /**
   * A new pager on this file, with its own page cache ({@code providers.get(options.pageCache())})
   * and read snapshots. Closing the pager leaves the file open.
   *
   * @throws StorageException NOTADB when the file is not empty and does not start with a valid
   *     header; BUSY when its first read cannot take a snapshot
   */
  public Pager openPager(PagerOptions options, PageCacheProviders providers) {
    checkOpen();
    Pager p = PagerOpening.open(this, options, providers);
    openPagers.incrementAndGet();
    return p;
  }

  /** The database file. */
  public DbFile file() {
    return file;
  }

  /** The journal every pager of this file commits through. */
  public Journal journal() {
    return journal;
  }

  /**
   * Replaces the journal ({@code PRAGMA journal_mode}); returns the one replaced, which the caller
   * closes. The caller makes sure that no pager is in a read transaction and that the file holds
   * every committed page (a WAL fully checkpointed); pagers pick the new journal up at their next
   * read transaction and drop their caches then.
   */
  public Journal replaceJournal(Journal next) {
    checkOpen();
    Journal old = journal;
    journal = next;
    return old;
  }

  PagerOpening.Geometry geometry() {
    return geometry;
  }

  void setGeometry(PagerOpening.Geometry g) {
    geometry = g;
  }

  /** The pagers opened and not yet closed. */
  public int openPagers() {
    return openPagers.get();
  }

  void pagerClosed() {
    openPagers.decrementAndGet();
  }

  public boolean isClosed() {
    return closed;
  }

  private void checkOpen() {
    if (closed) {
      throw new StorageException(StorageException.Kind.MISUSE, "database file is closed");
    }
  }

  /** Closes the journal (a WAL checkpoints and deletes its file first), then the file. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      journal.close();
    } finally {
      file.close();
    }
  }
}
