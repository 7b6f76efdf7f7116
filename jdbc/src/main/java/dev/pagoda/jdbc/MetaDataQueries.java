package dev.pagoda.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The catalog half of {@link DatabaseMetaData}, as SQL run on the connection itself: {@code
 * getTables} is a query over {@code sqlite_schema}; the others read the schema pragmas ({@code
 * table_xinfo}, {@code index_list}, {@code index_xinfo}, {@code foreign_key_list}, {@code
 * function_list}) and the CREATE statements, compute their rows in Java and return them as a
 * {@link ResultTable} query. Only {@link Connection} methods are used, so the same code runs on
 * sqlite-jdbc in the tests, which is how they check it against real SQLite's answers.
 *
 * <p>The result columns, their order and their ORDER BY are the JDBC javadoc's; the values are
 * sqlite-jdbc's wherever it defines them, and the javadoc's where sqlite-jdbc contradicts it (see
 * each method). There is one schema, {@code main}, reported as a null TABLE_SCHEM as sqlite-jdbc
 * does; catalogs are ignored.
 */
final class MetaDataQueries {
  /** The escape character of metadata patterns, {@link DatabaseMetaData#getSearchStringEscape}. */
  static final String ESCAPE = "\\";

  private static final String LIKE = " LIKE ? ESCAPE '\\'";

  /** Table names and types, with sqlite_schema itself, which is not listed in sqlite_schema. */
  private static final String TABLES =
      "SELECT name AS n, CASE WHEN name LIKE 'sqlite\\_%' ESCAPE '\\' THEN 'SYSTEM TABLE'"
          + " WHEN type = 'view' THEN 'VIEW' ELSE 'TABLE' END AS t, sql AS s"
          + " FROM sqlite_schema WHERE type IN ('table', 'view')"
          + " UNION ALL SELECT 'sqlite_schema', 'SYSTEM TABLE', NULL";

  /** The TEMP schema's tables and views, once it exists: GLOBAL TEMPORARY, as in sqlite-jdbc. */
  private static final String TEMP_TABLES =
      " UNION ALL SELECT name, 'GLOBAL TEMPORARY', sql FROM sqlite_temp_schema"
          + " WHERE type IN ('table', 'view')";

  static final List<String> TABLE_COLUMNS =
      List.of(
          "TABLE_CAT",
          "TABLE_SCHEM",
          "TABLE_NAME",
          "TABLE_TYPE",
          "REMARKS",
          "TYPE_CAT",
          "TYPE_SCHEM",
          "TYPE_NAME",
          "SELF_REFERENCING_COL_NAME",
          "REF_GENERATION");

  static final List<String> COLUMN_COLUMNS =
      List.of(
          "TABLE_CAT",
          "TABLE_SCHEM",
          "TABLE_NAME",
          "COLUMN_NAME",
          "DATA_TYPE",
          "TYPE_NAME",
          "COLUMN_SIZE",
          "BUFFER_LENGTH",
          "DECIMAL_DIGITS",
          "NUM_PREC_RADIX",
          "NULLABLE",
          "REMARKS",
          "COLUMN_DEF",
          "SQL_DATA_TYPE",
          "SQL_DATETIME_SUB",
          "CHAR_OCTET_LENGTH",
          "ORDINAL_POSITION",
          "IS_NULLABLE",
          "SCOPE_CATALOG",
          "SCOPE_SCHEMA",
          "SCOPE_TABLE",
          "SOURCE_DATA_TYPE",
          "IS_AUTOINCREMENT",
          "IS_GENERATEDCOLUMN");

  static final List<String> PRIMARY_KEY_COLUMNS =
      List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME");

  static final List<String> INDEX_COLUMNS =
      List.of(
          "TABLE_CAT",
          "TABLE_SCHEM",
          "TABLE_NAME",
          "NON_UNIQUE",
          "INDEX_QUALIFIER",
          "INDEX_NAME",
          "TYPE",
          "ORDINAL_POSITION",
          "COLUMN_NAME",
          "ASC_OR_DESC",
          "CARDINALITY",
          "PAGES",
          "FILTER_CONDITION");

  static final List<String> TYPE_INFO_COLUMNS =
      List.of(
          "TYPE_NAME",
          "DATA_TYPE",
          "PRECISION",
          "LITERAL_PREFIX",
          "LITERAL_SUFFIX",
          "CREATE_PARAMS",
          "NULLABLE",
          "CASE_SENSITIVE",
          "SEARCHABLE",
          "UNSIGNED_ATTRIBUTE",
          "FIXED_PREC_SCALE",
          "AUTO_INCREMENT",
          "LOCAL_TYPE_NAME",
          "MINIMUM_SCALE",
          "MAXIMUM_SCALE",
          "SQL_DATA_TYPE",
          "SQL_DATETIME_SUB",
          "NUM_PREC_RADIX");

  static final List<String> FUNCTION_COLUMNS =
      List.of(
          "FUNCTION_CAT",
          "FUNCTION_SCHEM",
          "FUNCTION_NAME",
          "REMARKS",
          "FUNCTION_TYPE",
          "SPECIFIC_NAME");

  private final Connection connection;

  MetaDataQueries(Connection connection) {
    this.connection = connection;
  }

  Connection connection() {
    return connection;
  }

  /**
   * getTables: tables and views by name; {@code sqlite_schema} and the {@code sqlite_} tables
   * (sqlite_sequence, sqlite_stat1) as SYSTEM TABLE; TEMP tables and views as GLOBAL TEMPORARY. Unlike sqlite-jdbc, which lists the {@code
   * sqlite_autoindex_} indexes as system tables too, indexes are not tables and are not listed.
   */
  ResultSet tables(String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT NULL AS TABLE_CAT, NULL AS TABLE_SCHEM, n AS TABLE_NAME, t AS TABLE_TYPE,"
                + " NULL AS REMARKS, NULL AS TYPE_CAT, NULL AS TYPE_SCHEM, NULL AS TYPE_NAME,"
                + " NULL AS SELF_REFERENCING_COL_NAME, NULL AS REF_GENERATION FROM (")
            .append(tablesSql())
            .append(") WHERE n")
            .append(LIKE);
    List<String> parameters = new ArrayList<>();
    parameters.add(orAll(tableNamePattern));
    if (!Patterns.matchesMain(schemaPattern) || (types != null && types.length == 0)) {
      sql.append(" AND 0");
    } else if (types != null) {
      sql.append(" AND t IN (");
      for (int i = 0; i < types.length; i++) {
        sql.append(i > 0 ? ", ?" : "?");
        parameters.add(types[i]);
      }
      sql.append(')');
    }
    sql.append(" ORDER BY TABLE_TYPE, TABLE_NAME");
    return ResultTable.run(connection, sql.toString(), parameters.toArray(String[]::new));
  }

  /** getTableTypes: sqlite-jdbc's four, GLOBAL TEMPORARY being SQLite's TEMP tables. */
  ResultSet tableTypes() throws SQLException {
    ResultTable table = new ResultTable(List.of("TABLE_TYPE"));
    for (String type : List.of("GLOBAL TEMPORARY", "SYSTEM TABLE", "TABLE", "VIEW")) {
      table.add(type);
    }
    return table.query(connection, null, "TABLE_TYPE");
  }

  /** The query of every table's name, type and CREATE statement, TEMP ones included. */
  private String tablesSql() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet databases = statement.executeQuery("PRAGMA database_list")) {
      while (databases.next()) {
        if ("temp".equalsIgnoreCase(databases.getString("name"))) {
          return TABLES + TEMP_TABLES;
        }
      }
    }
    return TABLES;
  }

  /** A table or view of sqlite_schema (or sqlite_schema itself) and its CREATE statement. */
  record SchemaTable(String name, String sql) {}

  /** The tables and views whose names match {@code pattern} (null: all), views included. */
  List<SchemaTable> schemaTables(String pattern) throws SQLException {
    List<SchemaTable> tables = new ArrayList<>();
    String sql = "SELECT n, s FROM (" + tablesSql() + ") WHERE n" + LIKE + " ORDER BY n";
    try (ResultSet rows = ResultTable.run(connection, sql, orAll(pattern))) {
      while (rows.next()) {
        tables.add(new SchemaTable(rows.getString(1), rows.getString(2)));
      }
    }
    return tables;
  }

  /** The CREATE statement of table {@code name} (any case), or null. */
  String createSql(String name) throws SQLException {
    String sql = "SELECT sql FROM sqlite_schema WHERE type = 'table' AND lower(name) = lower(?)";
    try (ResultSet rows = ResultTable.run(connection, sql, name)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  /**
   * getColumns, from {@code PRAGMA table_xinfo} of each table and view that matches: TYPE_NAME,
   * DATA_TYPE, COLUMN_SIZE and DECIMAL_DIGITS as {@link DeclaredType} reads the declared type;
   * IS_AUTOINCREMENT for the INTEGER PRIMARY KEY of an AUTOINCREMENT table; IS_GENERATEDCOLUMN for
   * VIRTUAL and STORED generated columns. The hidden columns of virtual tables are left out.
   */
  ResultSet columns(String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    ResultTable result = new ResultTable(COLUMN_COLUMNS);
    if (Patterns.matchesMain(schemaPattern)) {
      for (SchemaTable table : schemaTables(tableNamePattern)) {
        addColumns(result, table);
      }
    }
    return result.query(
        connection, "COLUMN_NAME" + LIKE, "TABLE_NAME, ORDINAL_POSITION", orAll(columnNamePattern));
  }

  private void addColumns(ResultTable result, SchemaTable table) throws SQLException {
    boolean autoincrement = CreateTableSql.parse(table.sql()).autoincrement();
    int position = 0;
    try (ResultSet info = pragma("table_xinfo", table.name())) {
      while (info.next()) {
        int hidden = info.getInt("hidden");
        if (hidden == 1) {
          continue;
        }
        DeclaredType type = DeclaredType.of(info.getString("type"));
        boolean nullable = info.getInt("notnull") == 0;
        boolean generated = hidden == 2 || hidden == 3;
        boolean autoincremented = autoincrement && info.getInt("pk") == 1;
        result.add(
            null,
            null,
            table.name(),
            info.getString("name"),
            type.dataType(),
            type.typeName(),
            type.columnSize(),
            DeclaredType.NO_SIZE,
            type.decimalDigits(),
            10,
            nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
            null,
            info.getString("dflt_value"),
            0,
            0,
            DeclaredType.NO_SIZE,
            ++position,
            nullable ? "YES" : "NO",
            null,
            null,
            null,
            null,
            autoincremented ? "YES" : "NO",
            generated ? "YES" : "NO");
      }
    }
  }

  /**
   * getPrimaryKeys: the columns of the PRIMARY KEY in KEY_SEQ order of the key, sorted by
   * COLUMN_NAME as the javadoc says; PK_NAME is the {@code CONSTRAINT} name, or null. A null table
   * means every table.
   */
  ResultSet primaryKeys(String schema, String table) throws SQLException {
    ResultTable result = new ResultTable(PRIMARY_KEY_COLUMNS);
    if (Patterns.isMain(schema)) {
      for (String name : tableNames(table)) {
        String pkName = CreateTableSql.parse(createSql(name)).primaryKeyName();
        List<String> key = primaryKey(name);
        for (int i = 0; i < key.size(); i++) {
          result.add(null, null, name, key.get(i), i + 1, pkName);
        }
      }
    }
    return result.query(connection, null, "TABLE_NAME, COLUMN_NAME");
  }

  /** The PRIMARY KEY columns of {@code table} in key order (empty: none, or no such table). */
  List<String> primaryKey(String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    try (ResultSet info = pragma("table_info", table)) {
      while (info.next()) {
        int pk = info.getInt("pk");
        if (pk > 0) {
          int at = 0;
          while (at < order.size() && order.get(at) < pk) {
            at++;
          }
          order.add(at, pk);
          columns.add(at, info.getString("name"));
        }
      }
    }
    return columns;
  }

  /** {@code table} alone, or with null every table of sqlite_schema (type 'table'). */
  List<String> tableNames(String table) throws SQLException {
    if (table != null) {
      return List.of(table);
    }
    List<String> names = new ArrayList<>();
    String sql = "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name";
    try (ResultSet rows = ResultTable.run(connection, sql)) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  /**
   * getIndexInfo, from {@code PRAGMA index_list} and {@code index_xinfo}: one row per key column;
   * an expression column has a null COLUMN_NAME. Two differences from sqlite-jdbc, which the
   * javadoc decides: {@code unique} keeps only unique indexes (sqlite-jdbc ignores it), and
   * ASC_OR_DESC is "A" or "D" (sqlite-jdbc gives null, which the javadoc reserves for "sort
   * sequence not supported"). TYPE is tableIndexOther, CARDINALITY and PAGES 0 and
   * FILTER_CONDITION null, as in sqlite-jdbc.
   */
  ResultSet indexInfo(String schema, String table, boolean unique) throws SQLException {
    ResultTable result = new ResultTable(INDEX_COLUMNS);
    if (Patterns.isMain(schema)) {
      for (String name : tableNames(table)) {
        addIndexes(result, name, unique);
      }
    }
    return result.query(
        connection, null, "NON_UNIQUE, TYPE, INDEX_NAME, ORDINAL_POSITION, TABLE_NAME");
  }

  private void addIndexes(ResultTable result, String table, boolean uniqueOnly)
      throws SQLException {
    List<String> names = new ArrayList<>();
    List<Boolean> uniques = new ArrayList<>();
    try (ResultSet list = pragma("index_list", table)) {
      while (list.next()) {
        boolean unique = list.getInt("unique") != 0;
        if (unique || !uniqueOnly) {
          names.add(list.getString("name"));
          uniques.add(unique);
        }
      }
    }
    for (int i = 0; i < names.size(); i++) {
      try (ResultSet columns = pragma("index_xinfo", names.get(i))) {
        while (columns.next()) {
          if (columns.getInt("key") == 0) {
            continue;
          }
          result.add(
              null,
              null,
              table,
              !uniques.get(i),
              null,
              names.get(i),
              (int) DatabaseMetaData.tableIndexOther,
              columns.getInt("seqno") + 1,
              columns.getString("name"),
              columns.getInt("desc") != 0 ? "D" : "A",
              0,
              0,
              null);
        }
      }
    }
  }

  /**
   * getTypeInfo: SQLite's storage classes with sqlite-jdbc's values: NULL, INTEGER (the one that
   * auto-increments), REAL, TEXT and BLOB, in DATA_TYPE order.
   */
  ResultSet typeInfo() throws SQLException {
    ResultTable result = new ResultTable(TYPE_INFO_COLUMNS);
    addType(result, "NULL", Types.NULL, false, true, false);
    addType(result, "INTEGER", Types.INTEGER, false, false, true);
    addType(result, "REAL", Types.REAL, false, false, false);
    addType(result, "TEXT", Types.VARCHAR, true, true, false);
    addType(result, "BLOB", Types.BLOB, false, true, false);
    return result.query(connection, null, "DATA_TYPE");
  }

  private static void addType(
      ResultTable result,
      String name,
      int dataType,
      boolean caseSensitive,
      boolean unsigned,
      boolean autoIncrement) {
    result.add(
        name,
        dataType,
        0,
        null,
        null,
        null,
        (int) DatabaseMetaData.typeNullable,
        caseSensitive,
        (int) DatabaseMetaData.typeSearchable,
        unsigned,
        false,
        autoIncrement,
        null,
        0,
        0,
        0,
        0,
        10);
  }

  /**
   * getFunctions: each name in {@code PRAGMA function_list} once (SPECIFIC_NAME is the name too,
   * since SQLite overloads by argument count and the javadoc wants one row per specific name),
   * none returning a table. sqlite-jdbc does not implement this method.
   */
  ResultSet functions(String schemaPattern, String functionNamePattern) throws SQLException {
    ResultTable result = new ResultTable(FUNCTION_COLUMNS);
    if (Patterns.matchesMain(schemaPattern)) {
      TreeSet<String> names = new TreeSet<>();
      try (Statement statement = connection.createStatement();
          ResultSet list = statement.executeQuery("PRAGMA function_list")) {
        while (list.next()) {
          names.add(list.getString("name"));
        }
      }
      for (String name : names) {
        result.add(null, null, name, null, (int) DatabaseMetaData.functionNoTable, name);
      }
    }
    return result.query(
        connection,
        "FUNCTION_NAME" + LIKE,
        "FUNCTION_NAME, SPECIFIC_NAME",
        orAll(functionNamePattern));
  }

  /** An empty result with these columns, for what SQLite does not have. */
  ResultSet empty(List<String> columns) throws SQLException {
    return new ResultTable(columns).query(connection, null, null);
  }

  /**
   * {@code PRAGMA name('argument')} as a result set (closed with its statement). A pragma the
   * engine does not know gives no rows, as SQLite ignores unknown pragmas: the metadata then knows
   * nothing of what it would tell.
   */
  ResultSet pragma(String name, String argument) throws SQLException {
    Statement statement = connection.createStatement();
    try {
      String sql = "PRAGMA " + name + "(" + ResultTable.quoteString(argument) + ")";
      if (!statement.execute(sql)) {
        statement.close();
        return empty(List.of(name));
      }
      ResultSet result = statement.getResultSet();
      statement.closeOnCompletion();
      return result;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  /** A name pattern; null and "" (which no name matches) mean every name, as in sqlite-jdbc. */
  private static String orAll(String pattern) {
    return pattern == null || pattern.isEmpty() ? "%" : pattern;
  }
}
