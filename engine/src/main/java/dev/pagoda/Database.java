package dev.pagoda;

import dev.pagoda.pager.DbFile;
import dev.pagoda.pager.DiskFile;
import dev.pagoda.pager.MemoryFile;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerOptions;
import dev.pagoda.spi.ResultCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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
 * <p>In this step all work on one database is serialized by one lock: each call into a
 * connection, statement or rows object holds it for its duration, never across calls.
 */
public final class Database implements AutoCloseable {
  private final String name;
  private final Pager pager;
  private final ReentrantLock lock = new ReentrantLock();
  private final SchemaCatalog catalog;
  /** Open query runs per table root page: a write to a table being read is refused. */
  private final Map<Integer, Integer> readers = new HashMap<>();
  /** The connection holding the write lock (an open write transaction), or null. */
  private Connection writer;
  private boolean closed;

  private Database(String name, DbFile file) {
    this.name = name;
    try {
      this.pager = Pager.open(file, new PagerOptions(PagerOptions.defaults().pageSize(), file.isReadOnly()));
    } catch (RuntimeException e) {
      file.close();
      throw Errors.translate(e);
    }
    this.catalog = new SchemaCatalog(pager);
  }

  /** Opens (creating when missing) the database file at {@code path}. */
  public static Database open(Path path) {
    return openFile(path, false);
  }

  /** Opens the database file at {@code path} for reading only; it must exist. */
  public static Database openReadOnly(Path path) {
    if (!Files.exists(path)) {
      throw new PagodaException(ResultCode.CANTOPEN, "unable to open database file: " + path);
    }
    return openFile(path, true);
  }

  private static Database openFile(Path path, boolean readOnly) {
    DbFile file;
    try {
      file = DiskFile.open(path, readOnly);
    } catch (RuntimeException e) {
      throw Errors.translate(e);
    }
    return new Database(path.toString(), file);
  }

  /** Opens a new, private, in-memory database: what SQLite calls {@code :memory:}. */
  public static Database openInMemory() {
    return new Database(":memory:", new MemoryFile());
  }

  /**
   * Opens {@code name} the way {@code sqlite3_open} reads a file name: {@code ":memory:"} is an
   * in-memory database, anything else a path.
   */
  public static Database open(String name) {
    return ":memory:".equals(name) ? openInMemory() : open(Path.of(name));
  }

  /** A new connection to this database. */
  public Connection connect() {
    lock.lock();
    try {
      checkOpen();
      return new Connection(this);
    } finally {
      lock.unlock();
    }
  }

  /** Whether this database was opened read-only. */
  public boolean isReadOnly() {
    return pager.isReadOnly();
  }

  /** The path this database was opened with, or {@code :memory:}. */
  public String name() {
    return name;
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        pager.close();
      }
    } catch (RuntimeException e) {
      throw Errors.translate(e);
    } finally {
      lock.unlock();
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

  ReentrantLock lock() {
    return lock;
  }

  Pager pager() {
    return pager;
  }

  /** The catalog, reloaded first if another statement changed the schema. Lock held. */
  SchemaCatalog catalog() {
    catalog.refresh();
    return catalog;
  }

  /**
   * Makes {@code conn} the one writer, or fails with BUSY when another connection holds an open
   * write transaction. Lock held.
   */
  void acquireWriter(Connection conn) {
    checkNotLockedOut(conn);
    writer = conn;
  }

  void releaseWriter(Connection conn) {
    if (writer == conn) {
      writer = null;
    }
  }

  /**
   * Fails with BUSY when a connection other than {@code conn} holds uncommitted changes: they are
   * in the shared pages, and nobody else may read or write until they are committed or rolled
   * back. Lock held.
   */
  void checkNotLockedOut(Connection conn) {
    if (writer != null && writer != conn) {
      throw new PagodaException(ResultCode.BUSY, "database is locked");
    }
  }

  /** After a rollback the header may have moved back: read the schema again next time. */
  void catalogAfterRollback() {
    catalog.invalidate();
  }

  void addReader(int rootPage) {
    readers.merge(rootPage, 1, Integer::sum);
  }

  void removeReader(int rootPage) {
    readers.computeIfPresent(rootPage, (k, n) -> n == 1 ? null : n - 1);
  }

  boolean isBeingRead(int rootPage) {
    return readers.containsKey(rootPage);
  }

  boolean hasReaders() {
    return !readers.isEmpty();
  }
}
