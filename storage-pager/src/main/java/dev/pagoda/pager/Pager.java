package dev.pagoda.pager;

import dev.pagoda.pager.cache.IntObjectMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The pager: reads pages of a SQLite 3 database file into memory, tracks the pages changed by the
 * current write transaction, and writes them back on {@link #commit()}.
 *
 * <p>Page 1 is always held in memory; the 100-byte database header is read and written directly in
 * its bytes (see {@link DatabaseHeader} for the layout), so restoring page 1 on rollback restores
 * every header field, including the freelist head and count.
 *
 * <p>Pages live in three places (the package documentation has the states and the rules):
 *
 * <pre>
 * owned   pinned or dirty pages (never page 1), an IntObjectMap the pager keeps strongly
 * cache   clean, unpinned pages, in the PageCache plug-in, which may forget any of them
 * live    a weak reference to every page object made, so that a page the cache forgot but a
 *         caller still holds is found again instead of being read into a second object
 * </pre>
 *
 * <p>Why {@code live}: callers such as b-tree cursors keep {@link Page} objects between calls
 * without pinning them, and may later pass one to {@link #makeWritable}. Reading that page again
 * into a new object would leave the caller writing to a copy the pager no longer knows. Java's
 * reachability is the pin count of those callers: while any caller can reach a page object it stays
 * the page's only object. A page nobody reaches is collected and its weak reference cleared, and a
 * later read makes a new object. Lookups go owned, cache, then (on a cache miss only) live, then the
 * file; the hit path allocates nothing.
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
 * <p>The page objects in memory (owned, cache, live) are a {@link PageTable}'s; the savepoints a
 * {@link SavepointStack}'s. The pager keeps the transaction: the dirty list, the page count, the
 * header in page 1, commit and rollback.
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
  /** The shared file's journal as of this pager's current (or last) read transaction. */
  private Journal journal;
  /** Whether this pager opened {@link #shared} itself (the static open methods) and closes it. */
  private boolean ownsShared;
  private final SavepointStack savepoints = new SavepointStack();
  /** The snapshot of the open read transaction, or null. */
  private Journal.Snapshot snapshot;
  /** The snapshot the cached pages belong to, kept after the read ended; null: nothing cached. */
  private Journal.Snapshot cachedSnapshot;
  /** Nesting depth of beginRead calls. */
  private int readDepth;
  /** A read transaction begun by a page read outside any (ends at the next begin or endRead). */
  private boolean lingeringRead;
  /** Whether the write transaction began the read transaction it runs in (and ends it). */
  private boolean writeOwnsRead;
  /** Whether the database file is empty: page 1 exists only in memory until the first commit. */
  private boolean newDatabase;
  private long busyTimeoutMillis;
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
    this.journal = shared.journal();
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

  /** The default journal for a file: a rollback journal beside a DiskFile, else none. */
  static Journal defaultJournal(DbFile file) {
    if (file instanceof DiskFile disk) {
      return RollbackJournal.forDatabase(DiskVfs.get(), disk.path().toString());
    }
    return Journal.none();
  }

  /**
   * Opens a pager on {@code file} whose page cache is {@code providers.get(options.pageCache())}.
   *
   * @throws StorageException NOTADB when a non-empty file does not start with a valid header
   * @throws IllegalArgumentException when {@code providers} has no such page cache
   */
  public static Pager open(DbFile file, PagerOptions options, PageCacheProviders providers) {
    return open(file, options, providers, defaultJournal(file));
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
    PagerFile pf = PagerFile.open(file, journal);
    try {
      Pager p = openShared(pf, options, providers);
      p.ownsShared = true;
      return p;
    } catch (RuntimeException e) {
      try {
        pf.close();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** A pager on a shared file ({@link PagerFile#openPager}): reads the header in a first read. */
  static Pager openShared(PagerFile shared, PagerOptions options, PageCacheProviders providers) {
    return PagerOpening.open(shared, options, providers);
  }

  /** Made by {@link PagerOpening} once the header is read. */
  Pager(PagerFile shared, int pageSize, int usableSize, Page page1, String roReason,
      PageCacheProvider provider, int cacheSize, Journal.Snapshot first, boolean newDatabase) {
    this(shared, pageSize, usableSize, page1, roReason, provider, cacheSize);
    this.cachedSnapshot = first;
    if (first == null) {
      return; // nothing read yet: the first read transaction loads page 1 (refresh)
    }
    if (newDatabase) {
      this.newDatabase = true;
      this.pageCount = 1;
    } else {
      loadPage1(first);
    }
  }

  /**
   * Reads page 1 as of {@code s} into the page-1 object and sets the page count from it (or from
   * the journal or file size), as SQLite's lockBtree does.
   */
  private void loadPage1(Journal.Snapshot s) {
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
    busyTimeoutMillis = Math.max(0, millis);
  }

  public long busyTimeout() {
    return busyTimeoutMillis;
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
    if (lingeringRead) {
      endSnapshot();
    }
    if (readDepth == 0 && !inWrite) {
      startSnapshot(busyTimeoutMillis);
    }
    readDepth++;
  }

  /**
   * Ends the read transaction begun by the matching {@link #beginRead}.
   *
   * @throws StorageException MISUSE when none is open, or when it would end while the write
   *     transaction inside it is still open
   */
  public void endRead() {
    checkOpen();
    if (readDepth == 0) {
      if (lingeringRead) {
        endSnapshot();
        return;
      }
      throw new StorageException(StorageException.Kind.MISUSE, "no read transaction is active");
    }
    if (readDepth == 1 && inWrite && !writeOwnsRead) {
      throw new StorageException(
          StorageException.Kind.MISUSE, "commit or roll back the write transaction first");
    }
    readDepth--;
    if (readDepth == 0 && !inWrite) {
      endSnapshot();
    }
  }

  /**
   * Whether the open read transaction is a lingering one (begun by a page read outside any):
   * callers that share the file assert that this never happens to them.
   */
  public boolean isReadLingering() {
    return lingeringRead;
  }

  /** Whether a read transaction is open (explicit, lingering, or the one a write runs in). */
  public boolean inReadTransaction() {
    return snapshot != null;
  }

  /** Takes a snapshot and brings the cached pages and page 1 up to it. */
  private void startSnapshot(long timeoutMillis) {
    Journal current = shared.journal();
    if (current != journal) {
      // the journal mode changed since the last read: nothing cached is known to be current
      journal = current;
      cachedSnapshot = null;
    }
    Journal.Snapshot s = journal.beginRead(file, timeoutMillis);
    try {
      refresh(s);
    } catch (RuntimeException e) {
      journal.endRead(s);
      throw e;
    }
    snapshot = s;
  }

  private void endSnapshot() {
    Journal.Snapshot s = snapshot;
    snapshot = null;
    lingeringRead = false;
    if (s != null) {
      cachedSnapshot = s;
      journal.endRead(s);
    }
  }

  /** Drops what changed between the cached snapshot and {@code s}; reloads page 1 if it did. */
  private void refresh(Journal.Snapshot s) {
    pages.source(journal, s);
    if (brokenReason != null) {
      return; // the file is not what memory holds: keep memory, file reads are refused
    }
    Journal.Snapshot from = cachedSnapshot;
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
    cachedSnapshot = s;
    if (page1Changed[0]) {
      modificationCount++;
      loadPage1(s);
    }
  }

  /** Begins the lingering read transaction of a page read outside any. */
  private void lingeringSnapshot() {
    startSnapshot(busyTimeoutMillis);
    lingeringRead = true;
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
    if (lingeringRead) {
      endSnapshot();
    }
    if (snapshot == null) {
      beginOwnRead();
    } else {
      journal.beginWrite(file, snapshot, busyTimeoutMillis);
    }
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
    journal.lockExclusive(file, snapshot, busyTimeoutMillis);
  }

  /** Takes a fresh snapshot and the write lock, retrying with SQLite's busy-handler delays. */
  private void beginOwnRead() {
    long deadline = System.nanoTime() + busyTimeoutMillis * 1_000_000L;
    for (int attempt = 0; ; attempt++) {
      startSnapshot(busyTimeoutMillis);
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
    if (snapshot == null) {
      lingeringSnapshot();
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

  /**
   * A snapshot of page cache activity.
   *
   * @param hits page cache lookups that found their page
   * @param misses page cache lookups that did not
   * @param evictions pages the page cache chose to forget
   * @param pagesRead pages read from the file (a cache miss whose page no caller held)
   * @param cached pages in the page cache now
   * @param capacity the page cache's capacity in pages
   * @param owned pinned or dirty pages the pager holds outside the cache (page 1 not counted)
   */
  public record CacheStats(
      long hits, long misses, long evictions, long pagesRead, int cached, int capacity, int owned) {}

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
    byte[] h = page1.data();
    byte version = (byte) ("wal".equals(journal.modeName()) ? 2 : 1);
    h[DatabaseHeader.WRITE_VERSION] = version;
    h[DatabaseHeader.READ_VERSION] = version;
    int counter = BigEndian.i32(h, DatabaseHeader.CHANGE_COUNTER) + 1;
    BigEndian.putI32(h, DatabaseHeader.CHANGE_COUNTER, counter);
    BigEndian.putI32(h, DatabaseHeader.DATABASE_SIZE, pageCount);
    BigEndian.putI32(h, DatabaseHeader.VERSION_VALID_FOR, counter);
    BigEndian.putI32(h, DatabaseHeader.SQLITE_VERSION, DatabaseHeader.VERSION_NUMBER);
    dirty.sort(Comparator.comparingInt(Page::number));
    int[] numbers = new int[dirty.size()];
    byte[][] images = new byte[dirty.size()][];
    IntObjectMap<byte[]> originals = new IntObjectMap<>();
    for (int i = 0; i < numbers.length; i++) {
      Page p = dirty.get(i);
      numbers[i] = p.number();
      images[i] = p.data();
      if (p.original != null) {
        originals.put(p.number(), p.original);
      }
    }
    long preSize = file.size();
    int filePages = (int) Math.min(Integer.MAX_VALUE, (preSize + pageSize - 1) / pageSize);
    Journal.Commit batch =
        new Journal.Commit(pageSize, filePages, pageCount, numbers, images, originals::get);
    try {
      snapshot = journal.commit(file, snapshot, batch, busyTimeoutMillis);
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
    cachedSnapshot = snapshot;
    pages.source(journal, snapshot);
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
   * After a failed journal commit: let the journal put the file back as it was before the
   * transaction (a hot rollback journal is played back now). The transaction stays open, as it is
   * in memory, for the caller's {@link #rollback()} (or another commit).
   */
  private void failedCommit(RuntimeException e, long preSize) {
    if (!fileAsBefore(preSize)) {
      // past the commit point, or written in place without a journal: the file is not what
      // this pager's memory will hold after rollback()
      brokenReason = "a commit failed (" + e + ") and the database file is not back in its state"
          + " before the transaction; reopen it";
    }
  }

  /** Whether the file has its size and page 1 from before the failed commit. */
  private boolean fileAsBefore(long preSize) {
    if (file.size() != preSize) {
      return false;
    }
    if (preSize == 0) {
      return true;
    }
    byte[] now = new byte[pageSize];
    PageTable.readFully(file, 1, now);
    return page1.original != null && Arrays.equals(now, page1.original);
  }

  private void endTransaction() {
    savepoints.clear();
    inWrite = false;
    journal.endWrite(snapshot);
    if (writeOwnsRead) {
      writeOwnsRead = false;
      if (readDepth == 0) {
        endSnapshot();
      }
    } else if (readDepth == 0) {
      endSnapshot();
    }
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
        endSnapshot();
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
    if (snapshot == null) {
      lingeringSnapshot();
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
