package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The introspection pragmas (statement and table-valued forms) on one rich schema, on Pagoda and
 * on sqlite-jdbc: column names, then every row cell by cell with its storage class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntrospectionPragmaDifferentialTest {
  /** Rowid and WITHOUT ROWID tables, keys, defaults of every kind, collations, indexes, views. */
  static final List<String> SCHEMA = List.of(
      "CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT NOT NULL DEFAULT 'x', b REAL DEFAULT -1.5,"
          + " c DEFAULT CURRENT_TIMESTAMP, d INT DEFAULT (1 + 2) COLLATE NOCASE UNIQUE,"
          + " e VARCHAR(10) DEFAULT 'it''s', f BLOB DEFAULT X'00ff', g DEFAULT NULL,"
          + " h DEFAULT +5, i numeric DEFAULT true, j DEFAULT 0x10, k Decimal(8, 2) NOT NULL)",
      "CREATE TABLE w(k1 TEXT COLLATE nocase, k2 INT, v COLLATE RTRIM,"
          + " PRIMARY KEY(k2 DESC, k1)) WITHOUT ROWID",
      "CREATE TABLE w1(k PRIMARY KEY, v UNIQUE) WITHOUT ROWID",
      "CREATE TABLE c(x, y NOT NULL, z, PRIMARY KEY(x, y), UNIQUE(z COLLATE NOCASE))",
      "CREATE TABLE r(a UNIQUE ON CONFLICT REPLACE, b UNIQUE,"
          + " c PRIMARY KEY ON CONFLICT REPLACE, d UNIQUE)",
      "CREATE TABLE s(a INTEGER PRIMARY KEY DESC, b TEXT UNIQUE)",
      "CREATE TABLE s2(a INTEGER PRIMARY KEY DESC, b)",
      "CREATE TABLE u(a TEXT PRIMARY KEY, b UNIQUE, UNIQUE(a, b), UNIQUE(b))",
      "CREATE TABLE \"odd name\"(\"x y\" integer)",
      "CREATE TABLE g(a INT, b INT GENERATED ALWAYS AS (a * 2) VIRTUAL, c TEXT AS (a || 'x')"
          + " STORED, d DEFAULT 7)",
      "CREATE TABLE st(a INT PRIMARY KEY, b TEXT NOT NULL, c ANY) STRICT",
      "CREATE TABLE stw(a INT PRIMARY KEY, b BLOB) STRICT, WITHOUT ROWID",
      "CREATE INDEX ix_partial ON t(a DESC, b) WHERE b > 0",
      "CREATE INDEX ix_expr ON t(lower(a), e COLLATE RTRIM)",
      "CREATE UNIQUE INDEX ix_u ON t(e, a COLLATE nocase)",
      "CREATE INDEX iw ON w(v COLLATE Binary)",
      "CREATE INDEX iw2 ON w(k1, v DESC)",
      "CREATE INDEX iw3 ON w(k2)",
      "CREATE INDEX ic ON c(z DESC, x)",
      "CREATE VIEW v AS SELECT id, a AS aa, b + 1 FROM t",
      "CREATE VIEW v2(p, q) AS SELECT x, z FROM c",
      "CREATE VIEW v3 AS SELECT * FROM t JOIN c ON t.id = c.x",
      "CREATE VIEW v4 AS SELECT aa, id, 'lit' FROM v",
      "CREATE VIEW v5 AS SELECT CAST(a AS TEXT), CAST(b AS integer) bi, CAST(c AS NUMERIC),"
          + " CAST(d AS REAL), CAST(e AS BLOB), c, p, q, f || 'x' FROM t, v2");

  static final List<String> TABLES = List.of("t", "w", "w1", "c", "r", "s", "s2", "u",
      "\"odd name\"", "g", "st", "stw", "v", "v2", "v3", "v4", "v5", "sqlite_schema",
      "sqlite_master", "nope");

  static final List<String> INDEXES = List.of("ix_partial", "ix_expr", "ix_u", "iw", "iw2", "iw3",
      "ic", "sqlite_autoindex_t_1", "sqlite_autoindex_w_1", "sqlite_autoindex_w1_1",
      "sqlite_autoindex_w1_2", "sqlite_autoindex_c_1", "sqlite_autoindex_c_2",
      "sqlite_autoindex_r_1", "sqlite_autoindex_r_3", "sqlite_autoindex_s_1",
      "sqlite_autoindex_s2_1", "sqlite_autoindex_u_1", "sqlite_autoindex_u_2",
      "sqlite_autoindex_st_1", "sqlite_autoindex_stw_1", "w", "w1", "t", "stw",
      "nope");

  private Database db;
  private Connection pagoda;
  private java.sql.Connection sqlite;

  @TempDir static Path dir;
  private static Path file;

  /**
   * SQLite writes the schema (Pagoda cannot yet create WITHOUT ROWID, STRICT or generated-column
   * tables, but reads them); both then read the same file.
   */
  @BeforeAll
  void open() throws SQLException {
    file = dir.resolve("schema.db");
    sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = sqlite.createStatement()) {
      for (String sql : SCHEMA) {
        s.execute(sql);
      }
    }
    db = Database.open(file);
    pagoda = db.connect();
  }

  @AfterAll
  void close() throws SQLException {
    pagoda.close();
    db.close();
    sqlite.close();
  }

  private void check(String sql) {
    assertEquals(PragmaOracle.sqlite(sqlite, sql, false), PragmaOracle.pagoda(pagoda, sql, false),
        sql);
  }

  private void checkSorted(String sql) {
    assertEquals(PragmaOracle.sqlite(sqlite, sql, true), PragmaOracle.pagoda(pagoda, sql, true),
        sql);
  }

  static List<String> tables() {
    return TABLES;
  }

  static List<String> indexes() {
    return INDEXES;
  }

  @ParameterizedTest
  @MethodSource("tables")
  void tableInfo_eachTableAndView_sameAsSqlite(String table) {
    check("PRAGMA table_info(" + table + ")");
  }

  @ParameterizedTest
  @MethodSource("tables")
  void tableXinfo_eachTableAndView_sameAsSqlite(String table) {
    check("PRAGMA table_xinfo(" + table + ")");
  }

  @ParameterizedTest
  @MethodSource("tables")
  void indexList_eachTable_sameAsSqlite(String table) {
    check("PRAGMA index_list(" + table + ")");
  }

  @ParameterizedTest
  @MethodSource("indexes")
  void indexInfo_eachIndex_sameAsSqlite(String index) {
    check("PRAGMA index_info(" + index + ")");
  }

  @ParameterizedTest
  @MethodSource("indexes")
  void indexXinfo_eachIndex_sameAsSqlite(String index) {
    check("PRAGMA index_xinfo(" + index + ")");
  }

  @ParameterizedTest
  @MethodSource("argumentForms")
  void argumentForms_schemaPrefixQuotesAndCase_sameAsSqlite(String sql) {
    check(sql);
  }

  static List<String> argumentForms() {
    return List.of("PRAGMA table_info('t')", "PRAGMA table_info(\"t\")", "PRAGMA table_info = t",
        "PRAGMA main.table_info(t)", "PRAGMA MAIN.Table_Info(T)", "PRAGMA temp.table_info(t)",
        "PRAGMA nope.table_info(t)", "PRAGMA table_info('odd name')", "PRAGMA table_info",
        "PRAGMA main.index_list('w')", "PRAGMA temp.index_list(w)", "PRAGMA index_list",
        "PRAGMA main.index_xinfo(\"ix_expr\")", "PRAGMA index_info", "PRAGMA table_xinfo('v2')");
  }

  @ParameterizedTest
  @MethodSource("tableLists")
  void tableList_sameAsSqlite(String sql) {
    checkSorted(sql);
  }

  static List<String> tableLists() {
    return List.of("PRAGMA table_list", "PRAGMA table_list(w)", "PRAGMA table_list('v3')",
        "PRAGMA main.table_list", "PRAGMA temp.table_list", "PRAGMA table_list(nope)",
        "PRAGMA table_list(sqlite_schema)", "PRAGMA table_list(sqlite_master)",
        "PRAGMA table_list(sqlite_temp_master)", "PRAGMA table_list(sqlite_temp_schema)");
  }

  @ParameterizedTest
  @MethodSource("tableValuedForms")
  void tableValuedForms_sameAsSqlite(String sql) {
    check(sql);
  }

  static List<String> tableValuedForms() {
    return List.of("SELECT * FROM pragma_table_info('t')",
        "SELECT * FROM pragma_table_info('T') WHERE pk > 0",
        "SELECT name, arg, schema FROM pragma_table_info('w', 'main')",
        "SELECT * FROM pragma_table_info('t', 'nope')",
        "SELECT * FROM main.pragma_table_info('v3')",
        "SELECT count(*) FROM pragma_table_info('nope')",
        "SELECT count(*) FROM pragma_table_info()",
        "SELECT count(*) FROM pragma_table_info(NULL)",
        "SELECT * FROM pragma_table_xinfo('g')",
        "SELECT * FROM pragma_index_list('r')",
        "SELECT * FROM pragma_index_info('ix_u')",
        "SELECT * FROM pragma_index_xinfo('iw2')",
        "SELECT *, arg FROM pragma_index_xinfo('stw')",
        "SELECT s.name, p.* FROM sqlite_schema s, pragma_table_info(s.name) p"
            + " ORDER BY s.name, p.cid",
        "SELECT s.name, p.name, p.\"unique\", p.origin, p.partial FROM sqlite_schema s"
            + " JOIN pragma_index_list(s.name) p WHERE s.type = 'table' ORDER BY 1, p.seq",
        "SELECT i.name, x.* FROM sqlite_schema i, pragma_index_xinfo(i.name) x"
            + " WHERE i.type = 'index' ORDER BY i.name, x.seqno",
        "SELECT t.name, c.name FROM pragma_table_list t, pragma_table_xinfo(t.name) c"
            + " WHERE t.schema = 'main' ORDER BY t.name, c.cid",
        "SELECT name, type, ncol, wr, strict FROM pragma_table_list('w1')",
        "SELECT * FROM pragma_table_list WHERE name = 'stw'",
        "SELECT count(*) > 0 FROM pragma_compile_options",
        "SELECT (SELECT count(*) FROM pragma_index_list(s.name)) FROM sqlite_schema s"
            + " WHERE type = 'table' ORDER BY name");
  }

  @Test
  void tempView_inTableListTableInfoAndDatabaseList_sameAsSqlite() throws SQLException {
    String sql = "CREATE TEMP VIEW tv AS SELECT a, k FROM t";
    try (Connection p = db.connect();
        java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = s.createStatement()) {
      p.execute(sql);
      st.execute(sql);
      for (String pragma : List.of("PRAGMA table_list", "PRAGMA temp.table_list",
          "PRAGMA table_list(tv)")) {
        assertEquals(PragmaOracle.sqlite(s, pragma, true), PragmaOracle.pagoda(p, pragma, true),
            pragma);
      }
      for (String pragma : List.of("PRAGMA table_info(tv)", "PRAGMA temp.table_info(tv)",
          "PRAGMA main.table_info(tv)", "PRAGMA database_list")) {
        assertEquals(PragmaOracle.sqlite(s, pragma, false), PragmaOracle.pagoda(p, pragma, false),
            pragma);
      }
    }
  }

  /** Fresh connections: SQLite lists {@code temp} once anything touched it. */
  @Test
  void databaseList_file_absolutePath() throws SQLException {
    try (Connection p = db.connect();
        java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      assertEquals(PragmaOracle.sqlite(s, "PRAGMA database_list", false),
          PragmaOracle.pagoda(p, "PRAGMA database_list", false));
    }
  }

  @Test
  void databaseList_inMemory_emptyFile() throws SQLException {
    try (Database memory = Database.openInMemory(); Connection c = memory.connect();
        java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      assertEquals(PragmaOracle.sqlite(s, "PRAGMA database_list", false),
          PragmaOracle.pagoda(c, "PRAGMA database_list", false));
    }
  }
}
