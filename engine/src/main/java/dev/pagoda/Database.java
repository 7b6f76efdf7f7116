package dev.pagoda;

import dev.pagoda.pager.DbFile;
import dev.pagoda.pager.MemoryFile;
import dev.pagoda.pager.Journal;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerFile;
import dev.pagoda.pager.DiskVfs;
import dev.pagoda.pager.Synchronous;
import dev.pagoda.pager.Vfs;
import dev.pagoda.pager.PagerOptions;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.wal.WalJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One database: a SQLite 3 file on disk, or a private in-memory database. Open it once, then
 * {@link #connect()} as many connections as you need. Closing the database closes its file.
 *
 * <pre>{@code
 * try (Database db = Database.open(Path.of("demo.db"));
 *     Connection conn = db.connect()) {
 *   conn.execute("CREATE TABLE t(a, b)");
 *   try (PreparedStatement insert = conn.prepare("INSERT INTO t VALUES (?, ?)")) {
 *     insert.bind(1, 42).bind(2, "answer").executeUpdate();
 *   }
 *   try (PreparedStatement select = conn.prepare("SELECT a, b FROM t WHERE a > ?");
 *       Rows rows = select.bind(1, 0).query()) {
 *     while (rows.next()) {
 *       System.out.println(rows.getLong(0) + " " + rows.getString(1));
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Each connection has its own pager (page cache and read snapshot) on the database's one shared
 * file and journal, and may be used from its own thread: connections do not wait for each other
 * but for the file's locks. In rollback-journal mode (SQLite's DELETE, TRUNCATE, PERSIST) readers
 * hold SHARED, a writer RESERVED, and a commit waits for the other readers to finish; a
 * connection waits up to its busy timeout ({@link Connection#setBusyTimeout}, default {@value
 * #DEFAULT_BUSY_TIMEOUT_MILLIS} ms, as sqlite-jdbc's) and then fails with BUSY.
 */
public final class Database implements AutoCloseable {
  /** The busy timeout of a new connection, in milliseconds (sqlite-jdbc's default). */
  public static final long DEFAULT_BUSY_TIMEOUT_MILLIS = 3000;

  private final String name;
  /** The files' namespace, or null for an in-memory database. */
  private final Vfs vfs;
  private final SharedFiles.Handle handle;
  private final PagerFile file;
  private final PagerOptions options;
  private final ReentrantLock lock = new ReentrantLock();
  private final List<Connection> connections = new ArrayList<>();
  private volatile int autoCheckpoint = 1000;
  private boolean closed;

  /**
   * How a database is opened.
   *
   * @param journalMode the journal mode a new (empty) database file gets: {@code wal} (the
   *     default), {@code delete}, {@code truncate} or {@code persist}. Existing files keep theirs
   *     (WAL when their header or a {@code -wal} file says so, else DELETE); {@code PRAGMA
   *     journal_mode} changes it.
   * @param synchronous {@code PRAGMA synchronous} to start with: {@code off}, {@code normal},
   *     {@code full} (the default) or {@code extra}
   */
  public record Options(String journalMode, String synchronous) {
    public Options {
      journalMode = journalMode.toLowerCase(java.util.Locale.ROOT);
      synchronous = synchronous.toLowerCase(java.util.Locale.ROOT);
      if (!JournalModes.isSupported(journalMode)) {
        throw new IllegalArgumentException("unsupported journal mode: " + journalMode);
      }
      Synchronous.valueOf(synchronous.toUpperCase(java.util.Locale.ROOT));
    }

    /** WAL for new files, synchronous FULL. */
    public static Options defaults() {
      return new Options("wal", "full");
    }

    public Options withJournalMode(String mode) {
      return new Options(mode, synchronous);
    }

    public Options withSynchronous(String level) {
      return new Options(journalMode, level);
    }

    Synchronous synchronousLevel() {
      return Synchronous.valueOf(synchronous.toUpperCase(java.util.Locale.ROOT));
    }
  }

  private Database(String name, Vfs vfs, SharedFiles.Handle handle, boolean readOnly) {
    this.name = name;
    this.vfs = vfs;
    this.handle = handle;
    this.file = handle.file();
    this.options = new PagerOptions(PagerOptions.defaults().pageSize(), readOnly);
  }

  /**
   * Opens {@code dbFile} with {@code journal} (recovery runs) and checks its header with a first
   * pager, so a bad file fails the open.
   */
  private static PagerFile openFile(DbFile dbFile, Journal journal) {
    PagerFile file;
    try {
      file = PagerFile.open(dbFile, journal);
    } catch (RuntimeException e) {
      dbFile.close();
      throw Errors.translate(e);
    }
    try {
      file.openPager(new PagerOptions(PagerOptions.defaults().pageSize(), dbFile.isReadOnly()))
          .close();
    } catch (RuntimeException e) {
      file.close();
      throw Errors.translate(e);
    }
    return file;
  }

  /** Opens file {@code name} of {@code vfs} with the journal its state and the options call for. */
  private static PagerFile openFile(Vfs vfs, String name, boolean readOnly, Options options) {
    DbFile file;
    Journal journal;
    try {
      file = vfs.open(name, readOnly);
    } catch (RuntimeException e) {
      throw Errors.translate(e);
    }
    try {
      journal = JournalModes.forOpen(vfs, name, file, options);
    } catch (RuntimeException e) {
      file.close();
      throw Errors.translate(e);
    }
    return openFile(file, journal);
  }

  /** Opens (creating when missing) the database file at {@code path}. */
  public static Database open(Path path) {
    return open(path, Options.defaults());
  }

  /** Opens (creating when missing) the database file at {@code path} with {@code options}. */
  public static Database open(Path path, Options options) {
    return openFile(path, false, options);
  }

  /** Opens the database file at {@code path} for reading only; it must exist. */
  public static Database openReadOnly(Path path) {
    if (!Files.exists(path)) {
      throw new PagodaException(ResultCode.CANTOPEN, "unable to open database file: " + path);
    }
    return openFile(path, true, Options.defaults());
  }

  private static Database openFile(Path path, boolean readOnly, Options options) {
    String name = path.toString();
    SharedFiles.Handle h = SharedFiles.acquire(
        path, readOnly, () -> openFile(DiskVfs.get(), name, readOnly, options));
    return new Database(name, DiskVfs.get(), h, readOnly);
  }

  /**
   * Opens database {@code name} of {@code vfs} (tests: a fault-injecting file system), creating
   * it when missing unless read-only; not shared with other openings.
   */
  static Database open(Vfs vfs, String name, boolean readOnly, Options options) {
    PagerFile file = openFile(vfs, name, readOnly, options);
    return new Database(name, vfs, SharedFiles.unshared(file), readOnly);
  }

  /** Opens a new, private, in-memory database: what SQLite calls {@code :memory:}. */
  public static Database openInMemory() {
    MemoryFile memory = new MemoryFile();
    return new Database(
        ":memory:", null, SharedFiles.unshared(openFile(memory, Journal.none())), false);
  }

  /**
   * Opens {@code name} the way {@code sqlite3_open} reads a file name: {@code ":memory:"} is an
   * in-memory database, anything else a path.
   */
  public static Database open(String name) {
    return ":memory:".equals(name) ? openInMemory() : open(Path.of(name));
  }

  /** A new connection to this database, with its own pager on the shared file. */
  public Connection connect() {
    lock.lock();
    try {
      checkOpen();
      Pager pager = file.openPager(options);
      Connection c;
      try {
        c = new Connection(this, pager);
      } catch (RuntimeException e) {
        pager.close();
        throw e;
      }
      connections.add(c);
      return c;
    } catch (RuntimeException e) {
      throw Errors.translate(e);
    } finally {
      lock.unlock();
    }
  }

  /** Whether this database was opened read-only. */
  public boolean isReadOnly() {
    return options.readOnly();
  }

  /** The path this database was opened with, or {@code :memory:}. */
  public String name() {
    return name;
  }

  /**
   * Closes every connection still open (rolling back their transactions), then the file: a WAL is
   * checkpointed and deleted, as when SQLite's last connection closes.
   */
  @Override
  public void close() {
    List<Connection> open;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      open = List.copyOf(connections);
    } finally {
      lock.unlock();
    }
    RuntimeException failure = null;
    for (Connection c : open) {
      try {
        c.close();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    try {
      handle.release(); // the last Database of the file closes it
    } catch (RuntimeException e) {
      failure = failure == null ? e : failure;
    }
    if (failure != null) {
      throw Errors.translate(failure);
    }
  }

  boolean isClosed() {
    return closed;
  }

  void checkOpen() {
    if (closed) {
      throw Errors.misuse("database is closed");
    }
  }

  void connectionClosed(Connection c) {
    lock.lock();
    try {
      connections.remove(c);
    } finally {
      lock.unlock();
    }
  }

  /** {@code PRAGMA wal_autocheckpoint}: applied to the WAL now and after a switch into WAL. */
  void setAutoCheckpoint(int pages) {
    autoCheckpoint = pages;
    applyAutoCheckpoint();
  }

  int autoCheckpoint() {
    return autoCheckpoint;
  }

  void applyAutoCheckpoint() {
    if (file.journal() instanceof WalJournal wal) {
      wal.setAutoCheckpoint(autoCheckpoint);
    }
  }

  /** The namespace of the database's files, or null in memory. */
  Vfs vfs() {
    return vfs;
  }

  /** The shared file (for pragmas that act on the journal). */
  PagerFile file() {
    return file;
  }
}
