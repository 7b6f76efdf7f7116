package dev.pagoda.spi;

/** Properties of a function that the planner and the security checks rely on, as SQLite's. */
public enum FunctionFlag {
  /**
   * Equal arguments always give equal results within a statement (SQLITE_DETERMINISTIC). Only
   * deterministic functions may appear in index expressions, partial-index conditions, CHECK
   * constraints and generated columns.
   */
  DETERMINISTIC,
  /**
   * Callable only from top-level SQL, never from a view, trigger, CHECK or index in the schema
   * (SQLITE_DIRECTONLY): for functions with side effects or that reveal secrets.
   */
  DIRECT_ONLY,
  /**
   * Harmless whatever its arguments, so safe in schemas of untrusted files (SQLITE_INNOCUOUS).
   */
  INNOCUOUS
}
