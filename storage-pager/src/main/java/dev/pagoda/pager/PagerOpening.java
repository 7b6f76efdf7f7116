package dev.pagoda.pager;

import java.util.Arrays;

/**
 * How a {@link Pager} on a shared file starts: a first read transaction reads the header (from the
 * journal when a WAL holds page 1, else from the file), checks it, decides whether the pager may
 * write, and sets the page count as SQLite's lockBtree does ({@link #loadPage1} again at each later
 * snapshot at which page 1 changed).
 */
final class PagerOpening {
  private PagerOpening() {}

  /**
   * What the first pager of a file learnt from its header, so that later pagers start without
   * reading (a read could have to wait for another connection's commit): the page size, the
   * usable size, and why the file may not be written (null: it may).
   */
  record Geometry(int pageSize, int usableSize, String readOnlyReason) {}

  /** The default journal for a file: a rollback journal beside a DiskFile, else none. */
  static Journal defaultJournal(DbFile file) {
    if (file instanceof DiskFile disk) {
      return RollbackJournal.forDatabase(DiskVfs.get(), disk.path().toString());
    }
    return Journal.none();
  }

  /** {@link Pager#open}: a pager alone on a private PagerFile, which it closes with itself. */
  static Pager openPrivate(
      DbFile file, PagerOptions options, PageCacheProviders providers, Journal journal) {
    PagerFile pf = PagerFile.open(file, journal);
    try {
      Pager p = open(pf, options, providers);
      p.ownSharedFile();
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

  /** A pager on a shared file ({@link PagerFile#openPager}). */
  static Pager open(PagerFile shared, PagerOptions options, PageCacheProviders providers) {
    PageCacheProvider provider = providers.get(options.pageCache());
    int cacheSize = options.cacheSize();
    String roReason = null;
    if (options.readOnly()) {
      roReason = "database opened read-only";
    } else if (shared.file().isReadOnly()) {
      roReason = "database file is read-only";
    }
    Geometry g = shared.geometry();
    if (g != null && g.pageSize() > 0) {
      String reason = roReason != null ? roReason : g.readOnlyReason();
      return new Pager(shared, g.pageSize(), g.usableSize(), new Page(1, new byte[g.pageSize()]),
          reason, provider, cacheSize, null, false);
    }
    Pager p = readAndOpen(shared, options, provider, cacheSize, roReason);
    if (!p.isNewDatabase() && !options.readOnly() && !shared.file().isReadOnly()) {
      // (a new file's page size is the first opener's until its first commit: not cached; a
      // read-only pager's reason is its own, not the file's)
      shared.setGeometry(new Geometry(p.pageSize(), p.usableSize(), p.readOnlyReason()));
    }
    return p;
  }

  private static Pager readAndOpen(PagerFile shared, PagerOptions options,
      PageCacheProvider provider, int cacheSize, String roReason) {
    Journal journal = shared.journal();
    DbFile file = shared.file();
    Journal.Snapshot s = journal.beginRead(file, 0);
    try {
      byte[] header = readHeader(file, journal, s);
      if (header == null) {
        int ps = options.pageSize();
        byte[] data = new byte[ps];
        DatabaseHeader.initNew(data, ps);
        return new Pager(
            shared, ps, ps, new Page(1, data), roReason, provider, cacheSize, s, true);
      }
      int ps = DatabaseHeader.validate(header);
      int usable = ps - (header[DatabaseHeader.RESERVED_BYTES] & 0xff);
      boolean wal = "wal".equals(journal.modeName());
      if (roReason == null && !wal && (header[DatabaseHeader.WRITE_VERSION] & 0xff) > 1) {
        roReason = "WAL-mode database files need a WAL journal to be written";
      }
      if (roReason == null && BigEndian.i32(header, DatabaseHeader.LARGEST_ROOT_PAGE) != 0) {
        // Writing would have to keep pointer-map pages up to date, which the pager does not yet.
        roReason = "auto-vacuum database files are not writable yet";
      }
      return new Pager(shared, ps, usable, new Page(1, new byte[ps]), roReason, provider,
          cacheSize, s, false);
    } finally {
      journal.endRead(s);
    }
  }

  /** The first 100 bytes of page 1 as of {@code s}, or null for a new (empty) database. */
  private static byte[] readHeader(DbFile file, Journal journal, Journal.Snapshot s) {
    int walPageSize = journal.pageSize();
    if (journal.pageCount(s) > 0 && walPageSize > 0) {
      byte[] page = new byte[walPageSize];
      if (journal.readPage(file, s, 1, page)) {
        return Arrays.copyOf(page, DatabaseHeader.SIZE);
      }
    }
    long size = file.size();
    if (size == 0) {
      return null;
    }
    byte[] header = new byte[DatabaseHeader.SIZE];
    if (size < DatabaseHeader.SIZE || file.read(0, header, 0, header.length) < header.length) {
      throw new StorageException(StorageException.Kind.NOTADB, "file is not a database: too short");
    }
    return header;
  }

  /** What {@link #loadPage1} returns for an empty file: a new database. */
  static final int NEW_DATABASE = -1;

  /**
   * Reads page 1 as of {@code s} into {@code page1} (from the journal when it holds the page, else
   * from the file) and returns the page count ({@link #pageCount}), as SQLite's lockBtree does; or
   * {@link #NEW_DATABASE} when the file is empty, {@code page1} then being a new database's.
   */
  static int loadPage1(DbFile file, Journal journal, Journal.Snapshot s, byte[] page1) {
    if (!journal.readPage(file, s, 1, page1)) {
      if (file.size() == 0) {
        DatabaseHeader.initNew(page1, page1.length);
        return NEW_DATABASE;
      }
      PageTable.readFully(file, 1, page1);
    }
    return pageCount(file, journal, s, page1);
  }

  /**
   * The page count as of {@code s}, page 1 being {@code page1}: the journal's (a WAL's last
   * commit), else the header's when it is trusted, else the file's size. A trusted in-header size
   * beyond the file is CORRUPT (a truncated file), as in SQLite's lockBtree.
   */
  static int pageCount(DbFile file, Journal journal, Journal.Snapshot s, byte[] page1) {
    int count = journal.pageCount(s);
    if (count > 0) {
      return count;
    }
    int pageSize = page1.length;
    long size = file.size();
    count = DatabaseHeader.trustedDatabaseSize(page1);
    long filePages = (size + pageSize - 1) / pageSize;
    if (count == 0) {
      if (filePages > Integer.MAX_VALUE - 1) {
        throw new StorageException(StorageException.Kind.NOTADB, "file is too large");
      }
      return (int) filePages;
    }
    if (count > filePages) {
      throw StorageException.corrupt(
          "database disk image is malformed: the header (offset 28) says " + count + " pages but the file"
              + " ends within page " + filePages + "; page " + (filePages + 1) + " is missing");
    }
    return count;
  }
}
