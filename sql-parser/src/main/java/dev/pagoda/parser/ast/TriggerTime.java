package dev.pagoda.parser.ast;

/** When a trigger fires; SQLite's default, when none is written, is BEFORE. */
public enum TriggerTime {
  BEFORE("BEFORE"),
  AFTER("AFTER"),
  INSTEAD_OF("INSTEAD OF");

  private final String sql;

  TriggerTime(String sql) {
    this.sql = sql;
  }

  /** The keywords as written in SQL. */
  public String sql() {
    return sql;
  }
}
