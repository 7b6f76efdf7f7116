package dev.pagoda.planner;

import java.util.Collection;

/** What the planner knows of the schema: the tables, looked up by name. */
public interface Catalog {
  /** The table named {@code name} (ASCII case-insensitive), or null when there is none. */
  TableSchema table(String name);

  /** Every table, in no particular order. */
  Collection<TableSchema> tables();

  /** Whether any index is defined on table {@code name}. */
  boolean hasIndexes(String name);
}
