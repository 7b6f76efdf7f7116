package dev.pagoda.pager;

/**
 * One {@link Pager}'s write transaction and its course through the journal: whether one is open;
 * its begin (the journal's write lock, taken through the {@link ReadTransaction} it runs in); {@code
 * BEGIN EXCLUSIVE}; its commit (the header stamp and {@link CommitBatch} handed to the journal, and
 * what a failed commit leaves); and its end. Its pages are {@link DirtyPages}', its page count
 * {@link PageAllocator}'s, its savepoints {@link SavepointStack}'s; the pager's rollback puts those
 * back and then ends the transaction here.
 *
 * <p>A failed commit that left the file changed sets {@link #brokenReason}: from then on this
 * refuses new transactions, and the pager file reads, until it is reopened.
 */
final class WriteTransaction {
  private final Pager pager;
  private final ReadTransaction reads;
  private final DbFile file;
  private final Page page1;
  private final PageTable pages;
  private final DirtyPages dirty;
  private final PageAllocator allocator;
  private final SavepointStack savepoints;
  /** Whether a write transaction is open. */
  boolean active;
  /** Why the file is not what this pager's memory holds (a commit failed), or null. */
  String brokenReason;

  WriteTransaction(Pager pager, ReadTransaction reads, DbFile file, PageTable pages,
      DirtyPages dirty, PageAllocator allocator, SavepointStack savepoints) {
    this.pager = pager;
    this.reads = reads;
    this.file = file;
    this.page1 = pager.page1();
    this.pages = pages;
    this.dirty = dirty;
    this.allocator = allocator;
    this.savepoints = savepoints;
  }

  /**
   * {@link Pager#beginWrite} once the pager checked it may: the write lock and the read it goes
   * with ({@link ReadTransaction#beginWrite}).
   *
   * @throws StorageException IOERR when a failed commit left the file changed
   */
  void begin() {
    if (brokenReason != null) {
      throw new StorageException(StorageException.Kind.IOERR, brokenReason);
    }
    reads.beginWrite();
    active = true;
    allocator.beginWrite();
  }

  /** {@link Pager#lockExclusive}. */
  void lockExclusive() {
    reads.journal().lockExclusive(file, reads.snapshot, reads.busyTimeout());
  }

  /**
   * {@link Pager#commit} up to its end: unless nothing changed (and the file is not {@code
   * newDatabase}, still empty), stamps the header, hands the journal the batch and, once it has
   * committed, makes the dirty pages clean. Returns whether the journal committed; the caller then
   * ends the transaction ({@link #end}). On a failure the transaction stays open (see {@link
   * Pager#commit}).
   */
  boolean commit(boolean newDatabase) {
    if (dirty.isEmpty() && !newDatabase) {
      return false;
    }
    pager.markHeaderDirty();
    Journal journal = reads.journal();
    int pageCount = allocator.pageCount();
    CommitBatch.stampHeader(page1.data(), pageCount, "wal".equals(journal.modeName()));
    long preSize = file.size();
    Journal.Commit batch = dirty.batch(preSize, pageCount);
    try {
      reads.committed(journal.commit(file, reads.snapshot, batch, reads.busyTimeout()));
    } catch (StorageException e) {
      if (e.kind() != StorageException.Kind.BUSY) {
        failed(e, preSize);
      }
      throw e; // BUSY: nothing was written; the transaction stays open, to commit again later
    } catch (RuntimeException e) {
      failed(e, preSize);
      throw e;
    }
    pages.source(journal, reads.snapshot);
    dirty.committed();
    return true;
  }

  /**
   * After a failed journal commit (the journal has tried to put the file back already): unless the
   * file has its size and page 1 from before, the pager refuses further work. The transaction
   * stays open, as it is in memory, for the caller's {@link Pager#rollback()}.
   */
  private void failed(RuntimeException e, long preSize) {
    String reason = CommitBatch.brokenBy(e, file, preSize, page1.original);
    if (reason != null) {
      brokenReason = reason; // (a later failed attempt that left the file as before keeps it)
    }
  }

  /** Ends the transaction (committed or rolled back): savepoints and write lock go. */
  void end() {
    savepoints.clear();
    active = false;
    reads.endWrite();
  }
}
