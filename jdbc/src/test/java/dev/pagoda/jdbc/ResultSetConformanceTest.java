package dev.pagoda.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ResultSet getter and every ResultSetMetaData method, called the same way on sqlite-jdbc
 * and on Pagoda for each of many values, read as an expression and from a column of each of many
 * declared types (so affinity applies); the outcomes (value and Java class, wasNull, failure) must
 * be the same.
 */
class ResultSetConformanceTest {
  /** Values as SQL literals. */
  static final List<String> VALUES = List.of(
      "NULL", "0", "1", "-1", "42", "2147483647", "2147483648", "-2147483649",
      "9223372036854775807", "-9223372036854775808", "0.0", "1.5", "-2.25", "0.1", "1e300",
      "2460341.5", "1706704496789", "''", "'abc'", "'42'", "' 42 '", "'1.5'", "'1e3'", "'0x10'",
      "'2024-01-31 12:34:56.789'", "'2024-01-31 12:34:56'", "'2024-01-31'", "'12:34:56'",
      "'2024-01-31T12:34:56'", "'true'", "X''", "X'00FF'", "X'3432'");

  /** Declared column types; "" for none. */
  static final List<String> TYPES = List.of(
      "", "INTEGER", "INT", "BIGINT", "SMALLINT", "TINYINT", "BOOLEAN", "REAL", "DOUBLE",
      "FLOAT", "DECIMAL(10,2)", "NUMERIC", "VARCHAR(20)", "TEXT", "CHAR(5)", "CLOB", "BLOB",
      "DATE", "DATETIME", "TIMESTAMP", "INTEGER NOT NULL", "varchar ( 30 )");

  private static final List<Class<?>> CLASSES = List.of(
      String.class, Boolean.class, BigDecimal.class, byte[].class, java.sql.Date.class,
      java.sql.Time.class, java.sql.Timestamp.class, LocalDate.class, LocalTime.class,
      LocalDateTime.class, Double.class, Long.class, Float.class, Integer.class);

  private static Connection sqlite;
  private static Connection pagoda;

  @BeforeAll
  static void open() throws SQLException {
    sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
    pagoda = DriverManager.getConnection("jdbc:pagoda::memory:");
    for (Connection c : List.of(sqlite, pagoda)) {
      try (Statement st = c.createStatement()) {
        for (int i = 0; i < TYPES.size(); i++) {
          st.execute("CREATE TABLE t" + i + "(c " + TYPES.get(i) + ")");
        }
      }
    }
  }

  @AfterAll
  static void close() throws SQLException {
    sqlite.close();
    pagoda.close();
  }

  static Stream<Arguments> valuesAndTypes() {
    List<Arguments> cases = new ArrayList<>();
    for (String value : VALUES) {
      cases.add(Arguments.of(value, -1));
      for (int t = 0; t < TYPES.size(); t++) {
        if (!(value.equals("NULL") && TYPES.get(t).contains("NOT NULL"))) {
          cases.add(Arguments.of(value, t));
        }
      }
    }
    return cases.stream();
  }

  /** {@code type} -1: the value as an expression; else from a column of TYPES[type]. */
  @ParameterizedTest(name = "{0} in type #{1}")
  @MethodSource("valuesAndTypes")
  void getters_sameAsSqliteJdbc(String value, int type) throws SQLException {
    assertEquals(String.join("\n", transcript(sqlite, value, type)),
        String.join("\n", transcript(pagoda, value, type)));
  }

  /**
   * Each getter runs on a fresh result set: in SQLite's C API a conversion (reading a BLOB as
   * text, say) may change what {@code sqlite3_column_type} reports afterwards, so sqlite-jdbc's
   * answers for one row depend on the order of the calls; on a fresh row they do not.
   */
  private static List<String> transcript(Connection c, String value, int type)
      throws SQLException {
    String query;
    try (Statement st = c.createStatement()) {
      if (type < 0) {
        query = "SELECT " + value + " AS v";
      } else {
        st.execute("DELETE FROM t" + type);
        st.execute("INSERT INTO t" + type + " VALUES (" + value + ")");
        query = "SELECT c AS v FROM t" + type;
      }
      List<String> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(query)) {
        out.add("before next: " + metadata(rs.getMetaData()));
        out.add("next " + rs.next());
        out.add("row " + rs.getRow() + " first " + rs.isFirst() + " bf " + rs.isBeforeFirst());
        out.add("next " + rs.next() + " after " + rs.isAfterLast() + " row " + rs.getRow());
      }
      for (Getter getter : GETTERS) {
        try (ResultSet rs = st.executeQuery(query)) {
          rs.next();
          String outcome = Outcomes.of(() -> getter.call().read(rs));
          out.add(getter.name() + ": " + outcome + wasNull(getter, rs, outcome));
        }
      }
      return out;
    }
  }

  /**
   * wasNull after the getter; not compared after metadata calls (sqlite-jdbc's getColumnType and
   * friends happen to set its last-read column) nor after getBigDecimal (sqlite-jdbc's does not
   * set it, so wasNull fails there); for those Pagoda must be right instead: true exactly when the
   * getter returned SQL NULL.
   */
  private static String wasNull(Getter getter, ResultSet rs, String outcome) {
    String wasNull = Outcomes.of(rs::wasNull);
    if (getter.name().equals("metadata")) {
      return "";
    }
    if (getter.name().contains("BigDecimal") && !outcome.startsWith("fails")) {
      boolean isNull = outcome.equals("null");
      return rs.getClass().getName().startsWith("dev.pagoda")
          ? (wasNull.equals("Boolean " + isNull) ? "" : " / wrong wasNull " + wasNull)
          : "";
    }
    return " / wasNull " + wasNull;
  }

  /** A getter call on a result set positioned on its row. */
  @FunctionalInterface
  interface Read {
    Object read(ResultSet rs) throws Exception;
  }

  record Getter(String name, Read call) {}

  private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
  private static final Calendar TOKYO =
      Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));

  private static final List<Getter> GETTERS = getters();

  private static List<Getter> getters() {
    List<Getter> getters = new ArrayList<>(List.of(
        new Getter("getString", rs -> rs.getString(1)),
        new Getter("getString(label)", rs -> rs.getString("V")),
        new Getter("getInt", rs -> rs.getInt(1)),
        new Getter("getLong", rs -> rs.getLong(1)),
        new Getter("getShort", rs -> rs.getShort(1)),
        new Getter("getByte", rs -> rs.getByte(1)),
        new Getter("getBoolean", rs -> rs.getBoolean(1)),
        new Getter("getFloat", rs -> rs.getFloat(1)),
        new Getter("getDouble", rs -> rs.getDouble(1)),
        new Getter("getBigDecimal", rs -> rs.getBigDecimal(1)),
        new Getter("getBytes", rs -> rs.getBytes(1)),
        new Getter("getObject", rs -> rs.getObject(1)),
        new Getter("getObject(label)", rs -> rs.getObject("v")),
        new Getter("getDate", rs -> rs.getDate(1)),
        new Getter("getTime", rs -> rs.getTime(1)),
        new Getter("getTimestamp", rs -> rs.getTimestamp(1)),
        new Getter("getDate(utc)", rs -> rs.getDate(1, UTC)),
        new Getter("getTime(tokyo)", rs -> rs.getTime(1, TOKYO)),
        new Getter("getTimestamp(tokyo)", rs -> rs.getTimestamp(1, TOKYO)),
        new Getter("getDate(label)", rs -> rs.getDate("v")),
        new Getter("getTimestamp(label)", rs -> rs.getTimestamp("v")),
        new Getter("getBinaryStream", rs -> rs.getBinaryStream(1)),
        new Getter("getCharacterStream", rs -> rs.getCharacterStream(1)),
        new Getter("getNCharacterStream", rs -> rs.getNCharacterStream(1)),
        new Getter("getAsciiStream", rs -> rs.getAsciiStream(1)),
        new Getter("findColumn", rs -> rs.findColumn("V")),
        new Getter("metadata", rs -> metadata(rs.getMetaData()))));
    for (Class<?> type : CLASSES) {
      getters.add(new Getter("getObject " + type.getSimpleName(), rs -> rs.getObject(1, type)));
    }
    return List.copyOf(getters);
  }

  private static String metadata(ResultSetMetaData md) {
    List<Outcomes.Call> calls = List.of(
        md::getColumnCount, () -> md.getColumnName(1), () -> md.getColumnLabel(1),
        () -> md.getColumnType(1), () -> md.getColumnTypeName(1),
        () -> md.getColumnClassName(1), () -> md.isNullable(1), () -> md.isSigned(1),
        () -> md.getPrecision(1), () -> md.getScale(1), () -> md.getTableName(1),
        () -> md.getSchemaName(1), () -> md.getCatalogName(1), () -> md.isAutoIncrement(1),
        () -> md.isCaseSensitive(1), () -> md.isSearchable(1), () -> md.isCurrency(1),
        () -> md.getColumnDisplaySize(1), () -> md.isReadOnly(1), () -> md.isWritable(1),
        () -> md.isDefinitelyWritable(1), () -> md.getColumnName(2));
    List<String> out = new ArrayList<>();
    for (Outcomes.Call call : calls) {
      out.add(Outcomes.of(call));
    }
    return String.join(" | ", out);
  }

  /** Metadata of queries whose columns come from tables through views, joins and subqueries. */
  static Stream<String> originQueries() {
    return Stream.of(
        "SELECT id, name, price, note, big, flag FROM item",
        "SELECT i.id AS key, i.name, upper(i.name), i.price * 2, CAST(i.price AS INTEGER)"
            + " FROM item i",
        // (_rowid_ and oid are left out: the engine names those result columns as written, SQLite
        // as "rowid"; and the rowid of a table with an INTEGER PRIMARY KEY by that column's name)
        "SELECT cast(label as DECIMAL(8,3)), rowid FROM tag",
        "SELECT * FROM item_view",
        "SELECT x.n FROM (SELECT name AS n FROM item) x",
        "SELECT (SELECT max(price) FROM item), (SELECT name FROM item LIMIT 1)",
        "SELECT name, count(*) FROM item GROUP BY name",
        "SELECT id FROM item UNION ALL SELECT 'x'",
        "SELECT a.id, b.label FROM item a JOIN tag b ON a.id = b.item_id ORDER BY 1",
        "SELECT label, item_id FROM tag WHERE item_id > 0 ORDER BY label LIMIT 5",
        "SELECT name COLLATE NOCASE, +id, id AS \"Id\" FROM item",
        "WITH w AS (SELECT id, name FROM item) SELECT * FROM w",
        "SELECT t.* FROM tag t LEFT JOIN item i ON i.id = t.item_id",
        "SELECT 1, 'a', NULL, 2.5, x'01'");
  }

  @ParameterizedTest
  @MethodSource("originQueries")
  void metadata_fromOrigins_sameAsSqliteJdbc(String query) throws SQLException {
    assertEquals(String.join("\n", originTranscript(sqlite, query)),
        String.join("\n", originTranscript(pagoda, query)));
  }

  private static List<String> originTranscript(Connection c, String query) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("DROP VIEW IF EXISTS item_view");
      st.execute("DROP TABLE IF EXISTS item");
      st.execute("DROP TABLE IF EXISTS tag");
      st.execute("CREATE TABLE item(id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL,"
          + " price DECIMAL(10, 2), note, big BIGINT DEFAULT 0, flag BOOLEAN)");
      st.execute("CREATE TABLE tag(item_id INT NOT NULL, label TEXT, PRIMARY KEY(item_id, label))");
      st.execute("CREATE VIEW item_view AS SELECT id AS vid, name, price FROM item");
      st.execute("INSERT INTO item VALUES (1, 'pen', 1.25, NULL, 3000000000, 1),"
          + " (2, 'ink', 7, 'blue', 4, 0)");
      st.execute("INSERT INTO tag VALUES (1, 'office'), (2, 'refill')");
      List<String> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(query)) {
        ResultSetMetaData md = rs.getMetaData();
        rs.next();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          int col = i;
          out.add(String.join(", ", Outcomes.of(() -> md.getColumnName(col)),
              Outcomes.of(() -> md.getColumnTypeName(col)),
              Outcomes.of(() -> md.getColumnType(col)),
              Outcomes.of(() -> md.getTableName(col)), Outcomes.of(() -> md.isNullable(col)),
              Outcomes.of(() -> md.isAutoIncrement(col)),
              Outcomes.of(() -> md.getPrecision(col)), Outcomes.of(() -> md.getScale(col)),
              Outcomes.of(() -> md.isSigned(col)), Outcomes.of(() -> md.getColumnClassName(col)),
              Outcomes.of(() -> rs.getObject(col))));
        }
      }
      return out;
    }
  }

  /**
   * AUTOINCREMENT tables are made by sqlite-jdbc (Pagoda reads them but does not yet write them);
   * both drivers then describe the same file.
   */
  @Test
  void autoincrement_sameAsSqliteJdbc(@TempDir Path dir) throws SQLException {
    String file = dir.resolve("auto.db").toString();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE auto(id INTEGER PRIMARY KEY AUTOINCREMENT, v NOT NULL)");
      st.execute("INSERT INTO auto(v) VALUES ('a')");
    }
    try (Connection s = DriverManager.getConnection("jdbc:sqlite:" + file);
        Connection p = DriverManager.getConnection("jdbc:pagoda:" + file)) {
      assertEquals(autoincrement(s), autoincrement(p));
    }
  }

  private static List<String> autoincrement(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id, v, id AS k, v AS w FROM auto")) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        out.add(md.getColumnName(i) + " " + md.isAutoIncrement(i) + " " + md.isNullable(i) + " "
            + md.getColumnTypeName(i) + " " + md.getTableName(i));
      }
      return out;
    }
  }

  @Test
  void bigInteger_beyondSqliteJdbc() throws SQLException {
    try (Statement st = pagoda.createStatement();
        ResultSet rs = st.executeQuery("SELECT 9223372036854775807, 'x', 2.5")) {
      rs.next();
      assertEquals(BigInteger.valueOf(Long.MAX_VALUE), rs.getObject(1, BigInteger.class));
      assertEquals((short) -1, rs.getObject(1, Short.class));
      assertEquals("x", rs.getObject(2, Object.class));
      assertEquals(2.5, rs.getObject(3, Object.class));
    }
  }
}
