package dev.pagoda.planner;

import java.util.Collection;
import java.util.List;

/** What the planner knows of the schema: the tables, looked up by name. */
public interface Catalog {
  /** The table named {@code name} (ASCII case-insensitive), or null when there is none. */
  TableSchema table(String name);

  /** Every table, in no particular order. */
  Collection<TableSchema> tables();

  /** The indexes of table {@code name}, in the order they were created; empty when none. */
  List<IndexSchema> indexes(String table);

  /** The index named {@code name} (ASCII case-insensitive), or null when there is none. */
  IndexSchema index(String name);
}
