package dev.pagoda.executor;

import dev.pagoda.pager.Pager;
import dev.pagoda.planner.Affinity;
import dev.pagoda.planner.ColumnSchema;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.spi.Value;
import java.util.List;

/**
 * A compiled INSERT. The source rows come first (an INSERT ... SELECT runs its query to the end
 * before writing, so it may read the table it writes). For each row: evaluate, apply column
 * affinity, choose the rowid (the alias column's or the named rowid's value, else one past the
 * largest), check NOT NULL and CHECK, resolve rowid and UNIQUE conflicts by the conflict action,
 * then write the row and its index entries.
 */
final class InsertStatement implements CompiledStatement {
  private final Plan.Insert plan;
  private final TableSchema table;
  private final List<Evaluator[]> rows;
  private final RunContext run;
  private final Evaluator[] rowids;
  private final SourceRows source;
  private final String[] checkNames;
  private final Evaluator[] checks;
  private final Evaluator[] defaults;
  private final TriggerProgram.Set triggers;
  /** This run's foreign key enforcement, or null. */
  private ForeignKeyChecker foreignKeys;
  /** The ON CONFLICT clauses of an upsert, or null. */
  private UpsertOp upsert;
  /** Where the rows written go for RETURNING, or null. */
  private ReturningSink returning;
  /** This run's {@code sqlite_sequence} bookkeeping when the table is AUTOINCREMENT, or null. */
  private AutoIncrement sequence;

  InsertStatement(Plan.Insert plan, ExprCompiler compiler) {
    this.plan = plan;
    this.table = plan.table();
    this.run = compiler.run();
    this.rows =
        plan.rows().stream()
            .map(r -> r.stream().map(compiler::compile).toArray(Evaluator[]::new))
            .toList();
    this.rowids = plan.rowids().stream().map(compiler::compile).toArray(Evaluator[]::new);
    this.source = plan.source() == null ? null : SourceRows.of(plan.source(), compiler);
    this.checkNames = plan.checks().stream().map(Plan.Check::name).toArray(String[]::new);
    this.checks = plan.checks().stream().map(c -> compiler.compile(c.expr()))
        .toArray(Evaluator[]::new);
    this.defaults = plan.defaults().stream().map(compiler::compile).toArray(Evaluator[]::new);
    this.triggers = new TriggerProgram.Set(plan.triggers(), compiler);
  }

  /** Makes this the INSERT of an upsert, resolving conflicts by {@code clauses} first. */
  InsertStatement upsert(UpsertOp clauses) {
    this.upsert = clauses;
    return this;
  }

  /** Hands every row inserted (and every row an upsert updates) to {@code sink}. */
  void returning(ReturningSink sink) {
    this.returning = sink;
    if (upsert != null) {
      upsert.returning(sink);
    }
  }

  @Override
  public Plan.Insert plan() {
    return plan;
  }

  @Override
  public ExecutionResult execute(Pager pager) {
    return ForeignKeyChecker.statement(run.session(), () -> run(pager));
  }

  private ExecutionResult run(Pager pager) {
    run.begin(pager);
    if (upsert != null) {
      upsert.begin();
    }
    List<Value[]> inputs = source == null ? null : source.collect(pager);
    long changes = 0;
    long lastRowid = 0;
    try (TableWriter writer = new TableWriter(pager, table, plan.indexes(), plan.onConflict(),
        checkNames, checks, defaults)) {
      foreignKeys = ForeignKeyChecker.open(run.session(), pager, false);
      if (foreignKeys != null) {
        foreignKeys.prepare(table, null, false, false);
        writer.foreignKeys(foreignKeys);
      }
      sequence = AutoIncrement.open(pager, table);
      if (inputs == null) {
        for (int r = 0; r < rows.size(); r++) {
          Long rowid = insert(pager, writer, rows.get(r), rowids[r], Row0.INSTANCE);
          if (rowid != null) {
            changes++;
            lastRowid = rowid;
          }
        }
      } else {
        for (Value[] input : inputs) {
          Long rowid = insert(pager, writer, rows.get(0), rowids[0], TableWriter.rowOf(input));
          if (rowid != null) {
            changes++;
            lastRowid = rowid;
          }
        }
      }
      if (sequence != null) {
        sequence.finish();
      }
    } catch (ConstraintViolation e) {
      e.setEarlierChanges(new ExecutionResult(changes + upserted(), changes > 0, lastRowid));
      throw e;
    }
    return new ExecutionResult(changes + upserted(), changes > 0, lastRowid);
  }

  /** Inserts one row; its rowid, or null when a conflict resolution skipped it. */
  private Long insert(Pager pager, TableWriter writer, Evaluator[] row, Evaluator rowidExpr, Row input) {
    List<ColumnSchema> columns = table.columns();
    Value[] values = new Value[columns.size() + 1];
    for (int i = 0; i < columns.size(); i++) {
      values[i] = Values.applyAffinity(columns.get(i).affinity(), row[i].eval(input));
    }
    int alias = table.rowidAlias();
    Value given = alias >= 0 ? values[alias] : rowidExpr.eval(input);
    if (triggers.hasBefore()) {
      // BEFORE INSERT sees NEW.rowid -1 when the rowid is not chosen yet, as in SQLite
      Value[] now = values.clone();
      Value r = given.isNull() ? Value.of(-1) : Values.applyAffinity(Affinity.INTEGER, given);
      now[columns.size()] = r;
      if (alias >= 0) {
        now[alias] = r;
      }
      writer.computeGenerated(now);
      if (!triggers.before(pager, null, now)) {
        return null;
      }
    }
    long rowid = !given.isNull() ? TableWriter.rowidOf(given)
        : sequence != null ? sequence.next(writer) : writer.nextRowid();
    if (sequence != null) {
      sequence.used(rowid);
    }
    if (alias >= 0) {
      values[alias] = Value.of(rowid);
    }
    values[columns.size()] = Value.of(rowid);
    if (!writer.checkRow(values)
        || (upsert != null && upsert.resolved(pager, writer, values, rowid))
        || !writer.resolveConflicts(values, rowid, null)) {
      return null;
    }
    if (foreignKeys != null) {
      foreignKeys.inserting(table, values);
    }
    writer.insert(values, rowid);
    run.session().inserted(rowid); // last_insert_rowid() moves row by row, as in SQLite
    triggers.after(pager, null, values); // an IGNORE here skips only the remaining triggers
    if (returning != null) {
      returning.written(values);
    }
    return rowid;
  }

  /** The rows the upsert's DO UPDATE changed in this run. */
  private long upserted() {
    return upsert == null ? 0 : upsert.updated();
  }

  /** The row that VALUES expressions see: they may not reference columns. */
  private enum Row0 implements Row {
    INSTANCE;

    @Override
    public Value column(int i) {
      throw new IllegalStateException("VALUES expressions have no input row");
    }
  }
}
