package dev.pagoda.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * getImportedKeys, getExportedKeys and getCrossReference, from {@code PRAGMA foreign_key_list} of
 * the referencing tables, the PRIMARY KEY of the referenced ones (when a foreign key names no parent
 * columns) and the CREATE TABLE texts (constraint names and deferrability, which the pragma does not
 * give).
 *
 * <p>Values follow sqlite-jdbc: PKTABLE_NAME as written in REFERENCES (the argument, for exported
 * keys), UPDATE_RULE and DELETE_RULE from the pragma's actions, "" for an unnamed FK_NAME and an
 * unnamed parent PK_NAME. Where sqlite-jdbc is wrong the javadoc decides: FK_NAME is the name of the
 * foreign key the row belongs to (sqlite-jdbc gives the first CONSTRAINT name in the table to
 * another key), DEFERRABILITY is the declared one (sqlite-jdbc says initially deferred for all), and
 * getCrossReference returns the keys between the two tables (sqlite-jdbc returns none).
 */
final class ForeignKeyQueries {
  static final List<String> KEY_COLUMNS =
      List.of(
          "PKTABLE_CAT",
          "PKTABLE_SCHEM",
          "PKTABLE_NAME",
          "PKCOLUMN_NAME",
          "FKTABLE_CAT",
          "FKTABLE_SCHEM",
          "FKTABLE_NAME",
          "FKCOLUMN_NAME",
          "KEY_SEQ",
          "UPDATE_RULE",
          "DELETE_RULE",
          "FK_NAME",
          "PK_NAME",
          "DEFERRABILITY");

  /** One row of the result: a column pair of one foreign key. */
  private record KeyColumn(
      String parentTable,
      String parentColumn,
      String childTable,
      String childColumn,
      int keySeq,
      int updateRule,
      int deleteRule,
      String fkName,
      String pkName,
      int deferrability,
      int id) {
    Object[] row() {
      return new Object[] {
        null,
        null,
        parentTable,
        parentColumn,
        null,
        null,
        childTable,
        childColumn,
        keySeq,
        updateRule,
        deleteRule,
        fkName,
        pkName,
        deferrability
      };
    }
  }

  /** A referenced table's PRIMARY KEY: its columns in key order and its constraint name or "". */
  private record ParentKey(List<String> columns, String name) {}

  private final MetaDataQueries queries;
  private final Map<String, ParentKey> parentKeys = new HashMap<>();

  ForeignKeyQueries(MetaDataQueries queries) {
    this.queries = queries;
  }

  /** Keys of {@code table} (null: every table), ordered by PKTABLE_NAME and KEY_SEQ. */
  ResultSet imported(String schema, String table) throws SQLException {
    List<KeyColumn> keys = new ArrayList<>();
    if (Patterns.isMain(schema)) {
      for (String name : queries.tableNames(table)) {
        keys.addAll(keysOf(name));
      }
    }
    keys.sort(
        Comparator.comparing(KeyColumn::parentTable)
            .thenComparing(KeyColumn::childTable)
            .thenComparingInt(KeyColumn::id)
            .thenComparingInt(KeyColumn::keySeq));
    return result(keys);
  }

  /** Keys that reference {@code table}, ordered by FKTABLE_NAME and KEY_SEQ. */
  ResultSet exported(String schema, String table) throws SQLException {
    return crossReference(schema, table, null);
  }

  /**
   * Keys of {@code foreignTable} (null: every table) that reference {@code parentTable} (null: any
   * table), ordered by FKTABLE_NAME and KEY_SEQ.
   */
  ResultSet crossReference(String schema, String parentTable, String foreignTable)
      throws SQLException {
    List<KeyColumn> keys = new ArrayList<>();
    if (Patterns.isMain(schema)) {
      for (String name : queries.tableNames(foreignTable)) {
        for (KeyColumn key : keysOf(name)) {
          if (parentTable == null) {
            keys.add(key);
          } else if (key.parentTable().equalsIgnoreCase(parentTable)) {
            keys.add(withParentTable(key, parentTable));
          }
        }
      }
    }
    keys.sort(
        Comparator.comparing(KeyColumn::childTable)
            .thenComparingInt(KeyColumn::id)
            .thenComparingInt(KeyColumn::keySeq));
    return result(keys);
  }

  private ResultSet result(List<KeyColumn> keys) throws SQLException {
    ResultTable result = new ResultTable(KEY_COLUMNS);
    for (KeyColumn key : keys) {
      result.add(key.row());
    }
    return result.query(queries.connection(), null, null);
  }

  private static KeyColumn withParentTable(KeyColumn key, String parentTable) {
    return new KeyColumn(
        parentTable,
        key.parentColumn(),
        key.childTable(),
        key.childColumn(),
        key.keySeq(),
        key.updateRule(),
        key.deleteRule(),
        key.fkName(),
        key.pkName(),
        key.deferrability(),
        key.id());
  }

  /** The column pairs of every foreign key of {@code table}, in the pragma's order. */
  private List<KeyColumn> keysOf(String table) throws SQLException {
    CreateTableSql declared = CreateTableSql.parse(queries.createSql(table));
    List<KeyColumn> keys = new ArrayList<>();
    try (ResultSet list = queries.pragma("foreign_key_list", table)) {
      while (list.next()) {
        int id = list.getInt("id");
        int seq = list.getInt("seq");
        CreateTableSql.ForeignKey key = declared.foreignKey(id);
        keys.add(
            new KeyColumn(
                list.getString("table"),
                list.getString("to"),
                table,
                list.getString("from"),
                seq + 1,
                rule(list.getString("on_update")),
                rule(list.getString("on_delete")),
                key == null || key.name() == null ? "" : key.name(),
                null,
                key == null ? DatabaseMetaData.importedKeyNotDeferrable : key.deferrability(),
                id));
      }
    }
    List<KeyColumn> resolved = new ArrayList<>(keys.size());
    for (KeyColumn key : keys) {
      resolved.add(resolveParent(key));
    }
    return resolved;
  }

  /** Fills in the parent's PK_NAME and, when REFERENCES named no columns, its key column. */
  private KeyColumn resolveParent(KeyColumn key) throws SQLException {
    ParentKey parent = parentKey(key.parentTable());
    String column = key.parentColumn();
    if (column == null && key.keySeq() <= parent.columns().size()) {
      column = parent.columns().get(key.keySeq() - 1);
    }
    return new KeyColumn(
        key.parentTable(),
        column,
        key.childTable(),
        key.childColumn(),
        key.keySeq(),
        key.updateRule(),
        key.deleteRule(),
        key.fkName(),
        parent.name(),
        key.deferrability(),
        key.id());
  }

  private ParentKey parentKey(String table) throws SQLException {
    String folded = table.toLowerCase(Locale.ROOT);
    ParentKey known = parentKeys.get(folded);
    if (known == null) {
      String name = CreateTableSql.parse(queries.createSql(table)).primaryKeyName();
      known = new ParentKey(queries.primaryKey(table), name == null ? "" : name);
      parentKeys.put(folded, known);
    }
    return known;
  }

  /** The JDBC rule for an SQLite action, as the pragma spells it. */
  static int rule(String action) {
    if (action == null) {
      return DatabaseMetaData.importedKeyNoAction;
    }
    return switch (action.toUpperCase(Locale.ROOT)) {
      case "CASCADE" -> DatabaseMetaData.importedKeyCascade;
      case "RESTRICT" -> DatabaseMetaData.importedKeyRestrict;
      case "SET NULL" -> DatabaseMetaData.importedKeySetNull;
      case "SET DEFAULT" -> DatabaseMetaData.importedKeySetDefault;
      default -> DatabaseMetaData.importedKeyNoAction;
    };
  }
}
