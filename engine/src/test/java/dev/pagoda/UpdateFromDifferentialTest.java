package dev.pagoda;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code UPDATE ... FROM} against SQLite: scripts compared statement by statement (change counts,
 * rows, errors) and then table by table. Where several joined rows match one target row SQLite
 * picks an arbitrary one, so those scripts only use matches that agree on the new values.
 */
class UpdateFromDifferentialTest {
  @TempDir Path dir;

  private static final String TU = "CREATE TABLE t(id INTEGER PRIMARY KEY, a, b TEXT)\n"
      + "INSERT INTO t VALUES (1, 10, 'x'), (2, 20, 'y'), (3, 30, 'z'), (4, NULL, 'w')\n"
      + "CREATE TABLE u(k, v)\n"
      + "INSERT INTO u VALUES (1, 100), (2, 200), (5, 500), (NULL, 0)\n";
  private static final String ALL = "SELECT * FROM t ORDER BY id";

  static Stream<String> scripts() {
    return Stream.of(
        // a plain join on the rowid, on a column, with the target aliased
        TU + "UPDATE t SET a = u.v FROM u WHERE u.k = t.id\n" + ALL,
        TU + "UPDATE t SET a = v FROM u WHERE k = id\n" + ALL,
        TU + "UPDATE t AS x SET b = x.b || u.v FROM u WHERE u.k = x.id AND u.v > 100\n" + ALL,
        TU + "UPDATE t SET a = u.v, b = 'from ' || u.k FROM u WHERE t.id = u.k + 1\n" + ALL,
        // no match: nothing changes, and the change count is 0
        TU + "UPDATE t SET a = -1 FROM u WHERE u.k = t.id + 100\n" + ALL,
        // a FROM without WHERE: every row, with the same values from every match
        TU + "UPDATE t SET b = 'all' FROM u\n" + ALL,
        TU + "UPDATE t SET a = m FROM (SELECT max(v) AS m FROM u)\n" + ALL,
        // several matches that agree
        TU + "CREATE TABLE w(id, tag)\nINSERT INTO w VALUES (1, 'p'), (1, 'p'), (2, 'q'), (2, 'q')\n"
            + "UPDATE t SET b = w.tag FROM w WHERE w.id = t.id\n" + ALL,
        TU + "UPDATE t SET a = a + 1 FROM u WHERE u.v >= 100\n" + ALL,
        // subqueries in FROM, aggregates, GROUP BY
        TU + "INSERT INTO u VALUES (1, 1), (2, 2)\n"
            + "UPDATE t SET a = s.total FROM (SELECT k, sum(v) AS total FROM u GROUP BY k) AS s "
            + "WHERE s.k = t.id\n" + ALL,
        TU + "UPDATE t SET a = c.n FROM (SELECT count(*) AS n FROM u WHERE k IS NOT NULL) c "
            + "WHERE t.id <= 2\n" + ALL,
        TU + "UPDATE t SET b = q.b2 FROM (SELECT id AS i, upper(b) AS b2 FROM t) AS q "
            + "WHERE q.i = t.id + 1\n" + ALL,
        // a CTE in FROM
        TU + "WITH c(i, val) AS (SELECT k, v * 2 FROM u WHERE k IS NOT NULL) "
            + "UPDATE t SET a = c.val FROM c WHERE c.i = t.id\n" + ALL,
        TU + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) "
            + "UPDATE t SET a = n.i * 1000 FROM n WHERE n.i = t.id\n" + ALL,
        // joins inside FROM, LEFT JOIN, the target aliased and named again in FROM
        TU + "CREATE TABLE w(k, tag)\nINSERT INTO w VALUES (1, 'one'), (5, 'five')\n"
            + "UPDATE t SET b = u.v || coalesce(w.tag, '-') FROM u LEFT JOIN w ON w.k = u.k "
            + "WHERE u.k = t.id\n" + ALL,
        TU + "CREATE TABLE w(k, tag)\nINSERT INTO w VALUES (1, 'one'), (2, 'two')\n"
            + "UPDATE t SET b = w.tag FROM u JOIN w USING (k) WHERE k = t.id\n" + ALL,
        TU + "UPDATE t AS x SET a = t.a * 2 FROM t WHERE t.id = x.id + 1\n" + ALL,
        TU + "UPDATE t SET a = y.a FROM t AS y WHERE y.id = 5 - t.id\n" + ALL,
        // WHERE with target-only and FROM-only terms, IN, OR, NULL matching
        TU + "UPDATE t SET a = u.v FROM u WHERE u.k = t.id AND t.b IN ('x', 'z') AND u.v < 400\n"
            + ALL,
        TU + "UPDATE t SET b = 'n' FROM u WHERE u.k IS t.a\n" + ALL,
        TU + "UPDATE t SET a = u.v FROM u WHERE u.k = t.id OR (t.id = 4 AND u.k IS NULL)\n" + ALL,
        // assigning the rowid, row values, OR REPLACE with a UNIQUE index on the target
        TU + "UPDATE t SET id = t.id + u.v FROM u WHERE u.k = t.id\n" + ALL,
        TU + "UPDATE t SET (a, b) = (u.v, u.k) FROM u WHERE u.k = t.id\n" + ALL,
        "CREATE TABLE t(id INTEGER PRIMARY KEY, a UNIQUE)\nINSERT INTO t VALUES (1, 1), (2, 2)\n"
            + "CREATE TABLE u(k, v)\nINSERT INTO u VALUES (1, 2)\n"
            + "UPDATE t SET a = u.v FROM u WHERE u.k = t.id\nUPDATE OR REPLACE t SET a = u.v FROM u "
            + "WHERE u.k = t.id\n" + ALL,
        // indexes on the target, used by the join
        TU + "CREATE INDEX ta ON t(a)\nCREATE UNIQUE INDEX tb ON t(b)\n"
            + "UPDATE t SET a = u.v FROM u WHERE t.a = u.k * 10\nSELECT id, a FROM t WHERE a > 50 "
            + "ORDER BY a\nUPDATE t SET b = u.k FROM u WHERE t.a = u.v AND u.k IS NOT NULL\n"
            + "SELECT b FROM t INDEXED BY tb WHERE b > '' ORDER BY b\nPRAGMA integrity_check",
        TU + "CREATE INDEX uk ON u(k)\nUPDATE t SET a = u.v FROM u WHERE u.k = t.id\n" + ALL,
        // triggers fire once per updated row
        TU + "CREATE TABLE log(what)\nCREATE TRIGGER tr AFTER UPDATE ON t BEGIN "
            + "INSERT INTO log VALUES (old.a || '->' || new.a); END\n"
            + "UPDATE t SET a = u.v FROM u WHERE u.k = t.id\nSELECT * FROM log ORDER BY what",
        TU + "CREATE TABLE log(what)\nCREATE TRIGGER tr BEFORE UPDATE OF a ON t "
            + "WHEN new.a > 150 BEGIN INSERT INTO log VALUES (new.id); END\n"
            + "UPDATE t SET a = u.v FROM u WHERE u.k = t.id\nSELECT * FROM log\n" + ALL,
        // UPDATE FROM inside a trigger, reading NEW
        TU + "CREATE TABLE src(k, v)\nCREATE TRIGGER tr AFTER INSERT ON src BEGIN "
            + "UPDATE t SET a = s.v FROM src AS s WHERE s.k = t.id AND s.k = new.k; END\n"
            + "INSERT INTO src VALUES (2, 'two'), (3, 'three')\n" + ALL,
        // constraints, change counts inside a transaction, rollback
        "CREATE TABLE t(id INTEGER PRIMARY KEY, a NOT NULL CHECK (a > 0))\n"
            + "INSERT INTO t VALUES (1, 1), (2, 2)\nCREATE TABLE u(k, v)\n"
            + "INSERT INTO u VALUES (1, 5), (2, NULL)\nUPDATE t SET a = u.v FROM u WHERE u.k = t.id\n"
            + "UPDATE OR IGNORE t SET a = u.v FROM u WHERE u.k = t.id\n"
            + "UPDATE t SET a = -u.v FROM u WHERE u.k = t.id AND u.v IS NOT NULL\n" + ALL,
        TU + "BEGIN\nUPDATE t SET a = 0 FROM u WHERE u.k = t.id\nSELECT changes()\n" + ALL
            + "\nROLLBACK\n" + ALL,
        // SQLite's errors
        TU + "UPDATE t SET a = 1 FROM t",
        TU + "UPDATE t SET a = 1 FROM u, T",
        TU + "UPDATE t SET a = 1 FROM u JOIN t ON 1",
        TU + "UPDATE t SET a = u.v FROM u JOIN u AS u2 ON u2.k = t.id",
        TU + "UPDATE t SET a = nope.v FROM u",
        TU + "UPDATE t SET a = 1 FROM missing",
        TU + "CREATE TABLE w(id)\nUPDATE t SET a = 1 FROM w WHERE id = 1");
  }

  @ParameterizedTest
  @MethodSource("scripts")
  void sameOutcomes(String script) throws Exception {
    ScriptComparison.compare(dir, script);
  }
}
