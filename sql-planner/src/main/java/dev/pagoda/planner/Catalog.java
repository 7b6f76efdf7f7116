package dev.pagoda.planner;

import java.util.Collection;
import java.util.List;

/** What the planner knows of the schema: the tables, indexes and views, looked up by name. */
public interface Catalog {
  /**
   * The table named {@code name} (ASCII case-insensitive), or null when there is none; never a
   * view (see {@link #view}).
   */
  /** The functions, collations and table-valued functions SQL can name. */
  default FunctionCatalog functions() {
    return FunctionCatalog.standard();
  }

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

  /**
   * The schema name a {@code no such table} error shows before an unqualified name, or null for
   * none. SQLite binds the steps of a trigger in the trigger's schema, so there it reports {@code
   * no such table: main.x}.
   */
  default String unqualifiedSchema() {
    return null;
  }

  /** {@code catalog} with {@link #unqualifiedSchema} {@code schema}: what trigger steps see. */
  static Catalog inSchema(Catalog catalog, String schema) {
    if (schema.equals(catalog.unqualifiedSchema())) {
      return catalog; // already so: nested trigger programs do not wrap it again
    }
    return new Catalog() {
      @Override
      public TableSchema table(String name) {
        return catalog.table(name);
      }

      @Override
      public Collection<TableSchema> tables() {
        return catalog.tables();
      }

      @Override
      public List<IndexSchema> indexes(String table) {
        return catalog.indexes(table);
      }

      @Override
      public IndexSchema index(String name) {
        return catalog.index(name);
      }

      @Override
      public ViewSchema view(String name) {
        return catalog.view(name);
      }

      @Override
      public ViewSchema tempView(String name) {
        return catalog.tempView(name);
      }

      @Override
      public TriggerSchema trigger(String name) {
        return catalog.trigger(name);
      }

      @Override
      public List<TriggerSchema> triggers(String table) {
        return catalog.triggers(table);
      }

      @Override
      public String unqualifiedSchema() {
        return schema;
      }
    };
  }
}
