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
 * and which features Pagoda cannot yet maintain on write.
 */
public final class SchemaBuilder {
  private static final String NON_ALIAS_PRIMARY_KEY =
      "PRIMARY KEY constraints other than INTEGER PRIMARY KEY";

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
    return new TableSchema(
        ast.name().name(), rootPage, columns, rowidAlias, sql, unsupportedWrite(ast, rowidAlias),
        constraints(ast, rowidAlias));
  }

  /** CHECK constraints in the order written, NOT NULL and INTEGER PRIMARY KEY ON CONFLICT. */
  private static TableConstraints constraints(CreateTable ast, int rowidAlias) {
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
    if (checks.isEmpty() && rowid == null && notNull.stream().allMatch(a -> a == null)) {
      return TableConstraints.NONE;
    }
    return new TableConstraints(checks, notNull, rowid);
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
    for (ColumnConstraint c : def.constraints()) {
      if (c instanceof ColumnConstraint.NotNull) {
        notNull = true;
      } else if (c instanceof ColumnConstraint.PrimaryKey) {
        pk = true;
      } else if (c instanceof ColumnConstraint.Default d) {
        defaultValue = d.value();
      }
    }
    return new ColumnSchema(
        def.name(), type, Affinity.ofDeclaredType(type), notNull, pk, defaultValue);
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
      if (c instanceof TableConstraint.PrimaryKey && rowidAlias < 0) {
        return NON_ALIAS_PRIMARY_KEY;
      } else if (c instanceof TableConstraint.Unique) {
        return "UNIQUE constraints";
      }
      // FOREIGN KEY: not enforced unless PRAGMA foreign_keys=ON, which comes later.
    }
    for (ColumnDef def : ast.columns()) {
      for (ColumnConstraint c : def.constraints()) {
        String feature = columnFeature(c, rowidAlias >= 0);
        if (feature != null) {
          return feature;
        }
      }
    }
    return null;
  }

  private static String columnFeature(ColumnConstraint c, boolean hasRowidAlias) {
    if (c instanceof ColumnConstraint.PrimaryKey p) {
      if (p.autoincrement()) {
        return "AUTOINCREMENT";
      }
      return hasRowidAlias ? null : NON_ALIAS_PRIMARY_KEY;
    } else if (c instanceof ColumnConstraint.Unique) {
      return "UNIQUE constraints";
    } else if (c instanceof ColumnConstraint.Generated) {
      return "generated columns";
    } else if (c instanceof ColumnConstraint.Collate col) {
      return col.collation().equalsIgnoreCase("BINARY") ? null : "COLLATE " + col.collation();
    }
    return null;
  }
}
