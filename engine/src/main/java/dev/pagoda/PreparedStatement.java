package dev.pagoda;

import dev.pagoda.executor.Bindings;
import dev.pagoda.executor.CompiledStatement;
import dev.pagoda.executor.ConstraintViolation;
import dev.pagoda.executor.ExecutionResult;
import dev.pagoda.executor.QueryRun;
import dev.pagoda.pager.Pager;
import dev.pagoda.parser.ParsedStatement;
import dev.pagoda.parser.ast.Pragma;
import dev.pagoda.planner.Planner;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One prepared SQL statement. Parameters are numbered from 1, as in SQLite's C API; result columns
 * from 0. Bind parameters, then run it with {@link #query()} (rows) or {@link #executeUpdate()}
 * (changes); run it again with new bindings as often as you like. Bindings persist until changed
 * or {@link #clearBindings() cleared}; unbound parameters are NULL.
 *
 * <p>The statement is planned when prepared and planned again, transparently, when the schema
 * changed since (as {@code sqlite3_prepare_v2} statements are).
 */
public final class PreparedStatement implements AutoCloseable {
  private final Connection conn;
  private final ParsedStatement parsed;
  private final String source;
  private final Bindings bindings;
  private CompiledStatement compiled;
  private int generation;
  private Rows activeRows;
  private boolean closed;

  PreparedStatement(Connection conn, String source, ParsedStatement parsed) {
    this.conn = conn;
    this.source = source;
    this.parsed = parsed;
    this.bindings = new Bindings(parsed.parameterCount());
    compile();
  }

  /** Plans and compiles against the current schema. Lock held. */
  private void compile() {
    if (isEngineStatement()) {
      return; // BEGIN, COMMIT, PRAGMA ...: nothing to plan
    }
    SchemaCatalog catalog = conn.catalog();
    Plan plan = Planner.plan(parsed, source, catalog);
    compiled = CompiledStatement.compile(plan, bindings, conn.session());
    generation = catalog.generation();
  }

  private boolean isTransactionControl() {
    return Transaction.isControl(parsed.statement());
  }

  /** The PRAGMA this statement is, or null. */
  private Pragma pragma() {
    return parsed.statement() instanceof Pragma p ? p : null;
  }

  /** Whether this statement is run by the engine itself rather than planned. */
  private boolean isEngineStatement() {
    return isTransactionControl() || pragma() != null;
  }

  private void ensureCurrent() {
    if (isEngineStatement()) {
      return;
    }
    if (conn.catalog().generation() != generation) {
      compile();
    }
  }

  /** The text of this statement, without the text that followed it. */
  public String sql() {
    return source.substring(parsed.start(), parsed.end());
  }

  /** The text after this statement in what was passed to {@link Connection#prepare}. */
  public String tail() {
    return source.substring(parsed.tailOffset());
  }

  /** Where the text after this statement starts in what was passed to prepare. */
  int tailOffset() {
    return parsed.tailOffset();
  }

  /** The largest parameter index in the statement. */
  public int parameterCount() {
    return parsed.parameterCount();
  }

  /** The name of parameter {@code index} with its prefix (":a", "@a", "$a", "?5"), or null. */
  public String parameterName(int index) {
    return parsed.parameterNames().get(index);
  }

  /** The index of the parameter named {@code name} (with its prefix), or 0 if there is none. */
  public int parameterIndex(String name) {
    for (Map.Entry<Integer, String> e : parsed.parameterNames().entrySet()) {
      if (e.getValue().equals(name)) {
        return e.getKey();
      }
    }
    return 0;
  }

  public PreparedStatement bind(int index, Value value) {
    checkOpen();
    try {
      bindings.set(index, value);
    } catch (RuntimeException e) {
      throw Errors.translate(e);
    }
    return this;
  }

  public PreparedStatement bind(int index, long value) {
    return bind(index, Value.of(value));
  }

  public PreparedStatement bind(int index, double value) {
    return bind(index, Value.of(value));
  }

  /** Binds TEXT, or NULL when {@code value} is null. */
  public PreparedStatement bind(int index, String value) {
    return bind(index, Value.of(value));
  }

  /** Binds a BLOB (copied), or NULL when {@code value} is null. */
  public PreparedStatement bind(int index, byte[] value) {
    return bind(index, Value.of(value));
  }

  public PreparedStatement bindNull(int index) {
    return bind(index, Value.NULL);
  }

  /** Sets every parameter back to NULL. */
  public PreparedStatement clearBindings() {
    bindings.clear();
    return this;
  }

  /** Whether running this statement produces rows (a SELECT). */
  public boolean isQuery() {
    return !columnNames().isEmpty();
  }

  /** Result column count: 0 for statements that produce no rows. */
  public int columnCount() {
    return columnNames().size();
  }

  /** The name of result column {@code column} (0-based), as sqlite3_column_name gives it. */
  public String columnName(int column) {
    return columnNames().get(column);
  }

  /**
   * Where result column {@code column} (0-based) comes from when it is a plain reference to a table
   * column, as {@code sqlite3_column_decltype}, {@code sqlite3_column_table_name} and {@code
   * sqlite3_column_origin_name} report it; null for any other expression, for PRAGMA results and
   * for statements that produce no rows.
   *
   * @throws IndexOutOfBoundsException when {@code column} is not a result column
   */
  public ColumnOrigin columnOrigin(int column) {
    List<String> names = columnNames();
    java.util.Objects.checkIndex(column, names.size());
    return compiled != null && compiled.plan() instanceof Plan.Query q
        ? ColumnOrigins.of(q.root(), column)
        : null;
  }

  List<String> columnNames() {
    if (pragma() != null) {
      return Pragmas.columns(pragma());
    }
    if (compiled != null && compiled.plan() instanceof Plan.Returning r) {
      return r.columnNames();
    }
    return compiled != null && compiled.plan() instanceof Plan.Query q
        ? q.columnNames()
        : List.of();
  }

  /**
   * Runs a query. Running the statement again closes the rows of the previous run.
   *
   * @throws PagodaException with {@code MISUSE} when the statement is not a query
   */
  public Rows query() {
    ReentrantLock lock = conn.lock();
    lock.lock();
    try {
      checkOpen();
      if (!isQuery()) {
        throw Errors.misuse("not a query: " + sql());
      }
      closeActiveRows();
      if (pragma() != null) {
        activeRows = new Rows(
            this, RowSource.of(Pragmas.run(conn, pragma())), columnNames(), List.of(), false);
        return activeRows;
      }
      if (compiled.plan() instanceof Plan.Returning) {
        runWrite(); // every change is made before the first row is returned, as in SQLite
        List<List<Value>> rows = compiled.returnedRows();
        activeRows = new Rows(this, RowSource.of(rows), columnNames(), List.of(), false);
        return activeRows;
      }
      return startQuery();
    } catch (RuntimeException e) {
      throw Errors.translate(e);
    } finally {
      assert !conn.pager().isReadLingering() : "every page read is in a read transaction";
      lock.unlock();
    }
  }

  /** Begins the read the rows hold until they close, and the query's run in it. */
  private Rows startQuery() {
    conn.transaction().holdRead();
    Pager pager = conn.pager();
    pager.beginRead();
    try {
      ensureCurrent();
      List<Integer> roots = scannedRoots(((Plan.Query) compiled.plan()).root());
      QueryRun run = compiled.query(pager);
      activeRows = new Rows(this, RowSource.of(run), columnNames(), roots, true);
      return activeRows;
    } catch (RuntimeException e) {
      pager.endRead();
      throw e;
    }
  }

  public long executeUpdate() {
    ReentrantLock lock = conn.lock();
    lock.lock();
    try {
      checkOpen();
      closeActiveRows();
      if (isTransactionControl()) {
        conn.transaction().control(parsed.statement());
        return 0;
      }
      if (pragma() != null) {
        Pragmas.run(conn, pragma());
        return 0;
      }
      if (compiled.isQuery()) {
        conn.withRead(() -> {
          ensureCurrent();
          try (QueryRun run = compiled.query(conn.pager())) {
            while (run.next()) {
              // discarded
            }
          }
          return null;
        });
        return 0;
      }
      if (SchemaCatalog.isTempChange(compiled.plan())) {
        conn.checkWritable();
        conn.readBriefly(() -> {
          ensureCurrent();
          if (SchemaCatalog.isTempChange(compiled.plan())) {
            conn.catalog().applyTemp(compiled.plan());
          }
          return null;
        });
        return 0;
      }
      return runWrite();
    } catch (RuntimeException e) {
      throw Errors.translate(e);
    } finally {
      assert conn.isClosed() || !conn.pager().isReadLingering()
          : "every page read is in a read transaction";
      lock.unlock();
    }
  }

  /** Runs a write and records its changes on the connection; the rows it changed. */
  private long runWrite() {
    ExecutionResult result;
    try {
      result = write();
    } catch (ConstraintViolation e) {
      if (e.keepsEarlierChanges()) {
        conn.recordDml(e.earlierChanges()); // OR FAIL: the rows before the failure stay
      } else {
        if (e.rollsBackTransaction() && conn.transaction().isOpen()) {
          conn.transaction().rollback(); // OR ROLLBACK ends the whole transaction
        }
        if (isDml(compiled.plan())) {
          conn.recordDml(ExecutionResult.NONE); // undone: changes() is 0, as in SQLite
        }
      }
      throw e;
    }
    if (isDml(compiled.plan())) {
      conn.recordDml(result);
    } else if (compiled.plan() instanceof Plan.DropTable d && d.table() != null) {
      conn.tempTriggersDropped(d.table().name());
    }
    return result.changes();
  }

  /** Runs the write in its own transaction, or in the open one; plans again if the schema moved. */
  private ExecutionResult write() {
    return conn.writeAtomically(() -> {
      ensureCurrent();
      checkNoConflictingReader();
      return compiled.execute(conn.pager());
    });
  }

  private static boolean isDml(Plan plan) {
    if (plan instanceof Plan.Returning r) {
      return isDml(r.write());
    }
    return plan instanceof Plan.Upsert || plan instanceof Plan.Insert || plan instanceof Plan.Update
        || plan instanceof Plan.Delete || plan instanceof Plan.InsteadOf;
  }

  private void checkNoConflictingReader() {
    Plan plan = compiled.plan();
    if (plan instanceof Plan.Returning r) {
      plan = r.write();
    }
    if (plan instanceof Plan.Upsert u) {
      plan = u.insert();
    }
    boolean conflict = false;
    if (plan instanceof Plan.Insert i) {
      conflict = conn.isBeingRead(i.table().rootPage());
    } else if (plan instanceof Plan.Update u) {
      conflict = conn.isBeingRead(u.table().rootPage());
    } else if (plan instanceof Plan.Delete d) {
      conflict = conn.isBeingRead(d.table().rootPage());
    } else if (plan instanceof Plan.Reindex) {
      conflict = conn.hasReaders();
    } else if (plan instanceof Plan.DropTable
        || plan instanceof Plan.CreateIndex
        || plan instanceof Plan.DropIndex) {
      conflict = conn.hasReaders(); // a schema change while a query runs
    }
    if (conflict) {
      throw new PagodaException(ResultCode.LOCKED, "database table is locked");
    }
  }

  private static List<Integer> scannedRoots(PlanNode node) {
    return dev.pagoda.planner.plan.PlanNodes.scannedRoots(node);
  }

  private void closeActiveRows() {
    if (activeRows != null) {
      activeRows.close();
      activeRows = null;
    }
  }

  void rowsClosed(Rows rows) {
    if (activeRows == rows) {
      activeRows = null;
    }
  }

  Connection conn() {
    return conn;
  }

  private void checkOpen() {
    if (closed) {
      throw Errors.misuse("statement is closed");
    }
    conn.checkOpen();
  }

  @Override
  public void close() {
    ReentrantLock lock = conn.lock();
    lock.lock();
    try {
      if (!closed) {
        closeActiveRows();
        closed = true;
        conn.forget(this);
      }
    } finally {
      lock.unlock();
    }
  }
}
