package dev.pagoda.planner;

import dev.pagoda.parser.ast.ColumnConstraint;
import dev.pagoda.parser.ast.ColumnDef;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.parser.ast.TableConstraint;
import dev.pagoda.spi.SqlException;

/**
 * SQLite's rules for {@code AUTOINCREMENT}: where it may be written, and the name and CREATE text
 * of the {@code sqlite_sequence} table that records, per AUTOINCREMENT table, the largest rowid
 * ever used. The executor's {@code AutoIncrement} keeps that table; this class only decides.
 */
public final class AutoIncrementRule {
  /** The table SQLite creates in the schema with the first AUTOINCREMENT table. */
  public static final String SEQUENCE_TABLE = "sqlite_sequence";

  /** Its CREATE text in {@code sqlite_schema}, exactly as SQLite writes it. */
  public static final String SEQUENCE_SQL = "CREATE TABLE sqlite_sequence(name,seq)";

  private AutoIncrementRule() {}

  /**
   * Whether {@code ast} declares AUTOINCREMENT; SQLite's errors where it may not.
   *
   * @param rowidAlias the index of the column that aliases the rowid, or -1
   * @throws SqlException when AUTOINCREMENT is on a WITHOUT ROWID table or on a PRIMARY KEY that
   *     is not an alias of the rowid
   */
  static boolean declared(CreateTable ast, int rowidAlias) {
    boolean declared = false;
    boolean onAlias = true;
    for (int i = 0; i < ast.columns().size(); i++) {
      ColumnDef def = ast.columns().get(i);
      for (ColumnConstraint c : def.constraints()) {
        if (c instanceof ColumnConstraint.PrimaryKey pk && pk.autoincrement()) {
          declared = true;
          onAlias &= i == rowidAlias;
        }
      }
    }
    for (TableConstraint c : ast.constraints()) {
      if (c instanceof TableConstraint.PrimaryKey pk && pk.autoincrement()) {
        declared = true;
        onAlias &= rowidAlias >= 0;
      }
    }
    if (declared && ast.withoutRowid()) {
      throw SqlException.error("AUTOINCREMENT not allowed on WITHOUT ROWID tables");
    }
    if (declared && !onAlias) {
      throw SqlException.error("AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY");
    }
    return declared;
  }

  /** Whether {@code name} is {@code sqlite_sequence} (ASCII case-blind, as SQLite's names). */
  public static boolean isSequenceTable(String name) {
    return name.equalsIgnoreCase(SEQUENCE_TABLE);
  }
}
