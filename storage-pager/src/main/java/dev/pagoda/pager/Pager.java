package dev.pagoda.pager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pager: reads pages of a SQLite 3 database file into memory, tracks the pages changed by the
 * current write transaction, and writes them back on {@link #commit()}.
 *
 * <p>Page 1 is always held in memory; the 100-byte database header is read and written directly in
 * its bytes (see {@link DatabaseHeader} for the layout), so restoring page 1 on rollback restores
 * every header field, including the freelist head and count.
 *
 * <p>Not thread-safe: the caller serialises all access. The pager owns its {@link DbFile} and closes
 * it in {@link #close()}. There is no rollback journal yet: a crash or I/O error during {@link
 * #commit()} can leave the file partially written.
 */
public final class Pager implements AutoCloseable {
  /** Offset of the lock-byte page (the page holding byte 2^30 is never used for data). */
  private static final long LOCK_BYTE_OFFSET = 1L << 30;

  private final DbFile file;
  private final int pageSize;
  private final int usableSize;
  private final boolean readOnly;
  private final String readOnlyReason;
  private final Map<Integer, Page> cache = new HashMap<>();
  private final List<Page> dirty = new ArrayList<>();
  private final Page page1;
  private int pageCount;
  private int savedPageCount;
  private long modificationCount;
  private boolean inWrite;
  private boolean closed;

  private Pager(DbFile file, int pageSize, int usableSize, Page page1, int pageCount, String roReason) {
    this.file = file;
    this.pageSize = pageSize;
    this.usableSize = usableSize;
    this.page1 = page1;
    this.pageCount = pageCount;
    this.readOnlyReason = roReason;
    this.readOnly = roReason != null;
    cache.put(1, page1);
  }

  /**
   * Opens a pager on {@code file}. An empty file is a new database: nothing is written until the
   * first commit, but the pager behaves as a one-page database whose page 1 holds the header and an
   * empty sqlite_schema table-leaf page.
   *
   * @throws StorageException NOTADB when a non-empty file does not start with a valid header
   */
  public static Pager open(DbFile file, PagerOptions options) {
    String roReason = null;
    if (options.readOnly()) {
      roReason = "database opened read-only";
    } else if (file.isReadOnly()) {
      roReason = "database file is read-only";
    }
    long size = file.size();
    if (size == 0) {
      int ps = options.pageSize();
      byte[] data = new byte[ps];
      DatabaseHeader.initNew(data, ps);
      return new Pager(file, ps, ps, new Page(1, data), 1, roReason);
    }
    byte[] header = new byte[DatabaseHeader.SIZE];
    if (size < DatabaseHeader.SIZE || file.read(0, header, 0, header.length) < header.length) {
      throw new StorageException(StorageException.Kind.NOTADB, "file is not a database: too short");
    }
    int ps = DatabaseHeader.validate(header);
    int usable = ps - (header[DatabaseHeader.RESERVED_BYTES] & 0xff);
    int count = DatabaseHeader.trustedDatabaseSize(header);
    if (count == 0) {
      long pages = (size + ps - 1) / ps;
      if (pages > Integer.MAX_VALUE - 1) {
        throw new StorageException(StorageException.Kind.NOTADB, "file is too large");
      }
      count = (int) pages;
    }
    if (roReason == null && (header[DatabaseHeader.WRITE_VERSION] & 0xff) > 1) {
      roReason = "WAL-mode (or newer) database files are not writable yet";
    }
    byte[] data = new byte[ps];
    readFully(file, 1, data);
    return new Pager(file, ps, usable, new Page(1, data), count, roReason);
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

  public boolean isReadOnly() {
    return readOnly;
  }

  /** Starts a write transaction. */
  public void beginWrite() {
    checkOpen();
    if (readOnly) {
      throw new StorageException(StorageException.Kind.READONLY, readOnlyReason);
    }
    if (inWrite) {
      throw new StorageException(StorageException.Kind.MISUSE, "already in a write transaction");
    }
    inWrite = true;
    savedPageCount = pageCount;
  }

  public boolean inWriteTransaction() {
    return inWrite;
  }

  /**
   * Returns page {@code pgno}, from the cache or the file.
   *
   * @throws StorageException CORRUPT when pgno is not in 1..pageCount
   */
  public Page getPage(int pgno) {
    checkOpen();
    Page p = cache.get(pgno);
    if (p != null) {
      return p;
    }
    if (pgno < 1 || pgno > pageCount) {
      throw StorageException.corrupt("page number out of range: " + pgno + " (page count " + pageCount + ")");
    }
    byte[] data = new byte[pageSize];
    readFully(file, pgno, data);
    p = new Page(pgno, data);
    cache.put(pgno, p);
    return p;
  }

  /** Marks {@code page} as modified by the current write transaction, keeping its original image. */
  public void makeWritable(Page page) {
    requireWrite();
    modificationCount++;
    if (!page.dirty) {
      if (cache.get(page.number()) != page) {
        throw new StorageException(StorageException.Kind.MISUSE, "stale page object " + page.number());
      }
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
      Page p = cache.get(pgno);
      if (p != null) {
        makeWritable(p);
        Arrays.fill(p.data(), (byte) 0);
      } else {
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
   * Writes the dirty pages and the header to the file and syncs it; ends the write transaction. A
   * transaction that changed nothing writes nothing, except that the first commit of a new database
   * writes page 1.
   */
  public void commit() {
    requireWrite();
    if (dirty.isEmpty() && file.size() != 0) {
      inWrite = false;
      return;
    }
    makeWritable(page1);
    byte[] h = page1.data();
    int counter = BigEndian.i32(h, DatabaseHeader.CHANGE_COUNTER) + 1;
    BigEndian.putI32(h, DatabaseHeader.CHANGE_COUNTER, counter);
    BigEndian.putI32(h, DatabaseHeader.DATABASE_SIZE, pageCount);
    BigEndian.putI32(h, DatabaseHeader.VERSION_VALID_FOR, counter);
    BigEndian.putI32(h, DatabaseHeader.SQLITE_VERSION, DatabaseHeader.VERSION_NUMBER);
    dirty.sort(Comparator.comparingInt(Page::number));
    for (Page p : dirty) {
      file.write((long) (p.number() - 1) * pageSize, p.data(), 0, pageSize);
    }
    file.sync();
    for (Page p : dirty) {
      p.dirty = false;
      p.original = null;
    }
    dirty.clear();
    inWrite = false;
  }

  /** Discards every change of the current write transaction and ends it. */
  public void rollback() {
    requireWrite();
    for (Page p : dirty) {
      if (p.original != null) {
        System.arraycopy(p.original, 0, p.data(), 0, pageSize);
      } else {
        cache.remove(p.number());
      }
      p.dirty = false;
      p.original = null;
    }
    dirty.clear();
    pageCount = savedPageCount;
    modificationCount++;
    inWrite = false;
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
      closed = true;
      cache.clear();
      file.close();
    }
  }

  Page page1() {
    return page1;
  }

  private void addNewPage(int pgno) {
    Page p = new Page(pgno, new byte[pageSize]);
    p.dirty = true;
    p.original = null;
    dirty.add(p);
    cache.put(pgno, p);
  }

  private int headerInt(int offset) {
    checkOpen();
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

  private static void readFully(DbFile file, int pgno, byte[] data) {
    long pos = (long) (pgno - 1) * data.length;
    int n = file.read(pos, data, 0, data.length);
    if (n < data.length) {
      Arrays.fill(data, Math.max(n, 0), data.length, (byte) 0);
    }
  }
}
