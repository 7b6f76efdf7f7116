package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.StorageClass;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Step 1 SQL slice, end to end through every layer, on an in-memory database. */
class SqlSliceTest {
  private Database db;
  private Connection conn;

  @BeforeEach
  void open() {
    db = Database.openInMemory();
    conn = db.connect();
  }

  @AfterEach
  void close() {
    conn.close();
    db.close();
  }

  /** Runs a query and renders each row as its values' text joined by '|', NULL as "NULL". */
  private List<String> rows(String sql, Object... params) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = conn.prepare(sql)) {
      bindAll(ps, params);
      try (Rows rows = ps.query()) {
        while (rows.next()) {
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < rows.columnCount(); i++) {
            if (i > 0) {
              sb.append('|');
            }
            sb.append(rows.isNull(i) ? "NULL" : rows.getString(i));
          }
          out.add(sb.toString());
        }
      }
    }
    return out;
  }

  private static void bindAll(PreparedStatement ps, Object... params) {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p instanceof Long l) {
        ps.bind(i + 1, l);
      } else if (p instanceof Integer n) {
        ps.bind(i + 1, n.longValue());
      } else if (p instanceof Double d) {
        ps.bind(i + 1, d);
      } else if (p instanceof String s) {
        ps.bind(i + 1, s);
      } else if (p instanceof byte[] b) {
        ps.bind(i + 1, b);
      } else {
        ps.bindNull(i + 1);
      }
    }
  }

  @Test
  void select_withoutFrom_evaluatesExpressions() {
    assertEquals(List.of("1|abc|3|2.5"), rows("SELECT 1, 'abc', 1 + 2, 5 / 2.0"));
  }

  @Test
  void insertThenSelectStar_returnsRowsInRowidOrder() {
    conn.execute("CREATE TABLE t(a INTEGER, b TEXT, c REAL)");
    conn.execute("INSERT INTO t VALUES (1, 'one', 1.5), (2, 'two', NULL)");
    conn.execute("INSERT INTO t(b, a) VALUES ('three', 3)");

    assertEquals(List.of("1|one|1.5", "2|two|NULL", "3|three|NULL"), rows("SELECT * FROM t"));
  }

  @Test
  void select_whereWithAndOr_filtersRows() {
    conn.execute("CREATE TABLE t(a, b)");
    for (int i = 1; i <= 10; i++) {
      conn.execute("INSERT INTO t VALUES (" + i + ", " + (i % 3) + ")");
    }

    assertEquals(List.of("2", "5", "8", "9"),
        rows("SELECT a FROM t WHERE b = 2 OR a >= 9 AND a < 10"));
    assertEquals(List.of("4", "7"), rows("SELECT a FROM t WHERE a > 3 AND b = 1 AND a <> 10"));
  }

  @Test
  void insert_withParameters_bindsEveryStorageClass() {
    conn.execute("CREATE TABLE t(a, b, c, d, e)");
    try (PreparedStatement ps = conn.prepare("INSERT INTO t VALUES (?, ?, ?, :d, ?)")) {
      ps.bind(1, 7L).bind(2, 2.25).bind(3, "text").bind(4, new byte[] {1, 2}).bindNull(5);
      assertEquals(1, ps.executeUpdate());
    }
    try (PreparedStatement ps = conn.prepare("SELECT a, b, c, d, e FROM t");
        Rows r = ps.query()) {
      assertTrue(r.next());
      assertEquals(StorageClass.INTEGER, r.type(0));
      assertEquals(StorageClass.REAL, r.type(1));
      assertEquals(StorageClass.TEXT, r.type(2));
      assertEquals(StorageClass.BLOB, r.type(3));
      assertEquals(StorageClass.NULL, r.type(4));
      assertEquals(Value.of(new byte[] {1, 2}), r.get(3));
      assertFalse(r.next());
    }
  }

  @Test
  void preparedSelect_rerunWithNewBinding_seesNewValue() {
    conn.execute("CREATE TABLE t(a)");
    conn.execute("INSERT INTO t VALUES (1), (2), (3)");
    try (PreparedStatement ps = conn.prepare("SELECT a FROM t WHERE a > ?")) {
      ps.bind(1, 1L);
      assertEquals(2, count(ps));
      ps.bind(1, 2L);
      assertEquals(1, count(ps));
    }
  }

  private static int count(PreparedStatement ps) {
    int n = 0;
    try (Rows r = ps.query()) {
      while (r.next()) {
        n++;
      }
    }
    return n;
  }

  @Test
  void integerPrimaryKey_aliasesRowid() {
    conn.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v)");
    conn.execute("INSERT INTO t(v) VALUES ('a')");
    conn.execute("INSERT INTO t VALUES (10, 'b')");
    conn.execute("INSERT INTO t(v) VALUES ('c')");

    assertEquals(11, conn.lastInsertRowid());
    assertEquals(List.of("1|1|a", "10|10|b", "11|11|c"), rows("SELECT rowid, id, v FROM t"));
    PagodaException e = assertThrows(PagodaException.class,
        () -> conn.execute("INSERT INTO t VALUES (10, 'dup')"));
    assertEquals("UNIQUE constraint failed: t.id", e.getMessage());
    assertEquals(ResultCode.CONSTRAINT_PRIMARYKEY, e.code());
  }

  @Test
  void columnAffinity_appliedOnInsert() {
    conn.execute("CREATE TABLE t(i INTEGER, r REAL, x TEXT, n NUMERIC, b BLOB)");
    conn.execute("INSERT INTO t VALUES ('12', '1', 5, '3.0', '7')");

    try (PreparedStatement ps = conn.prepare("SELECT i, r, x, n, b FROM t"); Rows r = ps.query()) {
      assertTrue(r.next());
      assertEquals(Value.of(12L), r.get(0));
      assertEquals(Value.of(1.0), r.get(1));
      assertEquals(Value.of("5"), r.get(2));
      assertEquals(Value.of(3L), r.get(3));
      assertEquals(Value.of("7"), r.get(4));
    }
  }

  @Test
  void comparison_columnAffinityAppliedToLiteral() {
    conn.execute("CREATE TABLE t(i INTEGER, x TEXT)");
    conn.execute("INSERT INTO t VALUES (5, '5')");

    assertEquals(List.of("5"), rows("SELECT i FROM t WHERE i = '5'"));
    assertEquals(List.of("5"), rows("SELECT x FROM t WHERE x = 5"));
  }

  @Test
  void nullComparison_isNeitherTrueNorFalse() {
    conn.execute("CREATE TABLE t(a)");
    conn.execute("INSERT INTO t VALUES (1), (NULL)");

    assertEquals(List.of("1"), rows("SELECT a FROM t WHERE a = 1 OR a <> 1"));
    assertEquals(List.of("NULL"), rows("SELECT a FROM t WHERE a IS NULL"));
    assertEquals(List.of("NULL|1"), rows("SELECT NULL = 1, NULL IS NULL"));
  }

  @Test
  void notNull_violation_failsAndLeavesTableUnchanged() {
    conn.execute("CREATE TABLE t(a NOT NULL)");
    PagodaException e = assertThrows(PagodaException.class,
        () -> conn.execute("INSERT INTO t VALUES (1), (NULL)"));

    assertEquals("NOT NULL constraint failed: t.a", e.getMessage());
    assertEquals(ResultCode.CONSTRAINT_NOTNULL, e.code());
    assertEquals(List.of(), rows("SELECT a FROM t"));
  }

  @Test
  void dropTable_removesTableAndItsName() {
    conn.execute("CREATE TABLE t(a)");
    conn.execute("INSERT INTO t VALUES (1)");
    conn.execute("DROP TABLE t");

    PagodaException e = assertThrows(PagodaException.class, () -> conn.prepare("SELECT * FROM t"));
    assertEquals("no such table: t", e.getMessage());
    conn.execute("DROP TABLE IF EXISTS t");
    conn.execute("CREATE TABLE t(b)");
    assertEquals(List.of("t"), conn.tableNames());
  }

  @Test
  void createTable_existing_failsUnlessIfNotExists() {
    conn.execute("CREATE TABLE t(a)");
    PagodaException e = assertThrows(PagodaException.class, () -> conn.execute("CREATE TABLE T(b)"));
    assertEquals("table T already exists", e.getMessage());
    conn.execute("CREATE TABLE IF NOT EXISTS t(b)");
  }

  @Test
  void badSql_syntaxErrorNamesToken() {
    PagodaException e = assertThrows(PagodaException.class, () -> conn.prepare("SELECT * FORM t"));
    assertEquals("near \"FORM\": syntax error", e.getMessage());
    assertEquals(ResultCode.ERROR, e.code());
  }

  @Test
  void unknownTableAndColumn_reportedAsSqliteDoes() {
    conn.execute("CREATE TABLE t(a)");
    assertEquals("no such table: nope",
        assertThrows(PagodaException.class, () -> conn.prepare("SELECT * FROM nope")).getMessage());
    assertEquals("no such column: b",
        assertThrows(PagodaException.class, () -> conn.prepare("SELECT b FROM t")).getMessage());
    assertEquals("table t has no column named b",
        assertThrows(PagodaException.class, () -> conn.prepare("INSERT INTO t(b) VALUES (1)"))
            .getMessage());
    assertEquals("table t has 1 columns but 2 values were supplied",
        assertThrows(PagodaException.class, () -> conn.prepare("INSERT INTO t VALUES (1, 2)"))
            .getMessage());
  }

  @Test
  void columnNames_followSqliteNaming() {
    conn.execute("CREATE TABLE t(a, b)");
    try (PreparedStatement ps = conn.prepare("SELECT a, b AS bee, a + 1, * FROM t")) {
      assertEquals(List.of("a", "bee", "a + 1", "a", "b"),
          List.of(ps.columnName(0), ps.columnName(1), ps.columnName(2), ps.columnName(3),
              ps.columnName(4)));
    }
  }

  @Test
  void statementPreparedBeforeSchemaChange_replansTransparently() {
    conn.execute("CREATE TABLE t(a)");
    try (PreparedStatement ps = conn.prepare("SELECT * FROM t")) {
      conn.execute("DROP TABLE t");
      conn.execute("CREATE TABLE t(x, y)");
      conn.execute("INSERT INTO t VALUES (1, 2)");
      try (Rows r = ps.query()) {
        assertTrue(r.next());
        assertEquals(2, r.columnCount());
        assertEquals("y", r.columnName(1));
        assertEquals(2, r.getLong(1));
      }
    }
  }

  @Test
  void insertIntoTableBeingRead_isRefusedWithLocked() {
    conn.execute("CREATE TABLE t(a)");
    conn.execute("INSERT INTO t VALUES (1), (2)");
    try (PreparedStatement select = conn.prepare("SELECT a FROM t"); Rows r = select.query()) {
      assertTrue(r.next());
      PagodaException e = assertThrows(PagodaException.class,
          () -> conn.execute("INSERT INTO t VALUES (3)"));
      assertEquals(ResultCode.LOCKED, e.code());
      assertTrue(r.next());
    }
    conn.execute("INSERT INTO t VALUES (3)");
    assertEquals(List.of("1", "2", "3"), rows("SELECT a FROM t"));
  }

  @Test
  void changesAndLastInsertRowid_trackInserts() {
    conn.execute("CREATE TABLE t(a)");
    conn.execute("INSERT INTO t VALUES (1), (2), (3)");
    assertEquals(3, conn.changes());
    assertEquals(3, conn.lastInsertRowid());
    conn.execute("INSERT INTO t VALUES (4)");
    assertEquals(1, conn.changes());
    assertEquals(4, conn.totalChanges());
  }

  @Test
  void sqliteSchema_isQueryable() {
    conn.execute("CREATE TABLE t(a)");
    assertEquals(List.of("table|t|t|2|CREATE TABLE t(a)"),
        rows("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema"));
  }

  @Test
  void parameters_namedAndNumbered_shareIndexes() {
    try (PreparedStatement ps = conn.prepare("SELECT :a, ?, :a, ?5")) {
      assertEquals(5, ps.parameterCount());
      assertEquals(1, ps.parameterIndex(":a"));
      assertEquals(":a", ps.parameterName(1));
    }
    assertEquals(List.of("x|NULL|x"), rows("SELECT :a, ?, :a", "x"));
  }
}
