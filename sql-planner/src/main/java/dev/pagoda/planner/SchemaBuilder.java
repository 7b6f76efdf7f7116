package dev.pagoda.planner;

import dev.pagoda.parser.ast.ColumnConstraint;
import dev.pagoda.parser.ast.ColumnDef;
import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.SortOrder;
import dev.pagoda.parser.ast.TableConstraint;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds a {@link TableSchema} from a CREATE TABLE statement: column affinities, NOT NULL,
 * defaults, the INTEGER PRIMARY KEY that aliases the rowid, CHECK constraints, ON CONFLICT clauses,
 * foreign keys ({@code ForeignKeyBuilder}), generated columns ({@link GeneratedColumns}), and
 * which features Pagoda cannot yet maintain on write.
 */
public final class SchemaBuilder {
  private static final String NON_ALIAS_PRIMARY_KEY = "PRIMARY KEY constraints on expressions";

  private SchemaBuilder() {}

  /**
   * The schema of the table that {@code ast} creates.
   *
   * @param sql the CREATE text as stored in {@code sqlite_schema}
   * @param rootPage the table's root page, or 0 when not yet allocated
   */
  public static TableSchema fromCreateTable(CreateTable ast, String sql, int rootPage) {
    if (ast.asSelect() != null) {
      throw SqlException.error("CREATE TABLE ... AS SELECT is not supported yet");
    }
    Set<String> tablePk = tablePrimaryKeyColumns(ast);
    List<ColumnSchema> columns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int rowidAlias = -1;
    for (ColumnDef def : ast.columns()) {
      if (!seen.add(def.name().toLowerCase(Locale.ROOT))) {
        throw SqlException.error("duplicate column name: " + def.name());
      }
      ColumnSchema column = column(def, tablePk);
      if (column.primaryKey() && isRowidAlias(ast, def, tablePk)) {
        rowidAlias = columns.size();
      }
      columns.add(column);
    }
    TableSchema table = new TableSchema(
        ast.name().name(), rootPage, columns, rowidAlias, sql, unsupportedWrite(ast, rowidAlias),
        constraints(ast, rowidAlias, autoIndexes(ast, rowidAlias)),
        ForeignKeyBuilder.foreignKeys(ast), null, AutoIncrementRule.declared(ast, rowidAlias));
    if (ast.columns().stream().noneMatch(d -> GeneratedColumns.definition(d) != null)) {
      return table;
    }
    return new TableSchema(table.name(), rootPage, columns, rowidAlias, sql,
        table.unsupportedWrite(), table.constraints(), table.foreignKeys(),
        GeneratedColumns.of(ast, table), table.autoincrement());
  }

  /**
   * The automatic indexes of the UNIQUE and PRIMARY KEY constraints (other than an INTEGER
   * PRIMARY KEY), named and ordered as SQLite creates them: column constraints as the columns
   * come, then table constraints; a constraint on the same columns as an earlier one adds none.
   */
  private static List<IndexSchema> autoIndexes(CreateTable ast, int rowidAlias) {
    List<IndexSchema> indexes = new ArrayList<>();
    String table = ast.name().name();
    for (int i = 0; i < ast.columns().size(); i++) {
      ColumnDef def = ast.columns().get(i);
      for (ColumnConstraint c : def.constraints()) {
        if (c instanceof ColumnConstraint.PrimaryKey pk && i != rowidAlias) {
          addAutoIndex(indexes, table, List.of(new IndexSchema.IndexColumn(
              i, collation(def), pk.order() == SortOrder.DESC)), pk.onConflict(), true);
        } else if (c instanceof ColumnConstraint.Unique u) {
          addAutoIndex(indexes, table,
              List.of(new IndexSchema.IndexColumn(i, collation(def), false)), u.onConflict(),
              false);
        }
      }
    }
    for (TableConstraint c : ast.constraints()) {
      if (c instanceof TableConstraint.PrimaryKey pk && rowidAlias < 0) {
        List<IndexSchema.IndexColumn> columns = indexColumns(ast, pk.columns());
        if (columns != null) {
          addAutoIndex(indexes, table, columns, pk.onConflict(), true);
        }
      } else if (c instanceof TableConstraint.Unique u) {
        List<IndexSchema.IndexColumn> columns = indexColumns(ast, u.columns());
        if (columns != null) {
          addAutoIndex(indexes, table, columns, u.onConflict(), false);
        }
      }
    }
    return indexes;
  }

  private static void addAutoIndex(List<IndexSchema> indexes, String table,
      List<IndexSchema.IndexColumn> columns, ConflictAction onConflict, boolean primaryKey) {
    for (int i = 0; i < indexes.size(); i++) {
      IndexSchema other = indexes.get(i);
      if (sameKey(other.columns(), columns)) {
        ConflictAction merged = other.onConflict();
        if (onConflict != null && merged != null && onConflict != merged) {
          throw SqlException.error("conflicting ON CONFLICT clauses specified");
        }
        merged = merged != null ? merged : onConflict;
        indexes.set(i, new IndexSchema(other.name(), table, 0, other.columns(), true, null, null,
            merged, other.primaryKey() || primaryKey));
        return;
      }
    }
    String name = "sqlite_autoindex_" + table + "_" + (indexes.size() + 1);
    indexes.add(new IndexSchema(name, table, 0, columns, true, null, null, onConflict,
        primaryKey));
  }

  private static boolean sameKey(
      List<IndexSchema.IndexColumn> a, List<IndexSchema.IndexColumn> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).column() != b.get(i).column()
          || !a.get(i).collation().equals(b.get(i).collation())) {
        return false;
      }
    }
    return true;
  }

  /** The columns of a UNIQUE or PRIMARY KEY table constraint, or null for an expression term. */
  private static List<IndexSchema.IndexColumn> indexColumns(
      CreateTable ast, List<OrderingTerm> terms) {
    List<IndexSchema.IndexColumn> columns = new ArrayList<>();
    for (OrderingTerm term : terms) {
      Expr e = term.expr();
      String collation = null;
      if (e instanceof dev.pagoda.parser.ast.Collate c) {
        collation = c.collation().toUpperCase(Locale.ROOT);
        e = c.expr();
      }
      if (!(e instanceof dev.pagoda.parser.ast.ColumnRef ref) || ref.table() != null) {
        return null;
      }
      int index = -1;
      for (int i = 0; i < ast.columns().size(); i++) {
        if (ast.columns().get(i).name().equalsIgnoreCase(ref.column())) {
          index = i;
        }
      }
      if (index < 0) {
        return null;
      }
      columns.add(new IndexSchema.IndexColumn(index,
          collation != null ? collation : collation(ast.columns().get(index)),
          term.order() == SortOrder.DESC));
    }
    return columns;
  }

  /** A column's collation: its COLLATE constraint's, else BINARY. */
  private static String collation(ColumnDef def) {
    String collation = "BINARY";
    for (ColumnConstraint c : def.constraints()) {
      if (c instanceof ColumnConstraint.Collate col) {
        collation = col.collation().toUpperCase(Locale.ROOT);
      }
    }
    return collation;
  }

  /** CHECK constraints in the order written, NOT NULL and INTEGER PRIMARY KEY ON CONFLICT. */
  private static TableConstraints constraints(
      CreateTable ast, int rowidAlias, List<IndexSchema> autoIndexes) {
    List<TableConstraints.Check> checks = new ArrayList<>();
    List<ConflictAction> notNull = new ArrayList<>();
    ConflictAction rowid = null;
    for (int i = 0; i < ast.columns().size(); i++) {
      ConflictAction columnNotNull = null;
      for (ColumnConstraint c : ast.columns().get(i).constraints()) {
        if (c instanceof ColumnConstraint.Check check) {
          checks.add(new TableConstraints.Check(checkName(check.name(), check.text(), check.expr()),
              check.expr()));
        } else if (c instanceof ColumnConstraint.NotNull n) {
          columnNotNull = n.onConflict();
        } else if (c instanceof ColumnConstraint.PrimaryKey pk && i == rowidAlias) {
          rowid = pk.onConflict();
        }
      }
      notNull.add(columnNotNull);
    }
    for (TableConstraint c : ast.constraints()) {
      if (c instanceof TableConstraint.Check check) {
        checks.add(new TableConstraints.Check(checkName(check.name(), check.text(), check.expr()),
            check.expr()));
      } else if (c instanceof TableConstraint.PrimaryKey pk && rowidAlias >= 0) {
        rowid = pk.onConflict();
      }
    }
    if (checks.isEmpty() && rowid == null && notNull.stream().allMatch(a -> a == null)
        && autoIndexes.isEmpty()) {
      return TableConstraints.NONE;
    }
    return new TableConstraints(checks, notNull, rowid, autoIndexes);
  }

  private static String checkName(String name, String text, Expr expr) {
    if (name != null) {
      return name;
    }
    return text != null ? text : dev.pagoda.parser.SqlPrinter.print(expr);
  }

  private static ColumnSchema column(ColumnDef def, Set<String> tablePk) {
    String type = def.type() == null ? "" : def.type().declaredType();
    boolean notNull = false;
    boolean pk = tablePk.contains(def.name().toLowerCase(Locale.ROOT));
    Expr defaultValue = null;
    String collation = null;
    for (ColumnConstraint c : def.constraints()) {
      if (c instanceof ColumnConstraint.NotNull) {
        notNull = true;
      } else if (c instanceof ColumnConstraint.PrimaryKey) {
        pk = true;
      } else if (c instanceof ColumnConstraint.Default d) {
        defaultValue = d.value();
      } else if (c instanceof ColumnConstraint.Collate col) {
        collation = col.collation();
      }
    }
    return new ColumnSchema(
        def.name(), type, Affinity.ofDeclaredType(type), notNull, pk, defaultValue, collation);
  }

  private static Set<String> tablePrimaryKeyColumns(CreateTable ast) {
    Set<String> names = new HashSet<>();
    for (TableConstraint c : ast.constraints()) {
      if (c instanceof TableConstraint.PrimaryKey pk) {
        for (OrderingTerm term : pk.columns()) {
          if (term.expr() instanceof dev.pagoda.parser.ast.ColumnRef ref) {
            names.add(ref.column().toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return names;
  }

  /**
   * SQLite's rule: a rowid table's PRIMARY KEY of exactly one column declared {@code INTEGER}
   * aliases the rowid, except for the historical quirk {@code INTEGER PRIMARY KEY DESC} in a
   * column constraint.
   */
  private static boolean isRowidAlias(CreateTable ast, ColumnDef def, Set<String> tablePk) {
    if (ast.withoutRowid() || def.type() == null) {
      return false;
    }
    if (!def.type().declaredType().equalsIgnoreCase("INTEGER")) {
      return false;
    }
    int pkColumns = tablePk.size();
    for (ColumnDef other : ast.columns()) {
      for (ColumnConstraint c : other.constraints()) {
        if (c instanceof ColumnConstraint.PrimaryKey) {
          pkColumns++;
        }
      }
    }
    if (pkColumns != 1) {
      return false;
    }
    for (ColumnConstraint c : def.constraints()) {
      if (c instanceof ColumnConstraint.PrimaryKey p && p.order() == SortOrder.DESC) {
        return false;
      }
    }
    return true;
  }

  /** Why writes to this table would not keep it correct yet, or null. */
  private static String unsupportedWrite(CreateTable ast, int rowidAlias) {
    if (ast.withoutRowid()) {
      return "WITHOUT ROWID tables";
    }
    if (ast.strict()) {
      return "STRICT tables";
    }
    if (ast.temporary()) {
      return "TEMP tables";
    }
    for (TableConstraint c : ast.constraints()) {
      if (c instanceof TableConstraint.PrimaryKey pk && rowidAlias < 0
          && indexColumns(ast, pk.columns()) == null) {
        return NON_ALIAS_PRIMARY_KEY;
      } else if (c instanceof TableConstraint.Unique u && indexColumns(ast, u.columns()) == null) {
        return "UNIQUE constraints on expressions";
      }
      // FOREIGN KEY: see ForeignKeyBuilder; enforced only under PRAGMA foreign_keys=ON.
    }
    return null;
  }

}
