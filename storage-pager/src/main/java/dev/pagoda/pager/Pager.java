package dev.pagoda.pager;

/**
 * The pager: reads pages of a SQLite 3 database file into memory, tracks the pages changed by the
 * current write transaction, and writes them back on {@link #commit()}.
 *
 * <p>Page 1 is always held in memory; the 100-byte database header is read and written directly in
 * its bytes (see {@link DatabaseHeader} for the layout), so restoring page 1 on rollback restores
 * every header field, including the freelist head and count.
 *
 * <p>Durability and concurrency are the {@link Journal}'s, which the pager shares with the other
 * pagers of its {@link PagerFile}: reads happen in read transactions at a journal snapshot
 * ({@link #beginRead}), {@link #commit()} hands the journal the transaction, and opening the file
 * lets it recover (play back a hot rollback journal) before anything is read. The static {@code
 * open} methods make a private PagerFile: a {@link DiskFile} gets a {@link RollbackJournal}
 * ({@code <path>-journal}, DELETE, FULL) unless a journal is given; other files get {@link
 * Journal#none()} (in-memory rollback only).
 *
 * <p>The pager itself keeps page 1, the page lookups and pins (the hot path) and the modification
 * count; the rest is package-private collaborators':
 *
 * <ul>
 *   <li>{@link PageTable}: the page objects in memory (owned, cached, or only held by callers such
 *       as b-tree cursors), and why a page a caller still holds is found again rather than read
 *       into a second object; the package documentation has the page states and pin rules.
 *   <li>{@link ReadTransaction}: read transactions, their snapshots and nesting.
 *   <li>{@link WriteTransaction}: the write transaction's begin, commit through the journal
 *       ({@link CommitBatch}: the header stamp and the journal's batch) and end.
 *   <li>{@link DirtyPages}: the pages the write transaction changed, and what commit and rollback
 *       do to them.
 *   <li>{@link PageAllocator}: the page count, allocation and truncation ({@link FreeList}: the
 *       freelist's layout).
 *   <li>{@link SavepointStack}: the savepoints ({@link #savepoint()}), nested in the write
 *       transaction, in memory.
 * </ul>
 *
 * <p>Not thread-safe: one thread at a time (other pagers of the same file may run in other threads).
 * A pager opened by a static {@code open} method owns its PagerFile and closes it in {@link
 * #close()}; one from {@link PagerFile#openPager} leaves the file open.
 */
public final class Pager implements AutoCloseable {
  private final PagerFile shared;
  private final DbFile file;
  /** Whether this pager opened {@link #shared} itself (the static open methods) and closes it. */
  private boolean ownsShared;
  private final int pageSize;
  private final int usableSize;
  private final boolean readOnly;
  private final String readOnlyReason;
  private final Page page1;
  /** Whether the database file is empty: page 1 exists only in memory until the first commit. */
  private boolean newDatabase;
  private long modificationCount;
  private boolean closed;
  private final PageTable pages;
  private final ReadTransaction reads;
  private final WriteTransaction write;
  private final DirtyPages dirty;
  private final PageAllocator allocator;
  private final SavepointStack savepoints = new SavepointStack();

  /**
   * Made by {@link PagerOpening} once the header is known: read at snapshot {@code first}, or not
   * read yet ({@code first} null: the first read transaction loads page 1).
   */
  Pager(PagerFile shared, int pageSize, int usableSize, Page page1, String roReason,
      PageCacheProvider provider, int cacheSize, Journal.Snapshot first, boolean newDatabase) {
    this.shared = shared;
    this.file = shared.file();
    this.reads = new ReadTransaction(shared, this::refresh);
    this.pageSize = pageSize;
    this.usableSize = usableSize;
    this.page1 = page1;
    this.readOnlyReason = roReason;
    this.readOnly = roReason != null;
    this.pages = new PageTable(file, page1, provider, cacheSize);
    this.dirty = new DirtyPages(pages, page1);
    this.allocator = new PageAllocator(this, pages, dirty, savepoints, file, pageSize);
    this.write = new WriteTransaction(this, reads, file, pages, dirty, allocator, savepoints);
    reads.loadedAt(first);
    if (first == null) {
      return; // nothing read yet: the first read transaction loads page 1 (refresh)
    }
    if (newDatabase) {
      this.newDatabase = true;
      allocator.setPageCount(1);
    } else {
      loadPage1(reads.journal(), first);
    }
  }

  /**
   * Opens a pager on {@code file}. An empty file is a new database: nothing is written until the
   * first commit, but the pager behaves as a one-page database whose page 1 holds the header and an
   * empty sqlite_schema table-leaf page.
   *
   * <p>The page cache is {@link PagerOptions#pageCache()} from {@link
   * PageCacheProviders#installed()}. The journal is a {@link RollbackJournal} ({@code
   * <path>-journal}, DELETE, FULL) for a {@link DiskFile}, which first plays back a hot journal;
   * {@link Journal#none()} for any other file.
   *
   * @throws StorageException NOTADB when a non-empty file does not start with a valid header
   * @throws IllegalArgumentException when no installed provider has the options' page cache name
   */
  public static Pager open(DbFile file, PagerOptions options) {
    return open(file, options, PageCacheProviders.installed());
  }

  /**
   * Opens a pager on {@code file} with {@code journal} as its durability strategy. The journal
   * first recovers the file (plays back a hot journal); the pager owns both from then on.
   */
  public static Pager open(DbFile file, PagerOptions options, Journal journal) {
    return open(file, options, PageCacheProviders.installed(), journal);
  }

  /**
   * Opens database {@code name} of {@code vfs} (created when missing, unless read-only) with a
   * {@link RollbackJournal} named {@code name + "-journal"} in DELETE mode at synchronous FULL.
   */
  public static Pager open(Vfs vfs, String name, PagerOptions options) {
    return open(vfs.open(name, options.readOnly()), options, RollbackJournal.forDatabase(vfs, name));
  }

  /**
   * Opens a pager on {@code file} whose page cache is {@code providers.get(options.pageCache())}.
   *
   * @throws StorageException NOTADB when a non-empty file does not start with a valid header
   * @throws IllegalArgumentException when {@code providers} has no such page cache
   */
  public static Pager open(DbFile file, PagerOptions options, PageCacheProviders providers) {
    return open(file, options, providers, PagerOpening.defaultJournal(file));
  }

  /**
   * Opens a pager on {@code file} with page cache {@code providers.get(options.pageCache())} and
   * {@code journal}, which first recovers the file.
   *
   * @throws StorageException NOTADB when a non-empty file does not start with a valid header; what
   *     the journal's recovery throws (READONLY: a hot journal beside a read-only file)
   */
  public static Pager open(
      DbFile file, PagerOptions options, PageCacheProviders providers, Journal journal) {
    return PagerOpening.openPrivate(file, options, providers, journal);
  }

  /** For {@link PagerOpening}: this pager closes its PagerFile when it closes. */
  void ownSharedFile() {
    ownsShared = true;
  }

  /** Reads page 1 as of {@code s} and sets the page count ({@link PagerOpening#loadPage1}). */
  private void loadPage1(Journal journal, Journal.Snapshot s) {
    int count = PagerOpening.loadPage1(file, journal, s, page1.data());
    newDatabase = count == PagerOpening.NEW_DATABASE;
    allocator.setPageCount(newDatabase ? 1 : count);
  }

  /** The page size in bytes. */
  public int pageSize() {
    return pageSize;
  }

  /** The usable bytes per page: page size minus the reserved bytes (header offset 20). */
  public int usableSize() {
    return usableSize;
  }

  /** The number of pages in the database, including uncommitted growth. */
  public int pageCount() {
    return allocator.pageCount();
  }

  /** The page number of the lock-byte page (never used for data). */
  public int lockBytePage() {
    return allocator.lockBytePage();
  }

  /** Why this pager may not write, or null. */
  String readOnlyReason() {
    return readOnlyReason;
  }

  public boolean isReadOnly() {
    return readOnly;
  }

  /**
   * How long {@link #beginRead}, {@link #beginWrite} and {@link #commit} wait for another pager's
   * lock before failing with BUSY ({@code PRAGMA busy_timeout}); 0 (the default) fails at once.
   */
  public void setBusyTimeout(long millis) {
    reads.setBusyTimeout(millis);
  }

  public long busyTimeout() {
    return reads.busyTimeout();
  }

  /**
   * Starts a read transaction (nested calls count): until the matching {@link #endRead}, every
   * page read sees the database as of the last commit before this call, whatever other pagers of
   * the same {@link PagerFile} commit meanwhile (with a WAL; a rollback journal makes their
   * commits wait instead). Pages cached from an earlier read transaction that another pager has
   * changed since are dropped now.
   *
   * <p>A page read outside any read transaction begins one that lasts until the next {@code
   * beginRead}, {@code beginWrite} or {@code endRead} call: fine for a pager alone on its file,
   * wrong for one that shares it.
   *
   * @throws StorageException BUSY when the snapshot cannot be taken within the busy timeout
   */
  public void beginRead() {
    checkOpen();
    reads.begin(write.active);
  }

  /**
   * Ends the read transaction begun by the matching {@link #beginRead}.
   *
   * @throws StorageException MISUSE when none is open, or when it would end while the write
   *     transaction inside it is still open
   */
  public void endRead() {
    checkOpen();
    reads.end(write.active);
  }

  /**
   * Whether the open read transaction is a lingering one (begun by a page read outside any):
   * callers that share the file assert that this never happens to them.
   */
  public boolean isReadLingering() {
    return reads.isLingering();
  }

  /** Whether a read transaction is open (explicit, lingering, or the one a write runs in). */
  public boolean inReadTransaction() {
    return reads.snapshot != null;
  }

  /**
   * For {@link ReadTransaction}: drops what changed between snapshot {@code from} (null: unknown)
   * and {@code s}, and reloads page 1 if it did.
   */
  private void refresh(Journal journal, Journal.Snapshot from, Journal.Snapshot s) {
    pages.source(journal, s);
    if (write.brokenReason != null) {
      return; // the file is not what memory holds: keep memory, file reads are refused
    }
    if (pages.dropChanged(journal, from, s)) {
      modificationCount++;
      loadPage1(journal, s);
    }
  }

  /** Whether the file is still empty: page 1 exists only in memory until the first commit. */
  public boolean isNewDatabase() {
    return newDatabase;
  }

  /**
   * Makes page 1 part of the current write transaction without changing a field, so that the
   * commit rewrites the header (its version bytes follow the journal mode).
   */
  public void markHeaderDirty() {
    makeWritable(page1);
  }

  /**
   * Starts a write transaction. Inside a read transaction, this pager becomes the one writer; BUSY
   * (after the busy timeout) while another pager writes, and BUSY_SNAPSHOT when another pager has
   * committed since the read transaction began (end it and start again). Outside one, a read
   * transaction is begun for the write and ended by commit or rollback; a busy writer is waited
   * for (retrying up to the busy timeout, as SQLite's busy handler does).
   */
  public void beginWrite() {
    checkOpen();
    if (readOnly) {
      throw new StorageException(StorageException.Kind.READONLY, readOnlyReason);
    }
    if (write.active) {
      throw new StorageException(StorageException.Kind.MISUSE, "already in a write transaction");
    }
    write.begin();
  }

  /**
   * {@code BEGIN EXCLUSIVE}, inside the write transaction: keeps every other reader of the file out
   * until the transaction ends (rollback journal: EXCLUSIVE now, waiting up to the busy timeout for
   * the other readers to finish, else BUSY; WAL: nothing more than the write lock, as in SQLite).
   */
  public void lockExclusive() {
    requireWrite();
    write.lockExclusive();
  }

  public boolean inWriteTransaction() {
    return write.active;
  }

  /**
   * Returns page {@code pgno}, from memory or the file. The page is not pinned; while the caller
   * holds the object, this pager returns that same object for {@code pgno}.
   *
   * @throws StorageException CORRUPT when pgno is not in 1..pageCount
   */
  public Page getPage(int pgno) {
    checkOpen();
    if (reads.snapshot == null) {
      reads.beginLingering();
    }
    if (pgno == 1) {
      return page1;
    }
    PageTable t = pages;
    Page p = t.owned.get(pgno);
    if (p != null) {
      return p;
    }
    p = t.cache.get(pgno);
    if (p != null) {
      return p;
    }
    return t.fetch(pgno, allocator.pageCount(), write.brokenReason);
  }

  /**
   * Returns page {@code pgno} pinned: it stays out of the page cache, in memory, until as many
   * {@link #release} calls as pins. Equivalent to {@code getPage} then {@link #pin}.
   *
   * @throws StorageException CORRUPT when pgno is not in 1..pageCount
   */
  public Page acquire(int pgno) {
    Page p = getPage(pgno);
    pin(p);
    return p;
  }

  /**
   * Adds a pin to {@code page}, a page of this pager. A pinned page is never handed to the page
   * cache; pins survive commit and rollback.
   *
   * @throws StorageException MISUSE when the page is not this pager's current object for its number
   */
  public void pin(Page page) {
    checkOpen();
    if (page.pins == 0 && !page.dirty) {
      pages.adopt(page);
    } else {
      pages.checkOwned(page);
    }
    page.pins++;
  }

  /**
   * Removes a pin from {@code page}. When the last pin goes and the page is clean, the page goes to
   * the page cache. Releasing a page that a rollback discarded, or after {@link #close}, only
   * counts the pin down.
   *
   * @throws StorageException MISUSE when the page holds no pin
   */
  public void release(Page page) {
    if (page.pins <= 0) {
      throw new StorageException(StorageException.Kind.MISUSE, "page " + page.number() + " is not pinned");
    }
    if (!closed && !page.discarded) {
      pages.checkOwned(page);
    }
    page.pins--;
    if (page.pins == 0 && !page.dirty && !page.discarded && !closed && page != page1) {
      pages.toCache(page);
    }
  }

  /** Marks {@code page} as modified by the current write transaction, keeping its original image. */
  public void makeWritable(Page page) {
    requireWrite();
    modificationCount++;
    if (page.pins == 0 && !page.dirty) {
      pages.adopt(page);
    } else {
      pages.checkOwned(page);
    }
    savepoints.record(page.number(), page.data());
    dirty.track(page);
  }

  /**
   * Allocates a page, from the freelist when possible, else by growing the database (skipping the
   * lock-byte page). The page is zeroed and already writable.
   */
  public int allocatePage() {
    requireWrite();
    modificationCount++;
    return allocator.allocate();
  }

  /** Puts page {@code pgno} (2..pageCount) on the freelist. */
  public void freePage(int pgno) {
    requireWrite();
    allocator.checkFreeable(pgno);
    modificationCount++;
    FreeList.free(this, pgno);
  }

  /**
   * A counter incremented by every {@link #makeWritable}, {@link #allocatePage}, {@link #freePage}
   * and {@link #rollback}: page content may have changed whenever it moves. Cursors use it to
   * detect that the pages under their saved position may have been rewritten.
   */
  public long modificationCount() {
    return modificationCount;
  }

  /**
   * Sets the page cache size with {@code PRAGMA cache_size} semantics: {@code n >= 0} holds n clean
   * pages, a negative n holds |n| KiB of page bytes ({@code |n| * 1024 / pageSize()} pages; SQLite
   * also counts its per-page overhead, so it holds slightly fewer). Pinned and dirty pages are not
   * counted: they stay in memory whatever the size. Shrinking evicts at once.
   */
  public void setCacheSize(int n) {
    checkOpen();
    pages.setCacheSize(n);
  }

  /** The cache size as last set ({@link PagerOptions#cacheSize()} or {@link #setCacheSize}). */
  public int cacheSize() {
    return pages.cacheSize();
  }

  /** The page cache's capacity in pages, derived from {@link #cacheSize()}. */
  public int cacheCapacity() {
    return pages.cacheCapacity();
  }

  /** The page cache's counters and this pager's page reads, as of now. */
  public CacheStats cacheStats() {
    return pages.stats();
  }

  public int schemaCookie() {
    return headerInt(DatabaseHeader.SCHEMA_COOKIE);
  }

  public void setSchemaCookie(int v) {
    setHeaderInt(DatabaseHeader.SCHEMA_COOKIE, v);
  }

  public int userVersion() {
    return headerInt(DatabaseHeader.USER_VERSION);
  }

  public void setUserVersion(int v) {
    setHeaderInt(DatabaseHeader.USER_VERSION, v);
  }

  public int applicationId() {
    return headerInt(DatabaseHeader.APPLICATION_ID);
  }

  public void setApplicationId(int v) {
    setHeaderInt(DatabaseHeader.APPLICATION_ID, v);
  }

  /** The schema format number (header offset 44). */
  public int schemaFormat() {
    return headerInt(DatabaseHeader.SCHEMA_FORMAT);
  }

  /** The text encoding (header offset 56): 1 UTF-8, 2 UTF-16le, 3 UTF-16be; 0 in a new file. */
  public int textEncoding() {
    return headerInt(DatabaseHeader.TEXT_ENCODING);
  }

  /** The file change counter (header offset 24). */
  public int changeCounter() {
    return headerInt(DatabaseHeader.CHANGE_COUNTER);
  }

  /** The number of pages on the freelist (header offset 36). */
  public int freelistCount() {
    return headerInt(DatabaseHeader.FREELIST_COUNT);
  }

  /** The first freelist trunk page (header offset 32), 0 when the freelist is empty. */
  public int freelistTrunk() {
    return headerInt(DatabaseHeader.FREELIST_TRUNK);
  }

  /**
   * Commits the write transaction through the journal (for a {@link RollbackJournal}: original
   * images to the journal and synced, then the pages to the file and synced, then the journal
   * finalized; see the package documentation) and ends it. A transaction that changed nothing
   * writes nothing, except that the first commit of a new database writes page 1.
   *
   * <p>When the journal fails (an I/O error), it has already tried to put the file back as it was
   * before the transaction, and the exception is rethrown; the transaction stays open in memory,
   * for {@link #rollback()}. If the file is still not as before the transaction (the failure came
   * after the commit point, the playback failed, or {@link Journal#none()} wrote part of the
   * pages), the pager refuses further transactions and file reads (IOERR) until reopened; the
   * reopen plays back a hot journal if one is left. BUSY (a rollback journal could not get
   * EXCLUSIVE within the busy timeout: other pagers still read) means nothing was written: the
   * transaction stays open and may commit again.
   */
  public void commit() {
    requireWrite();
    if (write.commit(newDatabase)) {
      newDatabase = false;
    }
    write.end();
  }

  /**
   * Opens a savepoint in the current write transaction and returns its id (its depth: 0 for the
   * outermost). {@link #rollbackTo} puts pages, page count and header back as they are now.
   */
  public int savepoint() {
    requireWrite();
    return savepoints.open(allocator.pageCount());
  }

  /** The number of open savepoints. */
  public int savepointCount() {
    return savepoints.size();
  }

  /**
   * Restores every page, the page count and the header to their state when savepoint {@code sp}
   * was opened. Savepoints opened after {@code sp} are released; {@code sp} stays open. Pages
   * created since are discarded (DISCARDED, as in a rollback).
   *
   * @throws StorageException MISUSE when {@code sp} is not an open savepoint
   */
  public void rollbackTo(int sp) {
    checkSavepoint(sp);
    modificationCount++;
    savepoints.rollbackTo(sp, allocator::restorePageCount, allocator::restorePage);
  }

  /**
   * Releases savepoint {@code sp} and those opened after it, keeping their changes: they now
   * belong to the enclosing savepoint, if any, or to the transaction.
   *
   * @throws StorageException MISUSE when {@code sp} is not an open savepoint
   */
  public void releaseSavepoint(int sp) {
    checkSavepoint(sp);
    savepoints.release(sp);
  }

  private void checkSavepoint(int sp) {
    requireWrite();
    savepoints.check(sp);
  }

  /**
   * Shrinks the database to {@code nPages} pages (SQLite's sqlite3PagerTruncateImage): pages beyond
   * are DISCARDED now and cut from the file at commit. The caller keeps the freelist and b-trees
   * consistent (no page beyond the new end may still be referenced).
   *
   * @throws StorageException MISUSE when {@code nPages} is not in 1..pageCount()
   */
  public void truncateTo(int nPages) {
    requireWrite();
    allocator.checkTruncation(nPages);
    if (nPages != allocator.pageCount()) {
      modificationCount++;
      allocator.truncateTo(nPages);
    }
  }

  /** Discards every change of the current write transaction and ends it. */
  public void rollback() {
    requireWrite();
    dirty.rollBack();
    allocator.rollBack();
    modificationCount++;
    write.end();
  }

  /** Rolls back an open write transaction and closes the file. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      if (write.active) {
        rollback();
      }
    } finally {
      try {
        reads.close();
      } finally {
        closed = true;
        pages.clear();
        if (ownsShared) {
          shared.close();
        } else {
          shared.pagerClosed();
        }
      }
    }
  }

  Page page1() {
    return page1;
  }

  /**
   * Checks the pager's page invariants (package documentation, "Page states") and throws
   * IllegalStateException naming the first one broken. For tests: it walks every owned page.
   */
  void checkInvariants() {
    pages.checkOwnedPages();
    dirty.checkInvariants(write.active);
    pages.checkCacheSize();
  }

  private int headerInt(int offset) {
    checkOpen();
    if (reads.snapshot == null) {
      reads.beginLingering();
    }
    return BigEndian.i32(page1.data(), offset);
  }

  private void setHeaderInt(int offset, int v) {
    makeWritable(page1);
    BigEndian.putI32(page1.data(), offset, v);
  }

  private void requireWrite() {
    checkOpen();
    if (!write.active) {
      throw new StorageException(StorageException.Kind.MISUSE, "no write transaction is active");
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new StorageException(StorageException.Kind.MISUSE, "pager is closed");
    }
  }
}
