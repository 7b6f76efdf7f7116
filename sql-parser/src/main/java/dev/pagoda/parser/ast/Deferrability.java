package dev.pagoda.parser.ast;

/** A foreign key's {@code [NOT] DEFERRABLE [INITIALLY DEFERRED|IMMEDIATE]} clause. */
public enum Deferrability {
  NOT_DEFERRABLE("NOT DEFERRABLE"),
  NOT_DEFERRABLE_INITIALLY_DEFERRED("NOT DEFERRABLE INITIALLY DEFERRED"),
  NOT_DEFERRABLE_INITIALLY_IMMEDIATE("NOT DEFERRABLE INITIALLY IMMEDIATE"),
  DEFERRABLE("DEFERRABLE"),
  DEFERRABLE_INITIALLY_DEFERRED("DEFERRABLE INITIALLY DEFERRED"),
  DEFERRABLE_INITIALLY_IMMEDIATE("DEFERRABLE INITIALLY IMMEDIATE");

  private final String sql;

  Deferrability(String sql) {
    this.sql = sql;
  }

  /** The deferrability as written in SQL. */
  public String sql() {
    return sql;
  }

  /** True only for {@code DEFERRABLE INITIALLY DEFERRED}, the one form SQLite actually defers. */
  public boolean initiallyDeferred() {
    return this == DEFERRABLE_INITIALLY_DEFERRED;
  }
}
