package dev.pagoda.planner.plan;

import static java.util.Objects.requireNonNull;

import dev.pagoda.planner.IndexSchema;
import dev.pagoda.planner.TableSchema;
import java.util.List;

/** The physical plan of one statement: immutable, built once per prepared statement. */
public sealed interface Plan {

  /** A query producing rows with the given column names. */
  record Query(PlanNode root, List<String> columnNames) implements Plan {
    public Query {
      requireNonNull(root, "root");
      columnNames = List.copyOf(columnNames);
      if (columnNames.size() != root.width()) {
        throw new IllegalArgumentException("column names do not match the plan width");
      }
    }
  }

  /**
   * INSERT of literal rows: each row holds exactly one expression per table column, in table
   * column order, defaults already filled in; every index of the table gets its entry. The value in the table's rowid-alias column, if it
   * has one, is the new row's rowid; NULL there (or no alias) picks the next rowid.
   */
  record Insert(TableSchema table, List<List<BoundExpr>> rows, List<IndexSchema> indexes)
      implements Plan {
    public Insert {
      requireNonNull(table, "table");
      indexes = List.copyOf(indexes);
      rows = rows.stream().map(List::copyOf).toList();
      for (List<BoundExpr> row : rows) {
        if (row.size() != table.columns().size()) {
          throw new IllegalArgumentException("one expression per table column");
        }
      }
    }
  }

  /**
   * CREATE TABLE. {@code table} has root page 0 until the executor allocates it. When {@code
   * ifNotExists} found the table already there, {@code noop} is set and nothing happens.
   */
  record CreateTable(TableSchema table, boolean noop) implements Plan {
    public CreateTable {
      requireNonNull(table, "table");
    }
  }

  /**
   * DROP TABLE, with every index of the table; {@code table} is null when IF EXISTS found no such
   * table.
   */
  record DropTable(TableSchema table) implements Plan {}

  /**
   * CREATE INDEX on {@code table}: the executor allocates the index B-tree and fills it from the
   * table. When IF NOT EXISTS found the index already there, {@code noop} is set.
   */
  record CreateIndex(IndexSchema index, TableSchema table, boolean noop) implements Plan {
    public CreateIndex {
      requireNonNull(index, "index");
      requireNonNull(table, "table");
    }
  }

  /** DROP INDEX; {@code index} is null when IF EXISTS found no such index. */
  record DropIndex(IndexSchema index) implements Plan {}
}
