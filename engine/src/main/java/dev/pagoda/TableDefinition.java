package dev.pagoda;

import dev.pagoda.parser.ParsedStatement;
import dev.pagoda.parser.Parser;
import dev.pagoda.parser.ast.ColumnConstraint;
import dev.pagoda.parser.ast.ColumnDef;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.parser.ast.GeneratedStorage;
import dev.pagoda.planner.ColumnSchema;
import dev.pagoda.planner.IndexSchema;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.spi.ResultCode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the introspection pragmas need of a table beyond its {@link TableSchema}, read again from
 * its CREATE TABLE text: the DEFAULT texts as written, generated columns, WITHOUT ROWID and STRICT,
 * and the PRIMARY KEY index (SQLite's {@code sqlite3PrimaryKeyIndex}).
 *
 * @param table the table
 * @param withoutRowid whether it is a WITHOUT ROWID table
 * @param strict whether it is a STRICT table
 * @param columns per column, in table order: its DEFAULT text and whether it is generated
 */
record TableDefinition(TableSchema table, boolean withoutRowid, boolean strict,
    List<Column> columns) {
  private static final List<String> STANDARD_TYPES =
      List.of("ANY", "BLOB", "INT", "INTEGER", "REAL", "TEXT");

  /**
   * One column's definition details.
   *
   * @param defaultText the DEFAULT text as SQLite shows it in {@code dflt_value}, or null
   * @param generated how a generated column is kept, or null for an ordinary column
   */
  record Column(String defaultText, GeneratedStorage generated) {
    /** SQLite's {@code hidden} value of {@code table_xinfo}: 0, or 2 (VIRTUAL) / 3 (STORED). */
    int hidden() {
      if (generated == null) {
        return 0;
      }
      return generated == GeneratedStorage.VIRTUAL ? 2 : 3;
    }
  }

  /** Reads the definition of {@code table} from its CREATE TABLE text. */
  static TableDefinition of(TableSchema table) {
    ParsedStatement parsed = Parser.parseFirst(table.sql());
    if (parsed == null || !(parsed.statement() instanceof CreateTable ast)
        || ast.columns().size() != table.columns().size()) {
      throw new PagodaException(ResultCode.CORRUPT,
          "malformed database schema (" + table.name() + ")");
    }
    List<Column> columns = new ArrayList<>();
    for (ColumnDef def : ast.columns()) {
      String dflt = null;
      GeneratedStorage generated = null;
      for (ColumnConstraint c : def.constraints()) {
        if (c instanceof ColumnConstraint.Default d) {
          dflt = d.text();
        } else if (c instanceof ColumnConstraint.Generated g) {
          generated = g.storage();
        }
      }
      columns.add(new Column(dflt, generated));
    }
    return new TableDefinition(table, ast.withoutRowid(), ast.strict(), columns);
  }

  /**
   * The PRIMARY KEY's automatic index, or null when the table has none (no PRIMARY KEY, or an
   * INTEGER PRIMARY KEY that is the rowid).
   */
  IndexSchema primaryKeyIndex() {
    for (IndexSchema index : table.constraints().autoIndexes()) {
      if (index.primaryKey()) {
        return index;
      }
    }
    return null;
  }

  /**
   * SQLite's {@code pk} of {@code table_info} for column {@code i}: 0 when not in the PRIMARY KEY,
   * else its 1-based position in the key.
   */
  int primaryKeyPosition(int i) {
    if (!table.columns().get(i).primaryKey()) {
      return 0;
    }
    IndexSchema pk = primaryKeyIndex();
    if (pk == null) {
      return 1;
    }
    for (int k = 0; k < pk.columns().size(); k++) {
      if (pk.columns().get(k).column() == i) {
        return k + 1;
      }
    }
    return 1;
  }

  /**
   * Whether column {@code i} is NOT NULL: declared so, or a PRIMARY KEY column of a WITHOUT ROWID
   * or (other than the rowid) a STRICT table.
   */
  boolean notNull(int i) {
    ColumnSchema c = table.columns().get(i);
    return c.notNull() || (c.primaryKey() && (withoutRowid || (strict && i != table.rowidAlias())));
  }

  /**
   * A declared type as SQLite shows it: one of its standard type names ({@code INT}, {@code
   * INTEGER}, {@code REAL}, {@code TEXT}, {@code BLOB}, {@code ANY}) in any case is shown upper
   * case, as SQLite records those; any other type as written.
   */
  static String shownType(String declared) {
    for (String standard : STANDARD_TYPES) {
      if (standard.equalsIgnoreCase(declared)) {
        return standard;
      }
    }
    return declared;
  }
}
