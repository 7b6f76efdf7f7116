package dev.pagoda.executor;

import dev.pagoda.btree.BTree;
import dev.pagoda.btree.TableCursor;
import dev.pagoda.pager.Pager;
import dev.pagoda.planner.ColumnSchema;
import dev.pagoda.planner.IndexSchema;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled INSERT ... VALUES. For each row: evaluate, apply column affinity, check NOT NULL,
 * choose the rowid (the alias column's value, else one past the largest), refuse a duplicate
 * rowid, encode the record and insert it into the table B-tree.
 */
final class InsertStatement implements CompiledStatement {
  private final Plan.Insert plan;
  private final TableSchema table;
  private final List<Evaluator[]> rows;
  private final RunContext run;

  InsertStatement(Plan.Insert plan, ExprCompiler compiler) {
    this.plan = plan;
    this.table = plan.table();
    this.run = compiler.run();
    this.rows =
        plan.rows().stream()
            .map(r -> r.stream().map(compiler::compile).toArray(Evaluator[]::new))
            .toList();
  }

  @Override
  public Plan.Insert plan() {
    return plan;
  }

  @Override
  public ExecutionResult execute(Pager pager) {
    run.begin(pager);
    List<ColumnSchema> columns = table.columns();
    Value[] values = new Value[columns.size()];
    long lastRowid = 0;
    List<IndexWriter> indexes = new ArrayList<>();
    try (TableCursor cursor = BTree.openTable(pager, table.rootPage())) {
      for (IndexSchema index : plan.indexes()) {
        indexes.add(new IndexWriter(pager, index, table));
      }
      for (Evaluator[] row : rows) {
        for (int i = 0; i < values.length; i++) {
          values[i] = Values.applyAffinity(columns.get(i).affinity(), row[i].eval(Row0.INSTANCE));
        }
        long rowid = chooseRowid(cursor, values);
        checkNotNull(values);
        for (IndexWriter index : indexes) {
          index.add(values, rowid);
        }
        if (table.rowidAlias() >= 0) {
          values[table.rowidAlias()] = Value.NULL; // the alias lives in the key, not the record
        }
        cursor.insert(rowid, RecordCodec.encode(values));
        lastRowid = rowid;
      }
    } finally {
      indexes.forEach(IndexWriter::close);
    }
    return new ExecutionResult(rows.size(), !rows.isEmpty(), lastRowid);
  }

  private long chooseRowid(TableCursor cursor, Value[] values) {
    int alias = table.rowidAlias();
    Value given = alias >= 0 ? values[alias] : Value.NULL;
    if (given.isNull()) {
      long next = cursor.last() ? cursor.rowid() + 1 : 1;
      if (next == Long.MIN_VALUE) {
        // SQLite then tries random rowids; this step reports the table as full instead.
        throw new SqlException(ResultCode.FULL, "database or disk is full");
      }
      if (alias >= 0) {
        values[alias] = Value.of(next);
      }
      return next;
    }
    if (!(given instanceof Value.Int rowid)) {
      throw new SqlException(ResultCode.MISMATCH, "datatype mismatch");
    }
    if (cursor.seek(rowid.value())) {
      String name = table.name() + "." + table.columns().get(alias).name();
      throw new SqlException(
          ResultCode.CONSTRAINT_PRIMARYKEY, "UNIQUE constraint failed: " + name);
    }
    return rowid.value();
  }

  private void checkNotNull(Value[] values) {
    for (int i = 0; i < values.length; i++) {
      ColumnSchema column = table.columns().get(i);
      if (column.notNull() && values[i].isNull()) {
        throw new SqlException(
            ResultCode.CONSTRAINT_NOTNULL,
            "NOT NULL constraint failed: " + table.name() + "." + column.name());
      }
    }
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
