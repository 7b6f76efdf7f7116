package dev.pagoda;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * INSERT ... ON CONFLICT (UPSERT) scripts run on Pagoda and on SQLite (sqlite-jdbc), compared
 * statement by statement and table by table ({@link WriteScripts}): targets on the rowid, UNIQUE
 * constraints and indexes (partial ones with their WHERE), several clauses tried in order, the
 * excluded row, DO UPDATE's WHERE, triggers, foreign keys, changes() and SQLite's errors.
 */
class UpsertDifferentialTest {
  @TempDir Path dir;

  private static final String KV =
      "CREATE TABLE kv(k TEXT PRIMARY KEY, v INTEGER, n INTEGER DEFAULT 0)\n"
      + "INSERT INTO kv VALUES ('a', 1, 0), ('b', 2, 0)\n";
  private static final String T =
      "CREATE TABLE t(id INTEGER PRIMARY KEY, u TEXT UNIQUE, w, x)\n"
      + "INSERT INTO t VALUES (1, 'one', 10, 0), (2, 'two', 20, 0)\n";

  static Stream<String> scripts() {
    return Stream.of(
        // DO NOTHING on each kind of target, and without one
        KV + "INSERT INTO kv VALUES ('a', 9, 9) ON CONFLICT (k) DO NOTHING\nSELECT * FROM kv",
        KV + "INSERT INTO kv VALUES ('a', 9, 9), ('c', 3, 3) ON CONFLICT DO NOTHING\n"
            + "SELECT * FROM kv",
        T + "INSERT INTO t VALUES (1, 'new', 0, 0) ON CONFLICT (id) DO NOTHING\n"
            + "INSERT INTO t VALUES (1, 'new', 0, 0) ON CONFLICT (rowid) DO NOTHING\n"
            + "INSERT INTO t VALUES (1, 'new', 0, 0) ON CONFLICT (u) DO NOTHING",
        T + "INSERT INTO t VALUES (3, 'one', 0, 0) ON CONFLICT (u) DO NOTHING\n"
            + "INSERT INTO t VALUES (3, 'one', 0, 0) ON CONFLICT (id) DO NOTHING\nSELECT * FROM t",
        // DO UPDATE with excluded
        KV + "INSERT INTO kv VALUES ('a', 5, 0) ON CONFLICT (k) DO UPDATE SET v = v + excluded.v, "
            + "n = n + 1\nINSERT INTO kv VALUES ('z', 5, 0) ON CONFLICT (k) DO UPDATE SET v = 0\n"
            + "SELECT * FROM kv",
        KV + "INSERT INTO kv(k, v) VALUES ('a', 7), ('a', 8), ('b', 1), ('c', 1), ('c', 4) "
            + "ON CONFLICT (k) DO UPDATE SET v = kv.v * 10 + excluded.v, n = n + 1\n"
            + "SELECT * FROM kv",
        KV + "INSERT INTO kv AS old VALUES ('b', 3, 0) ON CONFLICT (k) DO UPDATE "
            + "SET v = old.v + excluded.v\nSELECT * FROM kv",
        T + "INSERT INTO t VALUES (1, 'x', 1, 1) ON CONFLICT (id) DO UPDATE SET u = excluded.u, "
            + "x = excluded.rowid\nSELECT * FROM t",
        T + "INSERT INTO t(u, w) VALUES ('two', 99) ON CONFLICT (u) DO UPDATE SET w = excluded.w, "
            + "x = excluded.id IS NULL\nSELECT * FROM t",
        // DO UPDATE ... WHERE
        KV + "INSERT INTO kv VALUES ('a', 5, 0) ON CONFLICT (k) DO UPDATE SET v = excluded.v "
            + "WHERE excluded.v > kv.v\nINSERT INTO kv VALUES ('a', 2, 0) ON CONFLICT (k) DO "
            + "UPDATE SET v = excluded.v WHERE excluded.v > kv.v\nSELECT * FROM kv",
        KV + "INSERT INTO kv VALUES ('b', 5, 0) ON CONFLICT (k) DO UPDATE SET v = 0 WHERE NULL\n"
            + "SELECT * FROM kv",
        // several clauses, tried in order; the last without a target
        T + "INSERT INTO t VALUES (1, 'two', 0, 0) ON CONFLICT (u) DO UPDATE SET x = 'by u' "
            + "ON CONFLICT (id) DO UPDATE SET x = 'by id'\nSELECT * FROM t",
        T + "INSERT INTO t VALUES (1, 'two', 0, 0) ON CONFLICT (id) DO UPDATE SET x = 'by id' "
            + "ON CONFLICT (u) DO UPDATE SET x = 'by u'\nSELECT * FROM t",
        T + "INSERT INTO t VALUES (5, 'one', 0, 0) ON CONFLICT (id) DO NOTHING "
            + "ON CONFLICT DO UPDATE SET x = 'any'\nSELECT * FROM t",
        T + "INSERT INTO t VALUES (2, 'nine', 0, 0) ON CONFLICT (u) DO NOTHING "
            + "ON CONFLICT DO UPDATE SET x = 'any'\nSELECT * FROM t",
        T + "INSERT INTO t VALUES (2, 'one', 0, 0) ON CONFLICT DO UPDATE SET x = x + 1\n"
            + "SELECT * FROM t",
        // a conflict on a constraint no clause names
        T + "INSERT INTO t VALUES (1, 'two', 0, 0) ON CONFLICT (id) DO NOTHING\n"
            + "INSERT INTO t VALUES (7, 'two', 0, 0) ON CONFLICT (id) DO NOTHING\nSELECT * FROM t",
        T + "INSERT OR IGNORE INTO t VALUES (7, 'two', 0, 0) ON CONFLICT (id) DO NOTHING\n"
            + "INSERT OR REPLACE INTO t VALUES (8, 'two', 0, 0) ON CONFLICT (id) DO NOTHING\n"
            + "SELECT * FROM t",
        // the DO UPDATE itself breaks a constraint
        T + "INSERT INTO t VALUES (1, 'z', 0, 0) ON CONFLICT (id) DO UPDATE SET u = 'two'\n"
            + "SELECT * FROM t",
        T + "INSERT INTO t VALUES (1, 'z', 0, 0) ON CONFLICT (id) DO UPDATE SET id = 2\n"
            + "INSERT INTO t VALUES (1, 'z', 0, 0) ON CONFLICT (id) DO UPDATE SET id = 5\n"
            + "SELECT * FROM t",
        "CREATE TABLE c(a INTEGER PRIMARY KEY, b NOT NULL, CHECK (b > 0))\nINSERT INTO c VALUES (1, 1)\n"
            + "INSERT INTO c VALUES (1, 5) ON CONFLICT (a) DO UPDATE SET b = -1\n"
            + "INSERT INTO c VALUES (1, 5) ON CONFLICT (a) DO UPDATE SET b = NULL\n"
            + "INSERT INTO c VALUES (1, NULL) ON CONFLICT (a) DO UPDATE SET b = 2\n"
            + "INSERT INTO c VALUES (1, 5) ON CONFLICT (a) DO UPDATE SET b = excluded.b\nSELECT * FROM c",
        // composite keys, column order in the target, partial indexes
        "CREATE TABLE m(a, b, c, UNIQUE (a, b))\nINSERT INTO m VALUES (1, 1, 'x')\n"
            + "INSERT INTO m VALUES (1, 1, 'y') ON CONFLICT (b, a) DO UPDATE SET c = excluded.c\n"
            + "INSERT INTO m VALUES (1, 2, 'z') ON CONFLICT (a, b) DO UPDATE SET c = 'no'\n"
            + "INSERT INTO m VALUES (1, 1, 'w') ON CONFLICT (a) DO NOTHING\nSELECT * FROM m",
        "CREATE TABLE p(a, b)\nCREATE UNIQUE INDEX pa ON p(a) WHERE b > 0\n"
            + "INSERT INTO p VALUES (1, 1), (1, 0)\n"
            + "INSERT INTO p VALUES (1, 5) ON CONFLICT (a) DO NOTHING\n"
            + "INSERT INTO p VALUES (1, 5) ON CONFLICT (a) WHERE b > 0 DO UPDATE SET b = b + 10\n"
            + "INSERT INTO p VALUES (1, -5) ON CONFLICT (a) WHERE b > 0 DO UPDATE SET b = 99\n"
            + "SELECT * FROM p ORDER BY rowid",
        "CREATE TABLE q(a, b)\nCREATE UNIQUE INDEX qa ON q(a)\nCREATE INDEX qb ON q(b)\n"
            + "INSERT INTO q VALUES ('k', 1)\nINSERT INTO q VALUES ('k', 2) ON CONFLICT (a) DO UPDATE "
            + "SET b = excluded.b * 100\nINSERT INTO q VALUES ('k', 2) ON CONFLICT (b) DO NOTHING\n"
            + "SELECT * FROM q WHERE b = 200",
        "CREATE TABLE r(a TEXT COLLATE NOCASE UNIQUE, b)\nINSERT INTO r VALUES ('Abc', 1)\n"
            + "INSERT INTO r VALUES ('aBC', 2) ON CONFLICT (a) DO UPDATE SET b = excluded.b, a = excluded.a\n"
            + "SELECT * FROM r",
        // errors
        T + "INSERT INTO t VALUES (1, 'z', 0, 0) ON CONFLICT (w) DO NOTHING",
        T + "INSERT INTO t VALUES (1, 'z', 0, 0) ON CONFLICT (u, w) DO NOTHING",
        T + "INSERT INTO t VALUES (1, 'z', 0, 0) ON CONFLICT (nope) DO NOTHING",
        T + "INSERT INTO t VALUES (1, 'z', 0, 0) ON CONFLICT (id) DO UPDATE SET nope = 1",
        T + "INSERT INTO t VALUES (1, 'z', 0, 0) ON CONFLICT (id) DO UPDATE SET w = count(*)",
        T + "INSERT INTO t VALUES (1, 'z', 0, 0) ON CONFLICT (id) DO UPDATE SET w = excluded.nope",
        // INSERT ... SELECT
        KV + "INSERT INTO kv SELECT k, v * 100, 0 FROM kv WHERE true ON CONFLICT (k) DO UPDATE "
            + "SET n = excluded.v\nSELECT * FROM kv",
        KV + "CREATE TABLE src(k, v)\nINSERT INTO src VALUES ('a', 1), ('x', 2), ('x', 3)\n"
            + "INSERT INTO kv(k, v) SELECT k, v FROM src WHERE true ON CONFLICT DO UPDATE SET v = v + 1000\n"
            + "SELECT * FROM kv",
        // triggers: UPDATE triggers fire for DO UPDATE, INSERT triggers for the row that is inserted
        KV + "CREATE TABLE log(e)\n"
            + "CREATE TRIGGER bi BEFORE INSERT ON kv BEGIN INSERT INTO log VALUES ('bi ' || new.k); END\n"
            + "CREATE TRIGGER ai AFTER INSERT ON kv BEGIN INSERT INTO log VALUES ('ai ' || new.k); END\n"
            + "CREATE TRIGGER au AFTER UPDATE ON kv BEGIN INSERT INTO log VALUES "
            + "('au ' || old.v || '>' || new.v); END\n"
            + "INSERT INTO kv VALUES ('a', 5, 0), ('q', 1, 0) ON CONFLICT (k) DO UPDATE SET v = 50\n"
            + "INSERT INTO kv VALUES ('b', 5, 0) ON CONFLICT DO NOTHING\n"
            + "SELECT changes()\nSELECT * FROM log ORDER BY rowid",
        KV + "CREATE TRIGGER bu BEFORE UPDATE ON kv WHEN new.v > 100 BEGIN "
            + "SELECT RAISE(ABORT, 'too big'); END\n"
            + "INSERT INTO kv VALUES ('a', 500, 0) ON CONFLICT (k) DO UPDATE SET v = excluded.v\n"
            + "INSERT INTO kv VALUES ('a', 50, 0) ON CONFLICT (k) DO UPDATE SET v = excluded.v\nSELECT * FROM kv",
        KV + "CREATE TABLE other(k PRIMARY KEY, c)\n"
            + "CREATE TRIGGER t1 AFTER DELETE ON other BEGIN INSERT INTO kv VALUES (old.k, 1, 0) "
            + "ON CONFLICT (k) DO UPDATE SET n = n + 1; END\n"
            + "INSERT INTO other VALUES ('a', 1), ('b', 2), ('m', 3)\nDELETE FROM other\nSELECT * FROM kv",
        // foreign keys apply to the DO UPDATE
        "PRAGMA foreign_keys = ON\nCREATE TABLE pa(id INTEGER PRIMARY KEY)\n"
            + "CREATE TABLE ch(id INTEGER PRIMARY KEY, pid REFERENCES pa)\nINSERT INTO pa VALUES (1), (2)\n"
            + "INSERT INTO ch VALUES (1, 1)\nINSERT INTO ch VALUES (1, 2) ON CONFLICT (id) DO UPDATE "
            + "SET pid = excluded.pid\nINSERT INTO ch VALUES (1, 9) ON CONFLICT (id) DO UPDATE "
            + "SET pid = excluded.pid\nSELECT * FROM ch",
        // changes() inside a transaction, in a counter
        "CREATE TABLE cnt(name TEXT PRIMARY KEY, hits INTEGER NOT NULL DEFAULT 1)\nBEGIN\n"
            + "INSERT INTO cnt(name) VALUES ('x') ON CONFLICT (name) DO UPDATE SET hits = hits + 1\n"
            + "INSERT INTO cnt(name) VALUES ('x') ON CONFLICT (name) DO UPDATE SET hits = hits + 1\n"
            + "INSERT INTO cnt(name) VALUES ('y'), ('x'), ('y') ON CONFLICT (name) DO UPDATE "
            + "SET hits = hits + 1\nCOMMIT\nSELECT * FROM cnt ORDER BY name",
        // a rowid table without an INTEGER PRIMARY KEY, and a subquery in the SET
        "CREATE TABLE s(a UNIQUE, b)\nINSERT INTO s VALUES (1, 'p')\n"
            + "INSERT INTO s(rowid, a, b) VALUES (1, 2, 'q') ON CONFLICT (rowid) DO UPDATE SET "
            + "b = (SELECT count(*) FROM s) || excluded.b\nSELECT rowid, * FROM s",
        // an upsert in a trigger program: DO UPDATE reads both excluded and the trigger's NEW
        KV + "CREATE TABLE ev(k, d)\nCREATE TRIGGER tally AFTER INSERT ON ev BEGIN "
            + "INSERT INTO kv(k, v) VALUES (new.k, new.d) ON CONFLICT (k) DO UPDATE "
            + "SET v = v + excluded.v, n = new.d * 100 WHERE new.d > 0; END\n"
            + "INSERT INTO ev VALUES ('a', 5), ('c', 1), ('a', -2), ('c', 2)\nSELECT changes()\n"
            + "SELECT * FROM kv");
  }

  /** Random upserts on a table with a rowid alias and two UNIQUE constraints. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void randomUpserts(long seed) throws Exception {
    Random random = new Random(seed);
    List<String> script = new ArrayList<>(List.of(
        "CREATE TABLE r(id INTEGER PRIMARY KEY, a UNIQUE, b, c, UNIQUE (b, c))",
        "CREATE TABLE log(e)",
        "CREATE TRIGGER ru AFTER UPDATE ON r BEGIN INSERT INTO log VALUES (new.id); END"));
    String[] targets = {"(id)", "(a)", "(c, b)"};
    for (int i = 0; i < 80; i++) {
      String row = "(" + (random.nextInt(4) == 0 ? "NULL" : random.nextInt(10)) + ", "
          + random.nextInt(8) + ", " + random.nextInt(3) + ", " + random.nextInt(3) + ")";
      StringBuilder sql = new StringBuilder("INSERT INTO r VALUES " + row);
      // each target at most once: SQLite's answers for a repeated target are its own quirk
      List<String> left = new ArrayList<>(List.of(targets).subList(0, 3));
      java.util.Collections.shuffle(left, random);
      int clauses = 1 + random.nextInt(3);
      for (int c = 0; c < clauses; c++) {
        String target = c == clauses - 1 && random.nextBoolean() ? "" : left.get(c);
        sql.append(" ON CONFLICT ").append(target).append(switch (random.nextInt(4)) {
          case 0 -> " DO NOTHING";
          case 1 -> " DO UPDATE SET a = excluded.a";
          case 2 -> " DO UPDATE SET b = b + 1, c = excluded.c WHERE excluded.a > 2";
          default -> " DO UPDATE SET id = excluded.a + 20";
        });
      }
      script.add(sql.toString());
    }
    WriteScripts.compare(dir, script);
  }

  @ParameterizedTest
  @MethodSource("scripts")
  void sameOutcomes(String script) throws Exception {
    WriteScripts.compare(dir, script.lines().filter(l -> !l.isBlank()).toList());
  }
}
