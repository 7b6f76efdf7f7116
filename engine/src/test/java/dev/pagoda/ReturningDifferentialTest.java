package dev.pagoda;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * INSERT, UPDATE and DELETE ... RETURNING scripts run on Pagoda and on SQLite (sqlite-jdbc),
 * compared statement by statement (column names, rows, errors, changes()) and table by table
 * ({@link WriteScripts}): the new row of an insert or update, the old row of a delete, {@code *},
 * aliases, expressions and subqueries, upserts, triggers, and SQLite's refusals.
 */
class ReturningDifferentialTest {
  @TempDir Path dir;

  private static final String T =
      "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, qty INTEGER DEFAULT 1, price REAL)\n"
      + "INSERT INTO t VALUES (1, 'apple', 3, 0.5), (2, 'pear', 0, 1.25), (3, 'fig', 7, 2)\n";
  private static final String N = "CREATE TABLE n(a, b TEXT, c NUMERIC)\n";

  static Stream<String> scripts() {
    return Stream.of(
        // INSERT
        T + "INSERT INTO t(name) VALUES ('kiwi') RETURNING id",
        T + "INSERT INTO t(name, price) VALUES ('kiwi', 3), ('lime', NULL) RETURNING *",
        T + "INSERT INTO t VALUES (10, 'plum', 2, 1) RETURNING rowid, oid, _rowid_, id, ID",
        T + "INSERT INTO t(name) VALUES ('x') RETURNING id AS new_id, qty * 2 doubled, upper(name)",
        T + "INSERT INTO t(name, qty) VALUES ('x', 5) RETURNING t.*, t.qty + 1",
        N + "INSERT INTO n VALUES (1, 2, '3'), ('4', 5.0, 'x') RETURNING a, typeof(a), b, typeof(b), "
            + "c, typeof(c)",
        N + "INSERT INTO n(rowid, a) VALUES (7, 'r') RETURNING rowid, *",
        N + "INSERT INTO n DEFAULT VALUES RETURNING rowid, a IS NULL",
        T + "INSERT INTO t(name) SELECT name || '2' FROM t WHERE qty > 0 RETURNING id, name",
        T + "INSERT INTO t(name) VALUES ('a') RETURNING (SELECT count(*) FROM t), "
            + "(SELECT max(id) FROM t)",
        T + "INSERT INTO t AS x(name) VALUES ('q') RETURNING x.id, x.name",
        T + "INSERT INTO t VALUES (1, 'dup', 0, 0) RETURNING id\nSELECT * FROM t",
        T + "INSERT OR IGNORE INTO t VALUES (1, 'dup', 0, 0), (4, 'new', 0, 0) RETURNING id, name",
        T + "INSERT OR REPLACE INTO t VALUES (1, 'dup', 0, 0) RETURNING *",
        T + "INSERT INTO t(name) VALUES ('k') RETURNING id, last_insert_rowid(), changes()",
        // UPSERT with RETURNING: the inserted and the updated rows, not the skipped ones
        T + "INSERT INTO t VALUES (1, 'a', 1, 1), (9, 'b', 1, 1) ON CONFLICT (id) DO UPDATE SET "
            + "qty = qty + excluded.qty RETURNING id, name, qty",
        T + "INSERT INTO t VALUES (1, 'a', 1, 1), (8, 'b', 1, 1) ON CONFLICT DO NOTHING RETURNING *",
        T + "INSERT INTO t VALUES (2, 'a', 1, 1) ON CONFLICT (id) DO UPDATE SET qty = 100 "
            + "WHERE qty > 5 RETURNING *",
        // UPDATE
        T + "UPDATE t SET qty = qty + 1 WHERE id > 1 RETURNING id, qty",
        T + "UPDATE t SET id = id + 10 RETURNING rowid, id, name",
        T + "UPDATE t SET name = NULL WHERE id = 99 RETURNING *",
        T + "UPDATE t AS u SET price = price * 2 WHERE u.qty > 0 RETURNING u.price, price > 1 big",
        T + "UPDATE t SET qty = (SELECT max(qty) FROM t) RETURNING qty, (SELECT sum(qty) FROM t)",
        T + "UPDATE OR IGNORE t SET id = 3 WHERE id = 1 RETURNING *",
        T + "UPDATE t SET id = 3 WHERE id = 1 RETURNING *\nSELECT * FROM t",
        // DELETE: the old row
        T + "DELETE FROM t WHERE qty = 0 RETURNING *",
        T + "DELETE FROM t RETURNING id, name || '!' AS gone, rowid",
        T + "DELETE FROM t WHERE id = 42 RETURNING id",
        T + "DELETE FROM t WHERE id < 3 RETURNING (SELECT count(*) FROM t) AS left_now",
        // triggers do not change what RETURNING gives; their rows are not returned
        T + "CREATE TABLE log(e)\nCREATE TRIGGER ai AFTER INSERT ON t BEGIN "
            + "UPDATE t SET qty = 999 WHERE id = new.id; INSERT INTO log VALUES (new.id); END\n"
            + "INSERT INTO t(name, qty) VALUES ('w', 4), ('v', 5) RETURNING id, qty\n"
            + "SELECT * FROM log\nSELECT changes()",
        T + "CREATE TABLE log(e)\nCREATE TRIGGER bd BEFORE DELETE ON t BEGIN "
            + "INSERT INTO log VALUES (old.name); END\nDELETE FROM t WHERE id <> 2 RETURNING name\n"
            + "SELECT * FROM log",
        T + "CREATE TRIGGER bu BEFORE UPDATE ON t WHEN new.qty > 5 BEGIN "
            + "SELECT RAISE(IGNORE); END\nUPDATE t SET qty = qty + 3 RETURNING id, qty",
        // refusals
        T + "INSERT INTO t(name) VALUES ('a') RETURNING count(*)",
        T + "UPDATE t SET qty = 1 RETURNING sum(qty) OVER ()",
        T + "DELETE FROM t RETURNING max(id)",
        T + "DELETE FROM t RETURNING nope",
        T + "UPDATE t SET qty = 1 RETURNING other.qty",
        T + "INSERT INTO t(name) VALUES ('a') RETURNING other.*",
        T + "CREATE TABLE log(e)\nCREATE TRIGGER tr AFTER INSERT ON t BEGIN "
            + "INSERT INTO log VALUES (1) RETURNING e; END",
        // constraint failures undo the statement and return nothing
        "CREATE TABLE c(a INTEGER PRIMARY KEY, b CHECK (b > 0))\nINSERT INTO c VALUES (1, 1)\n"
            + "INSERT INTO c VALUES (2, 2), (3, -1) RETURNING a\nUPDATE c SET b = b - 1 RETURNING *\n"
            + "SELECT * FROM c",
        // in a transaction
        T + "BEGIN\nDELETE FROM t WHERE id = 1 RETURNING name\nINSERT INTO t(name) VALUES ('z') "
            + "RETURNING id\nROLLBACK\nSELECT count(*) FROM t");
  }

  @ParameterizedTest
  @MethodSource("scripts")
  void sameOutcomes(String script) throws Exception {
    WriteScripts.compare(dir, script.lines().filter(l -> !l.isBlank()).toList());
  }
}
