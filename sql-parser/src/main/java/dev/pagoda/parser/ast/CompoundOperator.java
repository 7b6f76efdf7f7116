package dev.pagoda.parser.ast;

/** The operator between two cores of a compound SELECT. */
public enum CompoundOperator {
  UNION("UNION"),
  UNION_ALL("UNION ALL"),
  INTERSECT("INTERSECT"),
  EXCEPT("EXCEPT");

  private final String sql;

  CompoundOperator(String sql) {
    this.sql = sql;
  }

  /** The compoundOperator as written in SQL. */
  public String sql() {
    return sql;
  }
}
