package dev.pagoda;

import static java.util.Objects.requireNonNull;

import dev.pagoda.executor.ConstraintViolation;
import dev.pagoda.executor.ExecutionResult;
import dev.pagoda.executor.ForeignKeyState;
import dev.pagoda.executor.Session;
import dev.pagoda.pager.Pager;
import dev.pagoda.parser.ParsedStatement;
import dev.pagoda.parser.Parser;
import dev.pagoda.planner.FunctionCatalog;
import dev.pagoda.spi.Collation;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.SqlFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A connection to a {@link Database}. Used by one thread at a time. Outside a transaction every
 * statement commits when it completes and rolls back entirely when it fails. {@code BEGIN},
 * {@code COMMIT}, {@code ROLLBACK}, {@code SAVEPOINT}, {@code RELEASE} and {@code ROLLBACK TO}
 * work as in SQLite; inside a transaction a failing statement undoes only itself.
 *
 * <p>Each connection has its own pager: a running query, or an open transaction once it has read,
 * holds a read transaction whose snapshot it sees to the end; writes take the file's write lock,
 * waiting up to the busy timeout for another connection's, then failing with {@code BUSY}.
 */
public final class Connection implements AutoCloseable {
  private final Database db;
  private final Pager pager;
  private final SchemaCatalog catalog;
  private final ReentrantLock lock = new ReentrantLock();
  /** Open query runs per table root page: a write to a table being read is refused. */
  private final Map<Integer, Integer> readers = new HashMap<>();
  private final List<PreparedStatement> statements = new ArrayList<>();
  private long lastInsertRowid;
  private long changes;
  private long totalChanges;
  private final Transaction transaction;
  private boolean closed;
  /** PRAGMA foreign_keys and the foreign key violation counters. */
  private final ForeignKeyState foreignKeys = new ForeignKeyState(this::inTransaction);
  /** {@code PRAGMA query_only}: every change refused. */
  private boolean queryOnly;
  /** The counters as the statements this connection runs see them (changes() and its kin). */
  private final Session session = new Session() {
    @Override
    public long changes() {
      return changes;
    }

    @Override
    public long totalChanges() {
      return totalChanges;
    }

    @Override
    public long lastInsertRowid() {
      return lastInsertRowid;
    }

    @Override
    public void triggerChanges(long n) {
      totalChanges += n;
      changes = n;
    }

    @Override
    public void inserted(long rowid) {
      lastInsertRowid = rowid;
    }

    @Override
    public void restore(long changesBefore, long lastInsertRowidBefore) {
      changes = changesBefore;
      lastInsertRowid = lastInsertRowidBefore;
    }

    @Override
    public FunctionCatalog functions() {
      return catalog.functions();
    }

    @Override
    public ForeignKeyState foreignKeys() {
      return foreignKeys;
    }

    @Override
    public dev.pagoda.planner.Catalog schema() {
      return catalog;
    }
  };

  Connection(Database db, Pager pager) {
    this.db = db;
    this.pager = pager;
    pager.setBusyTimeout(Database.DEFAULT_BUSY_TIMEOUT_MILLIS);
    this.catalog = new SchemaCatalog(pager);
    catalog.functions(PragmaFunctions.register(this, catalog.functions()));
    this.transaction = new Transaction(this);
  }

  /**
   * Prepares the first SQL statement in {@code sql}. Text after it is available through {@link
   * PreparedStatement#tail()}, so a caller can run a script one statement at a time.
   *
   * @throws PagodaException with {@code ERROR} for a syntax error or unknown table; with {@code
   *     MISUSE} when {@code sql} holds no statement at all
   */
  public PreparedStatement prepare(String sql) {
    PreparedStatement ps = prepareAt(sql, 0);
    if (ps == null) {
      throw Errors.misuse("no SQL statement to prepare");
    }
    return ps;
  }

  /**
   * Prepares the first statement at or after {@code offset} in {@code sql}, or returns null when
   * only white space and comments remain.
   */
  private PreparedStatement prepareAt(String sql, int offset) {
    lock.lock();
    try {
      checkOpen();
      ParsedStatement parsed = Parser.parseFirst(sql, offset);
      if (parsed == null) {
        return null;
      }
      PreparedStatement ps = readBriefly(() -> new PreparedStatement(this, sql, parsed));
      statements.add(ps);
      return ps;
    } catch (RuntimeException e) {
      throw Errors.translate(e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Registers a scalar or aggregate function for this connection only, as {@code
   * sqlite3_create_function} does: statements prepared afterwards see it. It replaces a function
   * of the same name whose arity overlaps its own, a built-in or plugged-in one included.
   *
   * <pre>{@code
   * conn.createFunction(ScalarFunction.of("twice", Arity.exactly(1),
   *     (ctx, args) -> Value.of(args.getLong(0) * 2)));
   * }</pre>
   */
  public void createFunction(SqlFunction function) {
    requireNonNull(function, "function");
    withLock(() -> catalog.functions(catalog.functions().with(function)));
  }

  /**
   * Registers a collation for this connection only, as {@code sqlite3_create_collation} does;
   * it replaces a plugged-in one of the same name. The built-in BINARY, NOCASE and RTRIM cannot
   * be replaced.
   */
  public void createCollation(Collation collation) {
    requireNonNull(collation, "collation");
    withLock(() -> catalog.functions(catalog.functions().with(collation)));
  }

  private void withLock(Runnable action) {
    lock.lock();
    try {
      checkOpen();
      action.run();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs every statement in {@code sql} in turn, discarding any rows. Each statement is parsed
   * only after the one before it ran, so a script can create a table and then use it; the first
   * failure stops the script, and what ran before it stays done.
   */
  public void execute(String sql) {
    int offset = 0;
    while (offset < sql.length()) {
      try (PreparedStatement ps = prepareAt(sql, offset)) {
        if (ps == null) {
          return;
        }
        ps.executeUpdate();
        offset = ps.tailOffset();
      }
    }
  }

  /** The rowid of the last row inserted through this connection, or 0 if none. */
  public long lastInsertRowid() {
    return lastInsertRowid;
  }

  /** Rows changed by the most recent INSERT, UPDATE or DELETE on this connection. */
  public long changes() {
    return changes;
  }

  /** Rows changed by every INSERT, UPDATE or DELETE since this connection opened. */
  public long totalChanges() {
    return totalChanges;
  }

  /** Whether no transaction is open (SQLite's {@code sqlite3_get_autocommit}). */
  public boolean isAutoCommit() {
    return !transaction.isOpen();
  }

  /** Whether foreign keys are enforced ({@code PRAGMA foreign_keys}); off by default. */
  public boolean foreignKeys() {
    return foreignKeys.enabled();
  }

  /**
   * Switches foreign key enforcement ({@code PRAGMA foreign_keys}); inside a transaction this
   * does nothing, as in SQLite.
   */
  public void setForeignKeys(boolean on) {
    if (!transaction.isOpen()) {
      foreignKeys.setEnabled(on);
    }
  }

  ForeignKeyState foreignKeyState() {
    return foreignKeys;
  }

  private boolean inTransaction() {
    return transaction.isOpen();
  }

  /** Whether {@link #close()} has been called. */
  public boolean isClosed() {
    return closed;
  }

  /** The database this connection belongs to. */
  public Database database() {
    return db;
  }

  /** The names of the tables in the schema, sorted; what the shell's {@code .tables} shows. */
  public List<String> tableNames() {
    lock.lock();
    try {
      checkOpen();
      return readBriefly(() -> catalog().userTableNames());
    } catch (RuntimeException e) {
      throw Errors.translate(e);
    } finally {
      lock.unlock();
    }
  }

  /** Closes this connection and every statement prepared on it. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try {
        for (PreparedStatement ps : List.copyOf(statements)) {
          ps.close();
        }
        statements.clear();
        if (transaction.isOpen()) {
          transaction.rollback(); // closing with an open transaction rolls it back, as in SQLite
        }
      } finally {
        try {
          pager.close();
        } finally {
          db.connectionClosed(this);
        }
      }
    } catch (RuntimeException e) {
      throw Errors.translate(e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * How long this connection waits for another connection's lock before failing with BUSY
   * ({@code PRAGMA busy_timeout}); 0 fails at once.
   */
  public void setBusyTimeout(long millis) {
    lock.lock();
    try {
      pager.setBusyTimeout(millis);
    } finally {
      lock.unlock();
    }
  }

  /** The busy timeout in milliseconds. */
  public long busyTimeout() {
    return pager.busyTimeout();
  }

  /**
   * Runs a statement's {@code body} inside a read transaction: this connection's open
   * transaction's (begun now if it has not read yet: its snapshot dates from its first statement),
   * or one of its own. Connection lock held.
   */
  <T> T withRead(Supplier<T> body) {
    transaction.holdRead();
    return readBriefly(body);
  }

  /**
   * Runs {@code body} (preparing a statement, listing tables) in a read transaction that ends with
   * it, or in the open transaction's if it already reads; an open transaction that has not read
   * yet does not start its snapshot here, as in SQLite. Connection lock held.
   */
  <T> T readBriefly(Supplier<T> body) {
    pager.beginRead();
    try {
      return body.get();
    } finally {
      pager.endRead();
    }
  }

  void checkOpen() {
    if (closed) {
      throw Errors.misuse("connection is closed");
    }
    db.checkOpen();
  }

  void forget(PreparedStatement ps) {
    statements.remove(ps);
  }

  /** Records what an INSERT, UPDATE or DELETE did, for {@link #changes()} and friends. */
  void recordDml(ExecutionResult result) {
    changes = result.changes();
    totalChanges += result.changes();
    if (result.inserted()) {
      lastInsertRowid = result.lastInsertRowid();
    }
  }

  /**
   * Runs {@code change} as one atomic write: outside a transaction in a transaction of its own,
   * which commits, or rolls back whole when {@code change} throws; inside one under a pager
   * savepoint, so that a failure undoes only this change. Connection lock held.
   */
  <T> T writeAtomically(Supplier<T> change) {
    checkWritable();
    if (transaction.isOpen()) {
      // write first: a transaction that has not read yet takes a fresh snapshot with the lock
      transaction.startWriting();
      transaction.holdRead();
      int savepoint = pager.savepoint();
      try {
        T result = change.get();
        pager.releaseSavepoint(savepoint);
        return result;
      } catch (ConstraintViolation e) {
        if (!e.keepsEarlierChanges()) {
          undo(e, () -> {
            pager.rollbackTo(savepoint);
            pager.releaseSavepoint(savepoint);
          });
        } else {
          pager.releaseSavepoint(savepoint); // OR FAIL: the statement's earlier rows stay
        }
        throw e;
      } catch (RuntimeException e) {
        undo(e, () -> {
          pager.rollbackTo(savepoint);
          pager.releaseSavepoint(savepoint);
        });
        throw e;
      }
    }
    pager.beginWrite(); // outside a read: waits for a busy writer, retrying as SQLite does
    try {
      T result = change.get();
      pager.commit();
      return result;
    } catch (ConstraintViolation e) {
      if (e.keepsEarlierChanges() && pager.inWriteTransaction()) {
        pager.commit(); // OR FAIL: the statement's earlier rows stay
      } else if (pager.inWriteTransaction()) {
        undo(e, pager::rollback);
      }
      throw e;
    } catch (RuntimeException e) {
      if (pager.inWriteTransaction()) {
        undo(e, pager::rollback);
      }
      throw e;
    }
  }

  /** Undoes a failed change; a failure while undoing is added to the original one. */
  private void undo(RuntimeException failure, Runnable undo) {
    try {
      undo.run();
    } catch (RuntimeException suppressed) {
      failure.addSuppressed(suppressed);
    }
    catalog.invalidate();
  }

  /** Sets {@code PRAGMA query_only}. */
  void setQueryOnly(boolean on) {
    queryOnly = on;
  }

  boolean isQueryOnly() {
    return queryOnly;
  }

  /** Refuses a change under {@code PRAGMA query_only}, with SQLite's error. */
  void checkWritable() {
    if (queryOnly) {
      throw new PagodaException(ResultCode.READONLY, "attempt to write a readonly database");
    }
  }

  Session session() {
    return session;
  }

  Transaction transaction() {
    return transaction;
  }

  Database db() {
    return db;
  }

  Pager pager() {
    return pager;
  }

  ReentrantLock lock() {
    return lock;
  }

  /** The catalog, reloaded first if the schema changed. Connection lock held, in a read. */
  SchemaCatalog catalog() {
    catalog.refresh();
    return catalog;
  }

  /** A dropped table's TEMP triggers go with it (the temp schema needs no read of the file). */
  void tempTriggersDropped(String table) {
    catalog.dropTempTriggersOn(table);
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
