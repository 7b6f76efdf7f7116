package dev.pagoda.planner;

import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names an expression can see: the sources of one FROM clause, side by side in a joined row,
 * and the scopes of the queries around it (for correlated references).
 */
final class Scope {
  /** A scope with no sources and no outer query: a SELECT without FROM at the top level. */
  static final Scope EMPTY = new Scope(List.of(), null);

  /**
   * One source of a FROM clause.
   *
   * @param alias the name the query gives it (its alias, else its name)
   * @param columns its column names, in row order
   * @param affinities the affinity of each column
   * @param table the table when the source is one (its rowid is the column after the last)
   * @param offset where its columns start in the joined row
   * @param merged column names (lower case) that a USING or NATURAL join merged into a source to
   *     the left: an unqualified name does not resolve to them here
   * @param collations the collation of each column of a subquery source (null entries: none), or
   *     null for a table, whose columns declare theirs
   * @param hidden how many of the last columns are hidden (a table-valued function's argument
   *     columns): selectable by name, but not part of {@code *} or of a NATURAL join
   */
  record Source(String alias, List<String> columns, List<Affinity> affinities, TableSchema table,
      int offset, Set<String> merged, List<String> collations, int hidden) {
    Source {
      if (hidden < 0 || hidden > columns.size()) {
        throw new IllegalArgumentException("hidden columns: " + hidden);
      }
      columns = List.copyOf(columns);
      affinities = java.util.Collections.unmodifiableList(new ArrayList<>(affinities));
      merged = Set.copyOf(merged);
      collations = collations == null ? null
          : java.util.Collections.unmodifiableList(new ArrayList<>(collations));
    }

    /** A source with no hidden columns. */
    Source(String alias, List<String> columns, List<Affinity> affinities, TableSchema table,
        int offset, Set<String> merged, List<String> collations) {
      this(alias, columns, affinities, table, offset, merged, collations, 0);
    }

    /** A source whose columns' collations are its table's (or none). */
    Source(String alias, List<String> columns, List<Affinity> affinities, TableSchema table,
        int offset, Set<String> merged) {
      this(alias, columns, affinities, table, offset, merged, null);
    }

    /** The number of columns {@code *} expands to: all but the hidden ones. */
    int visibleColumns() {
      return columns.size() - hidden;
    }

    /** This source with {@code merged} as its merged column names. */
    Source withMerged(Set<String> merged) {
      return new Source(alias, columns, affinities, table, offset, merged, collations, hidden);
    }

    /** This source with its columns starting at {@code offset} in the joined row. */
    Source at(int offset) {
      return new Source(alias, columns, affinities, table, offset, merged, collations, hidden);
    }

    /** The columns of a source: its own, plus the rowid for a table. */
    int width() {
      return columns.size() + (table != null ? 1 : 0);
    }

    /** The position of {@code column} in this source's row, or -1. */
    int find(String column) {
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).equalsIgnoreCase(column)) {
          return i;
        }
      }
      if (table != null && isRowidName(column)) {
        return columns.size();
      }
      return -1;
    }

    Affinity affinityAt(int i) {
      if (table != null && (i == columns.size() || i == table.rowidAlias())) {
        return Affinity.INTEGER;
      }
      return affinities.get(i);
    }

    /** The declared collation of column i (null: none, or not a table's column). */
    String collationAt(int i) {
      if (collations != null) {
        return i < collations.size() ? collations.get(i) : null;
      }
      return table != null && i < columns.size() ? table.columns().get(i).collation() : null;
    }

    String nameAt(int i) {
      return i < columns.size() ? columns.get(i) : "rowid";
    }
  }

  private final List<Source> sources;
  private final Scope outer;
  private boolean reachesOut;
  /** Joined-row columns that an unqualified name reads as another expression. */
  private final java.util.Map<Integer, BoundExpr> usingValues = new java.util.HashMap<>();
  /** Whether this is the OLD/NEW scope of a trigger program. */
  private boolean triggerRow;

  Scope(List<Source> sources, Scope outer) {
    this.sources = List.copyOf(sources);
    this.outer = outer;
  }

  /** A scope of one table, as UPDATE, DELETE and CHECK constraints see it. */
  static Scope ofTable(TableSchema table, String alias) {
    return new Scope(List.of(tableSource(table, alias, 0, Set.of())), null);
  }

  static Source tableSource(TableSchema table, String alias, int offset, Set<String> merged) {
    List<String> names = new ArrayList<>();
    List<Affinity> affinities = new ArrayList<>();
    for (ColumnSchema c : table.columns()) {
      names.add(c.name());
      affinities.add(c.affinity());
    }
    return new Source(alias, names, affinities, table, offset, merged);
  }

  /**
   * The scope of a trigger program's OLD and NEW rows, the outermost scope of its statements:
   * its sources resolve only qualified names ({@code NEW.x}).
   */
  static Scope triggerRow(List<Source> sources) {
    Scope s = new Scope(sources, null);
    s.triggerRow = true;
    return s;
  }

  /** Whether expressions bound here are inside a trigger program (where RAISE may be used). */
  boolean inTrigger() {
    for (Scope s = this; s != null; s = s.outer) {
      if (s.triggerRow) {
        return true;
      }
    }
    return false;
  }

  List<Source> sources() {
    return sources;
  }

  Scope outer() {
    return outer;
  }

  /**
   * Makes an unqualified reference to joined-row column {@code index} read {@code value}: the
   * column a RIGHT or FULL join's USING merged is the coalesce of both sides.
   */
  void setUsingValue(int index, BoundExpr value) {
    usingValues.put(index, value);
  }

  /** What an unqualified reference to joined-row column {@code index} reads, or null. */
  BoundExpr usingValue(int index) {
    return usingValues.get(index);
  }

  /** Records that a source of this scope reads columns of an enclosing query. */
  void markReachesOut() {
    reachesOut = true;
  }

  /** Whether some expression bound in this scope read a column of an enclosing query. */
  boolean reachesOut() {
    return reachesOut;
  }

  /** The width of the joined row. */
  int width() {
    int width = 0;
    for (Source s : sources) {
      width += s.width();
    }
    return width;
  }

  /**
   * Resolves {@code [qualifier.]column} to a column of this scope's row, else of an enclosing
   * query's row (an {@link BoundExpr.Outer}).
   */
  BoundExpr resolve(String qualifier, String column) {
    Scope scope = this;
    for (int depth = 0; scope != null; depth++, scope = scope.outer) {
      BoundExpr.Column found = scope.resolveHere(qualifier, column);
      if (found != null) {
        if (depth == 0) {
          BoundExpr using = qualifier == null ? usingValues.get(found.index()) : null;
          return using != null ? using : found;
        }
        Scope s = this;
        for (int d = 0; d < depth; d++, s = s.outer) {
          s.reachesOut = true;
        }
        return new BoundExpr.Outer(
            depth, found.index(), found.affinity(), found.name(), found.collation());
      }
    }
    String shown = qualifier == null ? column : qualifier + "." + column;
    throw SqlException.error("no such column: " + shown);
  }

  /** Whether {@code qualifier} names a source of this scope. */
  boolean hasSource(String qualifier) {
    return source(qualifier) != null;
  }

  Source source(String qualifier) {
    for (Source s : sources) {
      if (s.alias() != null && s.alias().equalsIgnoreCase(qualifier)) {
        return s;
      }
    }
    return null;
  }

  private BoundExpr.Column resolveHere(String qualifier, String column) {
    if (qualifier != null) {
      Source s = source(qualifier);
      if (s == null) {
        return null;
      }
      int i = s.find(column);
      return i < 0 ? null : column(s, i);
    }
    BoundExpr.Column found = null;
    for (Source s : sources) {
      int i = s.find(column);
      if (i < 0 || s.merged().contains(column.toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (found != null) {
        if (i == s.columns().size() && isRowidName(column)) {
          continue; // rowid of a join: the first table's, as SQLite resolves it
        }
        throw SqlException.error("ambiguous column name: " + column);
      }
      found = column(s, i);
    }
    return found;
  }

  private static BoundExpr.Column column(Source s, int i) {
    return new BoundExpr.Column(s.offset() + i, s.affinityAt(i), s.nameAt(i), s.collationAt(i));
  }

  static boolean isRowidName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("rowid") || n.equals("oid") || n.equals("_rowid_");
  }
}
