package dev.pagoda.planner;

import java.util.Collection;
import java.util.List;

/** What the planner knows of the schema: the tables, indexes and views, looked up by name. */
public interface Catalog {
  /**
   * The table named {@code name} (ASCII case-insensitive), or null when there is none; never a
   * view (see {@link #view}).
   */
  TableSchema table(String name);

  /** Every table, in no particular order. */
  Collection<TableSchema> tables();

  /** The indexes of table {@code name}, in the order they were created; empty when none. */
  List<IndexSchema> indexes(String table);

  /** The index named {@code name} (ASCII case-insensitive), or null when there is none. */
  IndexSchema index(String name);

  /** The view named {@code name} (ASCII case-insensitive), or null when there is none. */
  default ViewSchema view(String name) {
    return null;
  }

  /**
   * The temp schema's view named {@code name}, or null; {@link #view} finds these too, before the
   * main schema's.
   */
  default ViewSchema tempView(String name) {
    return null;
  }

  /** The trigger named {@code name} (ASCII case-insensitive), temp schema first, or null. */
  default TriggerSchema trigger(String name) {
    return null;
  }

  /**
   * The triggers on the table or view {@code table}, in the order SQLite fires them: the temp
   * schema's first, then the main schema's, each newest first.
   */
  default List<TriggerSchema> triggers(String table) {
    return List.of();
  }
}
