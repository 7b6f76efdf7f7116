package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code PRAGMA query_only} and {@code PRAGMA case_sensitive_like}: each script runs statement by
 * statement on Pagoda and on sqlite-jdbc, and every outcome (rows with storage classes, or the
 * error with its primary code) must be the same.
 */
class QueryOnlyAndLikePragmaTest {
  private static void assertScriptSameAsSqlite(List<String> script) throws SQLException {
    try (Database db = Database.openInMemory(); Connection pagoda = db.connect();
        java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      for (String sql : script) {
        assertEquals(SqlOracle.sqlite(sqlite, sql), SqlOracle.pagoda(pagoda, sql), sql);
      }
    }
  }

  @Test
  void queryOnly_refusesEveryChange_readsAndPlainBeginStillWork() throws SQLException {
    assertScriptSameAsSqlite(List.of(
        "CREATE TABLE t(a)", "INSERT INTO t VALUES (1)", "PRAGMA query_only",
        "PRAGMA query_only = 1", "PRAGMA query_only", "SELECT * FROM t",
        "INSERT INTO t VALUES (2)", "UPDATE t SET a = 5", "DELETE FROM t",
        "CREATE TABLE u(x)", "CREATE INDEX ta ON t(a)", "DROP TABLE t",
        "CREATE TEMP VIEW tv AS SELECT 1", "PRAGMA user_version = 3", "PRAGMA user_version",
        "BEGIN IMMEDIATE", "BEGIN", "SELECT count(*) FROM t", "INSERT INTO t VALUES (3)",
        "COMMIT", "PRAGMA query_only = off", "PRAGMA query_only", "INSERT INTO t VALUES (4)",
        "SELECT * FROM t ORDER BY a", "PRAGMA query_only = yes", "PRAGMA query_only",
        "PRAGMA query_only = false", "PRAGMA query_only"));
  }

  @Test
  void queryOnly_isPerConnection() {
    try (Database db = Database.openInMemory(); Connection a = db.connect()) {
      a.execute("CREATE TABLE t(x)");
      a.execute("PRAGMA query_only = ON");
      try (Connection b = db.connect()) {
        b.execute("INSERT INTO t VALUES (1)");
        assertEquals(List.of("0"), Sql.column(b, "PRAGMA query_only"));
      }
      assertEquals(List.of("error 8: attempt to write a readonly database"),
          SqlOracle.pagoda(a, "INSERT INTO t VALUES (2)"));
    }
  }

  @Test
  void caseSensitiveLike_onAndOff_sameAsSqlite() throws SQLException {
    List<String> probes = List.of(
        "SELECT 'a' LIKE 'A', 'A' LIKE 'A', 'abc' LIKE 'a%', 'aBc' LIKE 'a_c', 'ABC' LIKE 'ab%'",
        "SELECT 'a%c' LIKE 'a\\%c' ESCAPE '\\', 'abc' LIKE 'a\\%c' ESCAPE '\\'",
        "SELECT 'abc' NOT LIKE 'ABC', like('A%', 'abc'), like('a%', 'abc'), 'x' LIKE NULL",
        "SELECT 'ab' LIKE '%b%', '' LIKE '%', 'b' LIKE '_%_', 'Straße' LIKE 'STRASSE',"
            + " 'É' LIKE 'é', 'aXb' LIKE 'a%%b', 'abc' LIKE 'a' || '%'",
        "SELECT 'a' LIKE 'a' ESCAPE 'xy'", "SELECT 'a_' LIKE 'a/_' ESCAPE '/',"
            + " 'ab' LIKE 'a/_' ESCAPE '/', 'a' LIKE 'a/' ESCAPE '/'",
        "SELECT name FROM t WHERE name LIKE 'B%' ORDER BY name");
    List<String> script = new java.util.ArrayList<>(List.of(
        "CREATE TABLE t(name)", "INSERT INTO t VALUES ('bob'), ('Bill'), ('BEN'), ('al')"));
    script.addAll(probes);
    script.add("PRAGMA case_sensitive_like");
    script.add("PRAGMA case_sensitive_like = 1");
    script.addAll(probes);
    script.add("PRAGMA case_sensitive_like = off");
    script.addAll(probes);
    assertScriptSameAsSqlite(script);
  }

  @Test
  void caseSensitiveLike_statementPreparedBefore_plansAgain() {
    try (Database db = Database.openInMemory(); Connection c = db.connect();
        PreparedStatement ps = c.prepare("SELECT 'a' LIKE 'A'")) {
      c.execute("PRAGMA case_sensitive_like = true");
      try (Rows r = ps.query()) {
        r.next();
        assertEquals(0, r.getLong(0));
      }
    }
  }
}
