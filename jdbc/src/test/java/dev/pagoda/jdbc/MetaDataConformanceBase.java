package dev.pagoda.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every catalog method of {@link DatabaseMetaData}, compared cell by cell with sqlite-jdbc on the
 * same schema ({@link MetaOracle} builds the expected rows from sqlite-jdbc's and documents each
 * deliberate difference), and the Java type of every cell checked against the column's type in the
 * JDBC javadoc. A subclass says whose metadata is checked and on which schema.
 */
abstract class MetaDataConformanceBase {
  /** Column kinds in the javadoc: S String, N int/short/long, B boolean (0 or 1). */
  static final String TABLES = "SSSSSSSSSS";

  static final String COLUMNS = "SSSSNSNNNNNSSNNNNSSSSNSS";
  static final String PRIMARY_KEYS = "SSSSNS";
  static final String INDEX_INFO = "SSSBSSNNSSNNS";
  static final String KEYS = "SSSSSSSSNNNSSN";
  static final String TYPE_INFO = "SNNSSSNBNBBBSNNNNN";

  Connection sqlite;
  DatabaseMetaData expected;
  DatabaseMetaData actual;

  /** The schema both sides create. */
  abstract List<String> schema();

  /** The metadata under test, over a database with {@link #schema()}. */
  abstract DatabaseMetaData open() throws SQLException;

  /** Closes what {@link #open()} opened. */
  abstract void close() throws SQLException;

  @BeforeEach
  void openBoth() throws SQLException {
    sqlite = MetaOracle.sqlite(schema());
    expected = sqlite.getMetaData();
    actual = open();
  }

  @AfterEach
  void closeBoth() throws SQLException {
    close();
    sqlite.close();
  }

  /** The names of the tables (not views) of the schema, from real SQLite. */
  List<String> tableNames() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement st = sqlite.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  static void assertSame(MetaSnapshot expected, MetaSnapshot actual, String what) {
    if (!expected.sameAs(actual)) {
      fail(what + "\nexpected:\n" + expected.describe() + "actual:\n" + actual.describe());
    }
  }

  /** Each non-null cell has the Java type the javadoc's column type calls for. */
  static void assertKinds(String kinds, MetaSnapshot snapshot, String what) {
    assertEquals(kinds.length(), snapshot.columns().size(), what + ": column count");
    for (int r = 0; r < snapshot.rows().size(); r++) {
      for (int c = 0; c < kinds.length(); c++) {
        Class<?> type = snapshot.classes().get(r).get(c);
        String cell = what + " row " + r + " " + snapshot.columns().get(c);
        if (type == null) {
          continue;
        }
        switch (kinds.charAt(c)) {
          case 'S' -> assertEquals(String.class, type, cell);
          case 'N' -> assertTrue(type == Long.class || type == Integer.class, cell + ": " + type);
          case 'B' -> {
            assertTrue(type == Long.class || type == Integer.class, cell + ": " + type);
            String value = snapshot.rows().get(r).get(c);
            assertTrue(value.equals("0") || value.equals("1"), cell + " = " + value);
          }
          default -> throw new AssertionError("kind " + kinds.charAt(c));
        }
      }
    }
  }

  void check(String kinds, ResultSet ours, MetaSnapshot want, String what)
      throws SQLException {
    MetaSnapshot got = MetaSnapshot.of(ours);
    assertSame(want, got, what);
    assertKinds(kinds, got, what);
  }

  @Test
  void getTables_everyTableAndView_matchesSqliteJdbc() throws SQLException {
    MetaSnapshot want = MetaOracle.tables(MetaSnapshot.of(expected.getTables(null, null, null, null)));
    check(TABLES, actual.getTables(null, null, null, null), want, "getTables");
    assertTrue(want.column("TABLE_NAME").contains("sqlite_schema"), "sqlite_schema is listed");
  }

  @Test
  void getTables_patternsTypesAndSchemas_matchSqliteJdbc() throws SQLException {
    String[][] types = {null, {"TABLE"}, {"VIEW"}, {"SYSTEM TABLE", "VIEW"}, {"NOPE"}};
    for (String pattern : List.of("%", "a_b", "a\\_b", "PAR%", "%Case", "odd'%", "sqlite%", "")) {
      for (String[] type : types) {
        String what = "getTables(" + pattern + ", " + (type == null ? null : List.of(type)) + ")";
        MetaSnapshot want =
            MetaOracle.tables(MetaSnapshot.of(expected.getTables(null, null, pattern, type)));
        check(TABLES, actual.getTables(null, null, pattern, type), want, what);
      }
    }
    for (String schema : List.of("main", "MAIN", "%", "m_in", "")) {
      MetaSnapshot want =
          MetaOracle.tables(MetaSnapshot.of(expected.getTables(null, schema, "%", null)));
      check(TABLES, actual.getTables(null, schema, "%", null), want, "schema " + schema);
    }
  }

  /** sqlite-jdbc ignores the schema; a schema other than main has no tables. */
  @Test
  void getTables_otherSchemaOrNoTypes_isEmpty() throws SQLException {
    assertEquals(0, MetaSnapshot.of(actual.getTables(null, "temp", "%", null)).rows().size());
    assertEquals(0, MetaSnapshot.of(actual.getTables(null, null, "%", new String[0])).rows().size());
  }

  @Test
  void getTableTypes_matchesSqliteJdbc() throws SQLException {
    check("S", actual.getTableTypes(), MetaSnapshot.of(expected.getTableTypes()), "types");
  }

  @Test
  void getColumns_everyColumn_matchesSqliteJdbc() throws SQLException {
    MetaSnapshot want =
        MetaOracle.columns(MetaSnapshot.of(expected.getColumns(null, null, null, null)));
    check(COLUMNS, actual.getColumns(null, null, null, null), want, "getColumns");
  }

  @Test
  void getColumns_tableAndColumnPatterns_matchSqliteJdbc() throws SQLException {
    String[][] patterns = {
      {"parent", "%"}, {"Mixed Case", "V%"}, {"%", "id"}, {"pa%", "_"}, {"odd'name", "q\"col"},
      {"parent_names", null}, {"nothing", "%"}
    };
    for (String[] p : patterns) {
      String what = "getColumns(" + p[0] + ", " + p[1] + ")";
      MetaSnapshot want =
          MetaOracle.columns(MetaSnapshot.of(expected.getColumns(null, null, p[0], p[1])));
      check(COLUMNS, actual.getColumns(null, null, p[0], p[1]), want, what);
    }
  }

  @Test
  void getPrimaryKeys_everyTable_matchesSqliteJdbc() throws SQLException {
    for (String table : tableNames()) {
      MetaSnapshot want = MetaSnapshot.of(expected.getPrimaryKeys(null, null, table));
      check(PRIMARY_KEYS, actual.getPrimaryKeys(null, null, table), want, "pk " + table);
    }
  }

  @Test
  void getIndexInfo_everyTable_matchesSqliteJdbc() throws SQLException {
    for (String table : tableNames()) {
      for (boolean unique : new boolean[] {false, true}) {
        MetaSnapshot want =
            MetaOracle.indexInfo(
                MetaSnapshot.of(expected.getIndexInfo(null, null, table, unique, false)),
                sqlite,
                unique);
        ResultSet ours = actual.getIndexInfo(null, null, table, unique, false);
        check(INDEX_INFO, ours, want, "getIndexInfo(" + table + ", " + unique + ")");
      }
    }
  }

  /** A null table (which the javadoc does not allow) means every table, for tools that pass it. */
  @Test
  void nullTable_describesEveryTable() throws SQLException {
    List<List<String>> keys = new ArrayList<>();
    List<String> indexes = new ArrayList<>();
    for (String table : tableNames()) {
      keys.addAll(MetaSnapshot.of(actual.getPrimaryKeys(null, null, table)).rows());
      MetaSnapshot.of(actual.getIndexInfo(null, null, table, false, true)).rows().stream()
          .map(List::toString)
          .forEach(indexes::add);
    }
    assertEquals(keys, MetaSnapshot.of(actual.getPrimaryKeys(null, null, null)).rows());
    List<String> all =
        MetaSnapshot.of(actual.getIndexInfo(null, null, null, false, true)).rows().stream()
            .map(List::toString)
            .toList();
    assertEquals(indexes.stream().sorted().toList(), all.stream().sorted().toList());
    assertTrue(keys.size() > 3 && indexes.size() > 5, "the schema has keys and indexes");
  }

  @Test
  void getTypeInfo_matchesSqliteJdbc() throws SQLException {
    check(TYPE_INFO, actual.getTypeInfo(), MetaSnapshot.of(expected.getTypeInfo()), "types");
  }

  @Test
  void getSchemasAndCatalogs_matchSqliteJdbc() throws SQLException {
    check("SS", actual.getSchemas(), MetaSnapshot.of(expected.getSchemas()), "getSchemas()");
    check("SS", actual.getSchemas(null, "%"), MetaSnapshot.of(expected.getSchemas()), "schemas");
    check("S", actual.getCatalogs(), MetaSnapshot.of(expected.getCatalogs()), "getCatalogs");
  }

  /** The always-empty results: no rows, and sqlite-jdbc's columns where it has the javadoc's. */
  @Test
  void emptyResults_haveSqliteJdbcColumnsAndNoRows() throws SQLException {
    String table = "parent";
    List<ResultSet[]> pairs =
        List.of(
            new ResultSet[] {
              actual.getUDTs(null, null, null, null), expected.getUDTs(null, null, null, null)
            },
            new ResultSet[] {
              actual.getSuperTypes(null, null, null), expected.getSuperTypes(null, null, null)
            },
            new ResultSet[] {
              actual.getSuperTables(null, null, null), expected.getSuperTables(null, null, null)
            },
            new ResultSet[] {
              actual.getAttributes(null, null, null, null),
              expected.getAttributes(null, null, null, null)
            },
            new ResultSet[] {
              actual.getColumnPrivileges(null, null, table, null),
              expected.getColumnPrivileges(null, null, table, null)
            },
            new ResultSet[] {
              actual.getTablePrivileges(null, null, null),
              expected.getTablePrivileges(null, null, null)
            },
            new ResultSet[] {
              actual.getVersionColumns(null, null, table),
              expected.getVersionColumns(null, null, table)
            },
            new ResultSet[] {
              actual.getBestRowIdentifier(null, null, table, DatabaseMetaData.bestRowSession, true),
              expected.getBestRowIdentifier(null, null, table, DatabaseMetaData.bestRowSession, true)
            });
    for (ResultSet[] pair : pairs) {
      MetaSnapshot ours = MetaSnapshot.of(pair[0]);
      MetaSnapshot theirs = MetaSnapshot.of(pair[1]);
      assertSame(theirs, ours, "empty result");
      assertEquals(0, ours.rows().size());
    }
  }

  /**
   * sqlite-jdbc gives getProcedures without SPECIFIC_NAME and getProcedureColumns without the
   * javadoc's last seven columns, and does not implement the rest; these are the javadoc's.
   */
  @Test
  void emptyResults_withoutSqliteJdbcColumns_haveTheJavadocColumns() throws SQLException {
    MetaSnapshot procedures = MetaSnapshot.of(actual.getProcedures(null, null, null));
    MetaSnapshot theirs = MetaSnapshot.of(expected.getProcedures(null, null, null));
    List<String> columns = new ArrayList<>(theirs.columns());
    columns.add("SPECIFIC_NAME");
    assertEquals(columns, procedures.columns());
    MetaSnapshot procedureColumns =
        MetaSnapshot.of(actual.getProcedureColumns(null, null, null, null));
    List<String> more = new ArrayList<>(
        MetaSnapshot.of(expected.getProcedureColumns(null, null, null, null)).columns());
    more.addAll(
        List.of(
            "COLUMN_DEF",
            "SQL_DATA_TYPE",
            "SQL_DATETIME_SUB",
            "CHAR_OCTET_LENGTH",
            "ORDINAL_POSITION",
            "IS_NULLABLE",
            "SPECIFIC_NAME"));
    assertEquals(more, procedureColumns.columns());
    assertEquals(
        List.of("NAME", "MAX_LEN", "DEFAULT_VALUE", "DESCRIPTION"),
        MetaSnapshot.of(actual.getClientInfoProperties()).columns());
    assertEquals(
        MetaSnapshot.list(
            "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "COLUMN_SIZE",
            "DECIMAL_DIGITS", "NUM_PREC_RADIX", "COLUMN_USAGE", "REMARKS", "CHAR_OCTET_LENGTH",
            "IS_NULLABLE"),
        MetaSnapshot.of(actual.getPseudoColumns(null, null, null, null)).columns());
    MetaSnapshot functionColumns =
        MetaSnapshot.of(actual.getFunctionColumns(null, null, null, null));
    assertEquals(17, functionColumns.columns().size());
    assertEquals("SPECIFIC_NAME", functionColumns.columns().get(16));
    for (MetaSnapshot empty : List.of(procedures, procedureColumns, functionColumns)) {
      assertEquals(0, empty.rows().size());
    }
  }

  /** sqlite-jdbc does not implement getFunctions: the rows are function_list's names. */
  @Test
  void getFunctions_areFunctionListNames() throws SQLException {
    MetaSnapshot all = MetaSnapshot.of(actual.getFunctions(null, null, null));
    assertEquals(
        MetaSnapshot.list(
            "FUNCTION_CAT",
            "FUNCTION_SCHEM",
            "FUNCTION_NAME",
            "REMARKS",
            "FUNCTION_TYPE",
            "SPECIFIC_NAME"),
        all.columns());
    assertKinds("SSSSNS", all, "getFunctions");
    List<String> names = all.column("FUNCTION_NAME");
    assertTrue(names.containsAll(List.of("abs", "count", "substr")), names.toString());
    assertEquals(names, all.column("SPECIFIC_NAME"));
    assertEquals(names.stream().distinct().sorted().toList(), names);
    MetaSnapshot abs = MetaSnapshot.of(actual.getFunctions(null, null, "ABS"));
    assertEquals(List.of("abs"), abs.column("FUNCTION_NAME"));
    assertEquals(List.of(String.valueOf(DatabaseMetaData.functionNoTable)), abs.column("FUNCTION_TYPE"));
    MetaSnapshot sub = MetaSnapshot.of(actual.getFunctions(null, null, "sub%"));
    assertTrue(sub.column("FUNCTION_NAME").contains("substr"));
    assertTrue(sub.column("FUNCTION_NAME").stream().allMatch(n -> n.startsWith("sub")));
  }

  @Test
  void results_areReadOnlyForwardOnlyAndCloseTheirStatement() throws SQLException {
    ResultSet rs = actual.getTables(null, null, "%", null);
    assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
    assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
    assertTrue(rs.next());
    assertInstanceOf(String.class, rs.getObject("TABLE_NAME"));
    Statement statement = rs.getStatement();
    rs.close();
    if (statement != null) {
      assertTrue(statement.isClosed(), "the metadata statement closes with its result set");
    }
  }
}
