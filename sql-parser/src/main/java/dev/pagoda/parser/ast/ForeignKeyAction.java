package dev.pagoda.parser.ast;

/** What a foreign key does {@code ON DELETE} or {@code ON UPDATE}. */
public enum ForeignKeyAction {
  SET_NULL("SET NULL"),
  SET_DEFAULT("SET DEFAULT"),
  CASCADE("CASCADE"),
  RESTRICT("RESTRICT"),
  NO_ACTION("NO ACTION");

  private final String sql;

  ForeignKeyAction(String sql) {
    this.sql = sql;
  }

  /** The foreignKeyAction as written in SQL. */
  public String sql() {
    return sql;
  }
}
