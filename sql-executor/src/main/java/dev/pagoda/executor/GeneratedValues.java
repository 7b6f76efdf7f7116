package dev.pagoda.executor;

import dev.pagoda.planner.Affinity;
import dev.pagoda.planner.GeneratedColumns;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.spi.Value;

/**
 * The compiled expressions of a table's generated columns ({@link GeneratedColumns}): computes
 * every generated column of a row being written (in dependency order, with the column's affinity
 * applied) and a VIRTUAL column of a row being read. The expressions are deterministic and read
 * only the row, so they are compiled once with a compiler of their own, as index expressions are.
 */
final class GeneratedValues {
  /** Per column, its expression's evaluator, or null for an ordinary column. */
  private final Evaluator[] expressions;
  private final Affinity[] affinities;
  private final int[] order;
  private final boolean[] virtual;
  /** The row {@link #computeAll} and {@link #computeVirtual} work on, seen as a {@link Row}. */
  private Value[] current;
  private final Row view = i -> current[i];

  private GeneratedValues(TableSchema table) {
    GeneratedColumns generated = table.generated();
    int n = table.columns().size();
    ExprCompiler compiler = new ExprCompiler(new Bindings(0));
    this.expressions = new Evaluator[n];
    this.affinities = new Affinity[n];
    this.virtual = new boolean[n];
    for (int i = 0; i < n; i++) {
      affinities[i] = table.columns().get(i).affinity();
      virtual[i] = generated.isVirtual(i);
      if (generated.isGenerated(i)) {
        expressions[i] = compiler.compile(generated.expression(i));
      }
    }
    this.order = generated.order();
  }

  /** The generated columns of {@code table} compiled, or null when it has none. */
  static GeneratedValues of(TableSchema table) {
    return table.generated().any() ? new GeneratedValues(table) : null;
  }

  /**
   * Computes every generated column of {@code row} (the table's columns, then the rowid) from
   * its other columns, as an INSERT or UPDATE writes it.
   */
  void computeAll(Value[] row) {
    compute(row, false);
  }

  /** Computes the VIRTUAL columns of {@code row}, whose other columns were read from a record. */
  void computeVirtual(Value[] row) {
    compute(row, true);
  }

  private void compute(Value[] row, boolean virtualOnly) {
    Value[] saved = current;
    current = row;
    try {
      for (int c : order) {
        if (!virtualOnly || virtual[c]) {
          row[c] = Values.applyAffinity(affinities[c], expressions[c].eval(view));
        }
      }
    } finally {
      current = saved;
    }
  }

  /** VIRTUAL column {@code column} of {@code row}, which reads its other columns lazily. */
  Value virtual(int column, Row row) {
    return Values.applyAffinity(affinities[column], expressions[column].eval(row));
  }
}
