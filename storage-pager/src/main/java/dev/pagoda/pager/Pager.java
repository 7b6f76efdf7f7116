package dev.pagoda.pager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The pager: reads pages of a SQLite 3 database file into memory, tracks the pages changed by the
 * current write transaction, and writes them back on {@link #commit()}.
 *
 * <p>Page 1 is always held in memory; the 100-byte database header is read and written directly in
 * its bytes (see {@link DatabaseHeader} for the layout), so restoring page 1 on rollback restores
 * every header field, including the freelist head and count.
 *
 * <p>The page objects in memory (owned, cached, or only held by callers such as b-tree cursors)
 * are a {@link PageTable}'s, which also says why a page a caller still holds is found again rather
 * than read into a second object; the package documentation has the page states and pin rules.
 *
 * <p>Durability and concurrency are the {@link Journal}'s, which the pager shares with the other
 * pagers of its {@link PagerFile}: reads happen in read transactions at a journal snapshot
 * ({@link #beginRead}), {@link #commit()} hands the journal the transaction, and opening the file
 * lets it recover (play back a hot rollback journal) before anything is read. The static {@code
 * open} methods make a private PagerFile: a {@link DiskFile} gets a {@link RollbackJournal}
 * ({@code <path>-journal}, DELETE, FULL) unless a journal is given; other files get {@link
 * Journal#none()} (in-memory rollback only).
 *
 * <p>Savepoints ({@link #savepoint()}) nest inside a write transaction and are kept in memory.
 *
 * <p>The savepoints are a {@link SavepointStack}'s, the read transactions a {@link
 * ReadTransaction}'s, the commit's batch and header stamp {@link CommitBatch}'s. The pager keeps
 * the write transaction: the dirty list, the page count, the header in page 1, commit and
 * rollback.
 *
 * <p>Not thread-safe: one thread at a time (other pagers of the same file may run in other threads).
 * A pager opened by a static {@code open} method owns its PagerFile and closes it in {@link
 * #close()}; one from {@link PagerFile#openPager} leaves the file open.
 */
public final class Pager implements AutoCloseable {
  /** Offset of the lock-byte page (the page holding byte 2^30 is never used for data). */
  private static final long LOCK_BYTE_OFFSET = 1L << 30;

  private final PagerFile shared;
  private final DbFile file;
  /** Whether this pager opened {@link #shared} itself (the static open methods) and closes it. */
  private boolean ownsShared;

  /** For {@link PagerOpening}: this pager closes its PagerFile when it closes. */
  void ownSharedFile() {
    ownsShared = true;
  }
  private final SavepointStack savepoints = new SavepointStack();
  /** The read transactions: journal, snapshot, nesting (see {@link ReadTransaction}). */
  private final ReadTransaction reads;
  /** Whether the database file is empty: page 1 exists only in memory until the first commit. */
  private boolean newDatabase;
  private String brokenReason;
  private final int pageSize;
  private final int usableSize;
  private final boolean readOnly;
  private final String readOnlyReason;
  private final PageTable pages;
  private final List<Page> dirty = new ArrayList<>();
  private final Page page1;
  private int pageCount;
  private int savedPageCount;
  private long modificationCount;
  private boolean inWrite;
  private boolean closed;

  private Pager(
      PagerFile shared,
      int pageSize,
      int usableSize,
      Page page1,
      String roReason,
      PageCacheProvider provider,
      int cacheSize) {
    this.shared = shared;
    this.file = shared.file();
    this.reads = new ReadTransaction(shared, this::refresh);
    this.pageSize = pageSize;
    this.usableSize = usableSize;
    this.page1 = page1;
    this.readOnlyReason = roReason;
    this.readOnly = roReason != null;
    this.pages = new PageTable(file, page1, provider, cacheSize);
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

  /** Made by {@link PagerOpening} once the header is read. */
  Pager(PagerFile shared, int pageSize, int usableSize, Page page1, String roReason,
      PageCacheProvider provider, int cacheSize, Journal.Snapshot first, boolean newDatabase) {
    this(shared, pageSize, usableSize, page1, roReason, provider, cacheSize);
    reads.loadedAt(first);
    if (first == null) {
      return; // nothing read yet: the first read transaction loads page 1 (refresh)
    }
    if (newDatabase) {
      this.newDatabase = true;
      this.pageCount = 1;
    } else {
      loadPage1(reads.journal(), first);
    }
  }

  /**
   * Reads page 1 as of {@code s} into the page-1 object and sets the page count from it (or from
   * the journal or file size), as SQLite's lockBtree does.
   */
  private void loadPage1(Journal journal, Journal.Snapshot s) {
    byte[] data = page1.data();
    if (!journal.readPage(file, s, 1, data)) {
      if (file.size() == 0) {
        DatabaseHeader.initNew(data, pageSize);
        newDatabase = true;
        pageCount = 1;
        return;
      }
      PageTable.readFully(file, 1, data);
    }
    newDatabase = false;
    pageCount = PagerOpening.pageCount(file, journal, s, data);
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
    return pageCount;
  }

  /** The page number of the lock-byte page (never used for data). */
  public int lockBytePage() {
    return (int) (LOCK_BYTE_OFFSET / pageSize) + 1;
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
    reads.begin(inWrite);
  }

  /**
   * Ends the read transaction begun by the matching {@link #beginRead}.
   *
   * @throws StorageException MISUSE when none is open, or when it would end while the write
   *     transaction inside it is still open
   */
  public void endRead() {
    checkOpen();
    reads.end(inWrite);
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
    if (brokenReason != null) {
      return; // the file is not what memory holds: keep memory, file reads are refused
    }
    boolean[] page1Changed = {false};
    boolean exact = from != null && journal.changedPages(from, s, pgno -> {
      if (pgno == 1) {
        page1Changed[0] = true;
      } else {
        pages.discard(pgno);
      }
    });
    if (!exact) {
      pages.discardAll();
      page1Changed[0] = true;
    }
    if (page1Changed[0]) {
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
    if (inWrite) {
      throw new StorageException(StorageException.Kind.MISUSE, "already in a write transaction");
    }
    checkNotBroken();
    reads.beginWrite();
    inWrite = true;
    savedPageCount = pageCount;
  }

  /**
   * {@code BEGIN EXCLUSIVE}, inside the write transaction: keeps every other reader of the file out
   * until the transaction ends (rollback journal: EXCLUSIVE now, waiting up to the busy timeout for
   * the other readers to finish, else BUSY; WAL: nothing more than the write lock, as in SQLite).
   */
  public void lockExclusive() {
    requireWrite();
    reads.journal().lockExclusive(file, reads.snapshot, reads.busyTimeout());
  }

  public boolean inWriteTransaction() {
    return inWrite;
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
    return t.fetch(pgno, pageCount, brokenReason);
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
    if (!page.dirty) {
      page.original = page.data().clone();
      page.dirty = true;
      dirty.add(page);
    }
  }

  /**
   * Allocates a page, from the freelist when possible, else by growing the database (skipping the
   * lock-byte page). The page is zeroed and already writable.
   */
  public int allocatePage() {
    requireWrite();
    modificationCount++;
    int pgno = FreeList.allocate(this);
    if (pgno != 0) {
      Page p = pages.inMemory(pgno);
      if (p != null) {
        makeWritable(p);
        Arrays.fill(p.data(), (byte) 0);
      } else {
        if (!savepoints.isEmpty()) {
          // the file holds the page's current image: a savepoint must be able to put it back
          byte[] old = new byte[pageSize];
          int n = file.read((long) (pgno - 1) * pageSize, old, 0, pageSize);
          Arrays.fill(old, Math.max(n, 0), pageSize, (byte) 0);
          savepoints.record(pgno, old);
        }
        addNewPage(pgno);
      }
      return pgno;
    }
    if (pageCount == Integer.MAX_VALUE - 1) {
      throw new StorageException(StorageException.Kind.FULL, "database is full");
    }
    pageCount++;
    if (pageCount == lockBytePage()) {
      pageCount++;
    }
    addNewPage(pageCount);
    return pageCount;
  }

  /** Puts page {@code pgno} (2..pageCount) on the freelist. */
  public void freePage(int pgno) {
    requireWrite();
    if (pgno < 2 || pgno > pageCount || pgno == lockBytePage()) {
      throw StorageException.corrupt("cannot free page " + pgno);
    }
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
    if (dirty.isEmpty() && !newDatabase) {
      endTransaction();
      return;
    }
    makeWritable(page1);
    Journal journal = reads.journal();
    CommitBatch.stampHeader(page1.data(), pageCount, "wal".equals(journal.modeName()));
    long preSize = file.size();
    Journal.Commit batch = CommitBatch.of(dirty, pageSize, preSize, pageCount);
    try {
      reads.committed(journal.commit(file, reads.snapshot, batch, reads.busyTimeout()));
    } catch (StorageException e) {
      if (e.kind() != StorageException.Kind.BUSY) {
        failedCommit(e, preSize);
      }
      throw e; // BUSY: nothing was written; the transaction stays open, to commit again later
    } catch (RuntimeException e) {
      failedCommit(e, preSize);
      throw e;
    }
    newDatabase = false;
    pages.source(journal, reads.snapshot);
    for (Page p : dirty) {
      p.dirty = false;
      p.original = null;
      if (p.pins == 0 && p != page1) {
        pages.toCache(p);
      }
    }
    dirty.clear();
    endTransaction();
  }

  /**
   * After a failed journal commit (the journal has tried to put the file back already): unless the
   * file has its size and page 1 from before, this pager refuses further work. The transaction
   * stays open, as it is in memory, for the caller's {@link #rollback()}.
   */
  private void failedCommit(RuntimeException e, long preSize) {
    if (!CommitBatch.fileAsBefore(file, preSize, page1.original)) {
      // past the commit point, or written in place without a journal: the file is not what
      // this pager's memory will hold after rollback()
      brokenReason = "a commit failed (" + e + ") and the database file is not back in its state"
          + " before the transaction; reopen it";
    }
  }

  private void endTransaction() {
    savepoints.clear();
    inWrite = false;
    reads.endWrite();
  }

  /**
   * Opens a savepoint in the current write transaction and returns its id (its depth: 0 for the
   * outermost). {@link #rollbackTo} puts pages, page count and header back as they are now.
   */
  public int savepoint() {
    requireWrite();
    return savepoints.open(pageCount);
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
    savepoints.rollbackTo(sp, this::restorePageCount, this::restorePage);
  }

  /** For rollbackTo: the page count back to {@code n}, pages beyond discarded. */
  private void restorePageCount(int n) {
    if (pageCount > n) {
      discardBeyond(n);
    }
    pageCount = n;
  }

  /** For rollbackTo: page {@code pgno}'s content back to {@code image}, the page made writable. */
  private void restorePage(byte[] image, int pgno) {
    Page p = pages.inMemory(pgno);
    if (p != null) {
      makeWritable(p);
    } else {
      // not in memory (discarded by a truncation since): write over it without reading it;
      // as for a page reused from the freelist, the file still holds its original image
      p = addNewPage(pgno);
    }
    System.arraycopy(image, 0, p.data(), 0, pageSize);
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
    if (nPages < 1 || nPages > pageCount) {
      throw new StorageException(StorageException.Kind.MISUSE,
          "cannot truncate to " + nPages + " pages (page count " + pageCount + ")");
    }
    if (nPages == pageCount) {
      return;
    }
    modificationCount++;
    makeWritable(page1);
    savepoints.recordTruncation(nPages, pageCount, lockBytePage(), pgno -> getPage(pgno).data());
    discardBeyond(nPages);
    pageCount = nPages;
  }

  /** Drops every in-memory object of pages after {@code n}: the file or a savepoint has them. */
  private void discardBeyond(int n) {
    dirty.removeIf(p -> p.number() > n);
    for (int pgno = n + 1; pgno <= pageCount; pgno++) {
      pages.discard(pgno);
    }
  }

  /** Discards every change of the current write transaction and ends it. */
  public void rollback() {
    requireWrite();
    for (Page p : dirty) {
      p.dirty = false;
      if (p.original != null) {
        System.arraycopy(p.original, 0, p.data(), 0, pageSize);
        p.original = null;
        if (p.pins == 0 && p != page1) {
          pages.toCache(p);
        }
      } else {
        // Created in this transaction (appended, or reused from the freelist without being read):
        // the file still has the old image, so the object goes and a later read makes a new one.
        pages.forget(p);
      }
    }
    dirty.clear();
    pageCount = savedPageCount;
    modificationCount++;
    endTransaction();
  }

  /** Rolls back an open write transaction and closes the file. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      if (inWrite) {
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
    for (Page p : dirty) {
      PageTable.check(p.dirty, "page " + p.number() + " in the dirty list is dirty");
      PageTable.check(
          p == page1 || pages.owned.get(p.number()) == p, "dirty page " + p.number() + " is owned");
    }
    PageTable.check(inWrite || dirty.isEmpty(), "no dirty page outside a write transaction");
    pages.checkCacheSize();
  }

  /** Adds page {@code pgno} as a new zeroed page, dirty with no original image. */
  private Page addNewPage(int pgno) {
    Page p = pages.addNew(pgno);
    dirty.add(p);
    return p;
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
    if (!inWrite) {
      throw new StorageException(StorageException.Kind.MISUSE, "no write transaction is active");
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new StorageException(StorageException.Kind.MISUSE, "pager is closed");
    }
  }

  private void checkNotBroken() {
    if (brokenReason != null) {
      throw new StorageException(StorageException.Kind.IOERR, brokenReason);
    }
  }
}
