package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.spi.ResultCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** INSERT forms, UPDATE, DELETE, conflict clauses, CHECK, views and REINDEX, end to end. */
class DmlTest {
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

  /** Rows of {@code sql} as '|'-joined text, NULL as "NULL", in scan order. */
  private List<String> rows(String sql) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = conn.prepare(sql); Rows rows = ps.query()) {
      while (rows.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.columnCount(); i++) {
          sb.append(i > 0 ? "|" : "").append(rows.isNull(i) ? "NULL" : rows.getString(i));
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  private long update(String sql) {
    try (PreparedStatement ps = conn.prepare(sql)) {
      return ps.executeUpdate();
    }
  }

  private PagodaException fails(String sql) {
    return assertThrows(PagodaException.class, () -> conn.execute(sql));
  }

  private void assertError(String message, String sql) {
    assertEquals(message, fails(sql).getMessage());
  }

  @Test
  void delete_whereAndAll_countsChangesAndKeepsIndexes() {
    conn.execute("CREATE TABLE t(a, b); CREATE INDEX tb ON t(b)");
    conn.execute("INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, 'x'), (4, NULL)");
    assertEquals(2, update("DELETE FROM t WHERE b = 'x'"));
    assertEquals(2, conn.changes());
    assertEquals(List.of("2|y", "4|NULL"), rows("SELECT * FROM t"));
    assertEquals(0, update("DELETE FROM t WHERE a > 10"));
    assertEquals(2, update("DELETE FROM t"));
    assertEquals(List.of(), rows("SELECT * FROM t"));
    assertEquals(1, update("INSERT INTO t VALUES (5, 'y')"));
    assertEquals(List.of("5|y"), rows("SELECT a, b FROM t WHERE b = 'y'"));
  }

  @Test
  void delete_aliasAndRowid() {
    conn.execute("CREATE TABLE t(a); INSERT INTO t VALUES (1), (2), (3)");
    assertEquals(1, update("DELETE FROM t AS x WHERE x.rowid = 2"));
    assertEquals(List.of("1", "3"), rows("SELECT a FROM t"));
  }

  @Test
  void deleteAndUpdate_orderByAndLimit_rejectedAsWithoutTheCompileOption() {
    conn.execute("CREATE TABLE t(a)");
    assertError("near \"ORDER\": syntax error", "DELETE FROM t ORDER BY a LIMIT 1");
    assertError("near \"LIMIT\": syntax error", "DELETE FROM t LIMIT 1");
    assertError("near \"LIMIT\": syntax error", "UPDATE t SET a = 1 LIMIT 1");
    assertError("no such table: nosuch", "DELETE FROM nosuch");
  }

  @Test
  void update_setsValuesFromOldRow_withAffinity() {
    conn.execute("CREATE TABLE t(a INTEGER, b TEXT, c)");
    conn.execute("INSERT INTO t VALUES (1, 'one', 10), (2, 'two', 20)");
    assertEquals(2, update("UPDATE t SET a = c, c = a, b = a + 100"));
    assertEquals(List.of("10|101|1", "20|102|2"), rows("SELECT * FROM t"));
    assertEquals(1, update("UPDATE t SET (a, b) = ('7', 8) WHERE c = 2"));
    assertEquals(List.of("7|8|2"), rows("SELECT * FROM t WHERE c = 2"));
    assertEquals(1, update("UPDATE t SET a = 5, a = 6 WHERE c = 1"));
    assertEquals(List.of("6|101|1"), rows("SELECT * FROM t WHERE c = 1"));
  }

  @Test
  void update_errorsAsSqlite() {
    conn.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a NOT NULL, b)");
    conn.execute("INSERT INTO t VALUES (1, 1, 1), (2, 2, 2)");
    assertError("no such column: nosuch", "UPDATE t SET nosuch = 1");
    assertError("2 columns assigned 3 values", "UPDATE t SET (a, b) = (1, 2, 3)");
    assertError("target object/alias may not appear in FROM clause: t", "UPDATE t SET a = 1 FROM t");
    assertError("NOT NULL constraint failed: t.a", "UPDATE t SET a = NULL WHERE id = 2");
    assertError("datatype mismatch", "UPDATE t SET id = NULL");
    PagodaException e = fails("UPDATE t SET id = 2 WHERE id = 1");
    assertEquals("UNIQUE constraint failed: t.id", e.getMessage());
    assertEquals(ResultCode.CONSTRAINT_PRIMARYKEY, e.code());
    assertEquals(List.of("1|1|1", "2|2|2"), rows("SELECT * FROM t"));
  }

  @Test
  void update_rowidChange_movesRowAndIndexEntries() {
    conn.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a); CREATE UNIQUE INDEX ta ON t(a)");
    conn.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
    assertEquals(1, update("UPDATE t SET id = 10 WHERE a = 'b'"));
    assertEquals(List.of("1|a", "3|c", "10|b"), rows("SELECT * FROM t"));
    assertEquals(List.of("10"), rows("SELECT id FROM t WHERE a = 'b'"));
    assertEquals(1, update("UPDATE t SET rowid = rowid + 100 WHERE id = 1"));
    assertEquals(List.of("3|c", "10|b", "101|a"), rows("SELECT * FROM t"));
    conn.execute("CREATE TABLE n(x); INSERT INTO n VALUES ('p'), ('q')");
    assertEquals(1, update("UPDATE n SET rowid = 9 WHERE x = 'p'"));
    assertEquals(List.of("2|q", "9|p"), rows("SELECT rowid, x FROM n"));
  }

  @Test
  void update_uniqueIndex_conflictsAndReplace() {
    conn.execute("CREATE TABLE t(a, b); CREATE UNIQUE INDEX ta ON t(a)");
    conn.execute("INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, 'z'), (NULL, 'n')");
    PagodaException e = fails("UPDATE t SET a = 2 WHERE b = 'x'");
    assertEquals("UNIQUE constraint failed: t.a", e.getMessage());
    assertEquals(ResultCode.CONSTRAINT_UNIQUE, e.code());
    assertEquals(1, update("UPDATE t SET a = a WHERE b = 'x'"));
    assertEquals(2, update("UPDATE t SET a = NULL WHERE a < 3"));
    assertEquals(1, update("UPDATE OR REPLACE t SET a = 3 WHERE b = 'y'"));
    assertEquals(List.of("NULL|x", "3|y", "NULL|n"), rows("SELECT * FROM t"));
    assertEquals(0, update("UPDATE OR IGNORE t SET a = 3 WHERE b = 'x'"));
  }

  @Test
  void updateOrReplace_rowidChain_likeSqlite() {
    conn.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a, b)");
    conn.execute("INSERT INTO t VALUES (1, 1, 1), (2, 2, 2), (3, 3, 3)");
    assertEquals(3, update("UPDATE OR REPLACE t SET id = id + 1"));
    assertEquals(List.of("4|1|1"), rows("SELECT * FROM t"));
  }

  @Test
  void insert_columnCountErrorsAsSqlite() {
    conn.execute("CREATE TABLE u(id INTEGER PRIMARY KEY, a)");
    assertError("all VALUES must have the same number of terms", "INSERT INTO u VALUES (1), (1, 2)");
    assertError("2 values for 1 columns", "INSERT INTO u(a) VALUES (1, 2)");
    assertError("table u has 2 columns but 1 values were supplied", "INSERT INTO u VALUES (1)");
    assertError("table u has 2 columns but 1 values were supplied", "INSERT INTO u SELECT 1");
    assertError("2 values for 1 columns", "INSERT INTO u(id) SELECT 1, 2");
    assertError("table u has no column named z", "INSERT INTO u(z) VALUES (1)");
  }

  @Test
  void insertSelect_andDefaultValues_andExplicitRowid() {
    conn.execute("CREATE TABLE s(a, b); INSERT INTO s VALUES (1, 'x'), (2, 'y')");
    conn.execute("CREATE TABLE t(a, b DEFAULT 'dflt', c INTEGER DEFAULT 7)");
    assertEquals(2, update("INSERT INTO t(c, a) SELECT a, b FROM s"));
    assertEquals(1, update("INSERT INTO t DEFAULT VALUES"));
    assertEquals(2, update("INSERT INTO t SELECT a, b, 9 FROM t WHERE c = 1 OR c = 2"));
    assertEquals(List.of("x|dflt|1", "y|dflt|2", "NULL|dflt|7", "x|dflt|9", "y|dflt|9"),
        rows("SELECT * FROM t"));
    assertEquals(1, update("INSERT INTO t(rowid, a) VALUES (100, 'r')"));
    assertEquals(100, conn.lastInsertRowid());
    assertEquals(List.of("100|r"), rows("SELECT rowid, a FROM t WHERE a = 'r'"));
    PagodaException e = fails("INSERT INTO t(rowid, a) VALUES (100, 'again')");
    assertEquals("UNIQUE constraint failed: t.rowid", e.getMessage());
    assertEquals(ResultCode.CONSTRAINT_ROWID, e.code());
  }

  @Test
  void insert_uniqueIndexEnforced_nullsDistinct() {
    conn.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a, b); CREATE UNIQUE INDEX ta ON t(a)");
    conn.execute("INSERT INTO t VALUES (1, 1, 1), (2, 2, 2)");
    PagodaException e = fails("INSERT INTO t VALUES (3, 2, 0)");
    assertEquals("UNIQUE constraint failed: t.a", e.getMessage());
    assertEquals(2, update("INSERT INTO t VALUES (11, NULL, 0), (12, NULL, 0)"));
    assertError("UNIQUE constraint failed: t.id", "INSERT INTO t(rowid, a) VALUES (11, 9)");
    // a failed multi-row statement leaves the table as it was
    assertError("UNIQUE constraint failed: t.a", "INSERT INTO t VALUES (20, 20, 0), (21, 1, 0)");
    assertEquals(List.of("1", "2", "11", "12"), rows("SELECT id FROM t"));
  }

  @Test
  void insertOrReplace_andReplaceInto_deleteConflictingRows() {
    conn.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a, b); CREATE UNIQUE INDEX ta ON t(a)");
    conn.execute("INSERT INTO t VALUES (1, 1, 'one'), (2, 2, 'two'), (3, 3, 'three')");
    assertEquals(1, update("INSERT OR REPLACE INTO t VALUES (10, 2, 'ten')"));
    assertEquals(1, update("REPLACE INTO t VALUES (1, 3, 'new one')"));
    assertEquals(List.of("1|3|new one", "10|2|ten"), rows("SELECT * FROM t"));
    assertEquals(List.of("10"), rows("SELECT id FROM t WHERE a = 2"));
    assertEquals(List.of("1"), rows("SELECT id FROM t WHERE a = 3"));
  }

  @Test
  void insertOrIgnore_skipsConflictingRows() {
    conn.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a); CREATE UNIQUE INDEX ta ON t(a)");
    conn.execute("INSERT INTO t VALUES (1, 'a')");
    assertEquals(1, update("INSERT OR IGNORE INTO t VALUES (1, 'b'), (2, 'a'), (3, 'c')"));
    assertEquals(List.of("1|a", "3|c"), rows("SELECT * FROM t"));
  }

  @Test
  void insertOrFail_keepsEarlierRows_orAbortUndoesThem() {
    conn.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a)");
    conn.execute("INSERT INTO t VALUES (5, 'x')");
    assertError("UNIQUE constraint failed: t.id", "INSERT OR FAIL INTO t VALUES (1, 'a'), (5, 'b'), (6, 'c')");
    assertEquals(1, conn.changes()); // as sqlite3_changes reports after OR FAIL
    assertEquals(1, conn.lastInsertRowid());
    assertEquals(List.of("1|a", "5|x"), rows("SELECT * FROM t"));
    assertError("UNIQUE constraint failed: t.id", "INSERT OR ABORT INTO t VALUES (2, 'a'), (5, 'b')");
    assertEquals(List.of("1|a", "5|x"), rows("SELECT * FROM t"));
    conn.execute("BEGIN");
    conn.execute("INSERT INTO t VALUES (7, 'in tx')");
    assertError("UNIQUE constraint failed: t.id", "INSERT OR FAIL INTO t VALUES (8, 'a'), (5, 'b')");
    assertFalse(conn.isAutoCommit());
    conn.execute("COMMIT");
    assertEquals(List.of("1|a", "5|x", "7|in tx", "8|a"), rows("SELECT * FROM t"));
  }

  @Test
  void insertOrRollback_endsTheTransaction() {
    conn.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a)");
    conn.execute("INSERT INTO t VALUES (5, 'x')");
    conn.execute("BEGIN");
    conn.execute("INSERT INTO t VALUES (6, 'in tx')");
    assertError("UNIQUE constraint failed: t.id", "INSERT OR ROLLBACK INTO t VALUES (7, 'a'), (5, 'b')");
    assertTrue(conn.isAutoCommit());
    assertEquals(List.of("5|x"), rows("SELECT * FROM t"));
    assertError("cannot commit - no transaction is active", "COMMIT");
  }

  @Test
  void columnOnConflictClauses_apply() {
    conn.execute("CREATE TABLE nn(a NOT NULL ON CONFLICT IGNORE, b NOT NULL DEFAULT 7, c)");
    assertEquals(1, update("INSERT INTO nn VALUES (NULL, 1, 1), (1, 1, 1)"));
    assertEquals(1, update("INSERT OR REPLACE INTO nn VALUES (1, NULL, 1)"));
    assertError("NOT NULL constraint failed: nn.a", "INSERT OR REPLACE INTO nn(b) VALUES (NULL)");
    assertEquals(List.of("1|1|1", "1|7|1"), rows("SELECT * FROM nn"));
    conn.execute("CREATE TABLE p(id INTEGER PRIMARY KEY ON CONFLICT REPLACE, v)");
    conn.execute("INSERT INTO p VALUES (1, 'a'); INSERT INTO p VALUES (1, 'b')");
    assertEquals(List.of("1|b"), rows("SELECT * FROM p"));
  }

  @Test
  void check_constraints_namedAndByText() {
    conn.execute("CREATE TABLE t(a, b CHECK(b>0), c, CONSTRAINT pos CHECK(c<>5), "
        + "CHECK (a  IS NOT  NULL))");
    PagodaException e = fails("INSERT INTO t VALUES (1, 0, 1)");
    assertEquals("CHECK constraint failed: b>0", e.getMessage());
    assertEquals(ResultCode.CONSTRAINT_CHECK, e.code());
    assertError("CHECK constraint failed: pos", "INSERT INTO t VALUES (1, 1, 5)");
    assertError("CHECK constraint failed: a  IS NOT  NULL", "INSERT INTO t VALUES (NULL, 1, 1)");
    assertEquals(1, update("INSERT INTO t VALUES (1, NULL, 1)")); // NULL passes a CHECK
    assertError("CHECK constraint failed: b>0", "UPDATE t SET b = -1");
    assertEquals(1, update("INSERT OR IGNORE INTO t VALUES (1, 2, 3), (1, 0, 0)"));
    assertError("CHECK constraint failed: pos", "INSERT OR REPLACE INTO t VALUES (1, 1, 5)");
    assertEquals(List.of("1|NULL|1", "1|2|3"), rows("SELECT * FROM t"));
  }

  @Test
  void views_createDropAndClashes() {
    conn.execute("CREATE TABLE t(a, b)");
    conn.execute("CREATE VIEW  v ( x , y )  AS  SELECT a, b FROM t");
    conn.execute("CREATE VIEW w AS SELECT * FROM nosuch");
    assertEquals(List.of("view|v|v|0|CREATE VIEW v ( x , y )  AS  SELECT a, b FROM t"),
        rows("SELECT * FROM sqlite_schema WHERE type = 'view' AND name = 'v'"));
    assertError("view v already exists", "CREATE VIEW v AS SELECT 1");
    conn.execute("CREATE VIEW IF NOT EXISTS v AS SELECT 1");
    conn.execute("CREATE VIEW IF NOT EXISTS t AS SELECT 1");
    assertError("table t already exists", "CREATE VIEW t AS SELECT 1");
    assertError("view v already exists", "CREATE TABLE v(x)");
    assertError("there is already a table named v", "CREATE INDEX v ON t(a)");
    assertError("views may not be indexed", "CREATE INDEX i ON v(x)");
    assertError("use DROP VIEW to delete view v", "DROP TABLE v");
    assertError("use DROP TABLE to delete table t", "DROP VIEW t");
    assertError("no such view: nosuch", "DROP VIEW nosuch");
    conn.execute("DROP VIEW IF EXISTS nosuch");
    assertError("cannot modify v because it is a view", "INSERT INTO v VALUES (1, 2)");
    assertError("cannot modify v because it is a view", "UPDATE v SET x = 1");
    assertError("cannot modify v because it is a view", "DELETE FROM v");
    conn.execute("DROP TABLE t"); // views on it stay, as in SQLite
    assertEquals(List.of("v", "w"), rows("SELECT name FROM sqlite_schema WHERE type = 'view'"));
    conn.execute("DROP VIEW v");
    assertEquals(List.of("w"), rows("SELECT name FROM sqlite_schema"));
    conn.execute("CREATE TABLE v(z)");
  }

  @Test
  void reindex_rebuildsIndexes() {
    conn.execute("CREATE TABLE t(a, b); CREATE INDEX ta ON t(a)");
    conn.execute("CREATE INDEX tb ON t(b COLLATE NOCASE)");
    conn.execute("INSERT INTO t VALUES (1, 'x'), (2, 'Y'), (3, 'z')");
    conn.execute("REINDEX");
    conn.execute("REINDEX t");
    conn.execute("REINDEX ta");
    conn.execute("REINDEX nocase");
    assertError("unable to identify the object to be reindexed", "REINDEX nosuch");
    assertEquals(List.of("2|Y"), rows("SELECT a, b FROM t WHERE a = 2"));
  }

  @Test
  void uniqueAndPrimaryKeyConstraints_enforcedThroughAutomaticIndexes() {
    conn.execute("CREATE TABLE t(a UNIQUE, b TEXT PRIMARY KEY ON CONFLICT IGNORE, c, d UNIQUE, "
        + "UNIQUE(c, d), UNIQUE(a), CONSTRAINT u UNIQUE(c DESC) ON CONFLICT REPLACE)");
    assertEquals(List.of("sqlite_autoindex_t_1|t", "sqlite_autoindex_t_2|t",
        "sqlite_autoindex_t_3|t", "sqlite_autoindex_t_4|t", "sqlite_autoindex_t_5|t"),
        rows("SELECT name, tbl_name FROM sqlite_schema WHERE type = 'index'"));
    assertEquals(List.of("NULL"), rows("SELECT sql FROM sqlite_schema WHERE name = 'sqlite_autoindex_t_1'"));
    assertEquals(1, update("INSERT INTO t VALUES (1, 'x', 1, 1)"));
    assertEquals(0, update("INSERT INTO t VALUES (2, 'x', 2, 2)")); // PRIMARY KEY ON CONFLICT IGNORE
    assertError("UNIQUE constraint failed: t.a", "INSERT INTO t VALUES (1, 'y', 3, 3)");
    assertEquals(1, update("INSERT INTO t VALUES (5, 'z', 1, 5)")); // c: ON CONFLICT REPLACE
    assertEquals(List.of("5|z|1|5"), rows("SELECT * FROM t"));
    assertError("index associated with UNIQUE or PRIMARY KEY constraint cannot be dropped",
        "DROP INDEX sqlite_autoindex_t_1");
    conn.execute("CREATE TABLE p(a, b, PRIMARY KEY(b, a))");
    conn.execute("INSERT INTO p VALUES (1, 1), (NULL, 1), (NULL, 1)");
    PagodaException e = fails("INSERT INTO p VALUES (1, 1)");
    assertEquals("UNIQUE constraint failed: p.b, p.a", e.getMessage());
    assertEquals(ResultCode.CONSTRAINT_PRIMARYKEY, e.code());
    assertError("UNIQUE constraint failed: p.b, p.a", "UPDATE p SET a = 1 WHERE a IS NULL");
    conn.execute("DROP TABLE t");
    assertEquals(List.of("p", "sqlite_autoindex_p_1"), rows("SELECT name FROM sqlite_schema"));
  }

  @Test
  void updateOrReplace_rowsDeletedByEarlierRowsAreSkipped_likeSqlite() {
    conn.execute("CREATE TABLE u(k TEXT PRIMARY KEY, v UNIQUE ON CONFLICT IGNORE, "
        + "w INT UNIQUE ON CONFLICT REPLACE, x)");
    conn.execute("INSERT INTO u VALUES ('a', 1, 1, 1), ('b', 2, 2, 2), ('c', 3, 3, 3)");
    assertEquals(2, update("UPDATE OR REPLACE u SET w = w + 1, v = 24 WHERE k > '0'"));
    assertEquals(List.of("3|c|24|4|3"), rows("SELECT rowid, * FROM u"));
    conn.execute("DELETE FROM u");
    conn.execute("INSERT INTO u VALUES ('a', 1, 1, 1), ('b', 2, 2, 2), ('c', 3, 3, 3)");
    assertEquals(2, update("UPDATE OR REPLACE u SET w = w + 1 WHERE +k > '0'"));
    assertEquals(List.of("1|a|1|2|1", "3|c|3|4|3"), rows("SELECT rowid, * FROM u"));
  }

  @Test
  void createTable_defaultsAndChecks_validatedAsSqlite() {
    assertError("no such column: nosuch", "CREATE TABLE c(a CHECK (nosuch > 0))");
    assertError("default value of column [b] is not constant",
        "CREATE TABLE d(a, b DEFAULT (a + 1))");
    assertError("conflicting ON CONFLICT clauses specified",
        "CREATE TABLE g(a UNIQUE ON CONFLICT IGNORE, UNIQUE(a) ON CONFLICT FAIL)");
    conn.execute("CREATE TABLE e(a DEFAULT (1 + 2), b DEFAULT (-5), c DEFAULT ('x' || 'y'))");
    conn.execute("INSERT INTO e DEFAULT VALUES");
    assertEquals(List.of("3|-5|xy"), rows("SELECT * FROM e"));
    assertError("table sqlite_master may not be modified", "DELETE FROM sqlite_schema");
    assertError("table sqlite_master may not be modified", "UPDATE sqlite_master SET name = 'x'");
  }

  @Test
  void failedStatementInTransaction_undoesOnlyItself_indexesIncluded() {
    conn.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a UNIQUE, b); CREATE INDEX tb ON t(b)");
    conn.execute("INSERT INTO t VALUES (1, 'a', 'x'), (2, 'b', 'y'), (3, 'c', 'z')");
    conn.execute("BEGIN");
    conn.execute("DELETE FROM t WHERE id = 3");
    assertError("UNIQUE constraint failed: t.a", "UPDATE t SET a = 'b', b = 'moved'");
    assertError("UNIQUE constraint failed: t.id", "UPDATE t SET id = id + 1");
    assertError("UNIQUE constraint failed: t.a", "INSERT INTO t VALUES (4, 'd', 'w'), (5, 'a', 'v')");
    conn.execute("COMMIT");
    assertEquals(List.of("1|a|x", "2|b|y"), rows("SELECT * FROM t"));
    assertEquals(List.of("2"), rows("SELECT id FROM t WHERE b = 'y'"));
    assertEquals(List.of(), rows("SELECT id FROM t WHERE b = 'moved'"));
  }

  @Test
  void parameters_inDeleteAndUpdate() {
    conn.execute("CREATE TABLE t(a, b); INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, 'z')");
    try (PreparedStatement ps = conn.prepare("UPDATE t SET b = ? WHERE a = ?")) {
      assertEquals(1, ps.bind(1, "new").bind(2, 2).executeUpdate());
      assertEquals(1, ps.bind(1, "newer").bind(2, 3).executeUpdate());
    }
    try (PreparedStatement ps = conn.prepare("DELETE FROM t WHERE a = ?")) {
      assertEquals(1, ps.bind(1, 1).executeUpdate());
      assertEquals(0, ps.bind(1, 1).executeUpdate());
    }
    assertEquals(List.of("2|new", "3|newer"), rows("SELECT * FROM t"));
    assertEquals(2, conn.totalChanges() - 4);
  }
}
