package dev.pagoda.executor;

/**
 * What a statement may know of the connection that runs it: the counters behind {@code
 * changes()}, {@code total_changes()} and {@code last_insert_rowid()}, and where the rows that
 * trigger programs change are counted.
 */
public interface Session {
  /** A session with no connection behind it: every counter is 0. */
  Session NONE = new Session() {};

  /** Rows changed by the most recent completed INSERT, UPDATE or DELETE statement. */
  default long changes() {
    return 0;
  }

  /** Rows changed since the connection opened, by statements and their trigger programs. */
  default long totalChanges() {
    return 0;
  }

  /** The rowid of the most recent row inserted by a statement (not a trigger program). */
  default long lastInsertRowid() {
    return 0;
  }

  /**
   * A statement of a trigger program completed, changing {@code n} rows: they count in {@link
   * #totalChanges}, and {@link #changes} is {@code n} until the program ends.
   */
  default void triggerChanges(long n) {}

  /** A row was inserted with {@code rowid} (by a statement or a trigger program's step). */
  default void inserted(long rowid) {}

  /**
   * A trigger program ended: {@link #changes} and {@link #lastInsertRowid} are again what they
   * were when it began, as SQLite restores them.
   */
  default void restore(long changes, long lastInsertRowid) {}

  /** The functions, collations and table-valued functions SQL on this connection can name. */
  default dev.pagoda.planner.FunctionCatalog functions() {
    return dev.pagoda.planner.FunctionCatalog.standard();
  }

  /**
   * The connection's foreign key enforcement, or null when it has none (then keys are never
   * enforced, as with {@code PRAGMA foreign_keys=OFF}).
   */
  default ForeignKeyState foreignKeys() {
    return null;
  }

  /** The schema as the running statement sees it, for foreign key lookups; null when unknown. */
  default dev.pagoda.planner.Catalog schema() {
    return null;
  }

  /** The zone 'localtime' means. */
  default java.time.ZoneId timeZone() {
    return java.time.ZoneId.systemDefault();
  }
}
