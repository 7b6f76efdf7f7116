package dev.pagoda;

import org.junit.jupiter.api.Test;

/** json_each and json_tree in FROM against sqlite-jdbc: scans, joins, hidden columns, errors. */
class JsonEachFromDifferentialTest {
  private static final String[] QUERIES = {
    "SELECT key, value FROM json_each('[1,2]')",
    "SELECT * FROM json_each('[1,2]')",
    "SELECT * FROM json_each('{\"a\":1,\"b\":[2,3]}')",
    "SELECT json, root FROM json_each('[1,2]')",
    "SELECT json, root FROM json_each('{\"a\":[1,2]}', '$.a')",
    "SELECT j.* FROM json_each('[1]') j",
    "SELECT json_each.value FROM json_each('[1,2]')",
    "SELECT * FROM json_each()",
    "SELECT * FROM json_each(NULL)",
    "SELECT * FROM json_each('[1]', NULL)",
    "SELECT * FROM json_each('[1]','$','x')",
    "SELECT * FROM json_tree('{\"a\":1}','$','$')",
    "SELECT * FROM nosuch(1)",
    "SELECT * FROM t(1)",
    "WITH c AS (SELECT 1) SELECT * FROM c(1)",
    "SELECT * FROM json_each(max(1))",
    "SELECT * FROM json_each('[1,2]') WHERE json = '[1,2]'",
    "SELECT value FROM json_each('[1,2,3]') WHERE value > 1",
    "SELECT t.id, j.value FROM t, json_each(t.doc) AS j WHERE j.value > 1",
    "SELECT t.id, j.value FROM t, json_each(t.doc) AS j WHERE j.value = 2",
    "SELECT t.id, j.value FROM t JOIN json_each(t.doc) AS j ON j.key = t.id - 1",
    "SELECT t.id, j.value FROM t LEFT JOIN json_each(t.doc) AS j",
    "SELECT t.id, j.value FROM t LEFT JOIN json_each(t.doc) AS j ON j.value > 1",
    "SELECT t.id, j.value FROM t LEFT JOIN json_each(t.doc) AS j WHERE j.value IS NULL",
    "SELECT t.id, j.value FROM json_each('[1,2,5]') AS j, t WHERE t.id = j.value",
    "SELECT t.id, j.value FROM t, json_each('[1,2]') AS j",
    "SELECT j.value, k.value FROM json_each('[[1,2],[3]]') AS j, json_each(j.value) AS k",
    "SELECT j.value, k.value FROM json_each('[[1,2],[3]]') AS j"
        + " LEFT JOIN json_each(j.value) AS k ON k.value > 1",
    "SELECT (SELECT count(*) FROM json_each(t.doc)) FROM t",
    "SELECT * FROM t WHERE id IN (SELECT value FROM json_each('[1,3]'))",
    "WITH x AS (SELECT value FROM json_each('[4,5]')) SELECT * FROM x",
    "SELECT * FROM (SELECT * FROM json_each('[1]'))",
    "SELECT key FROM json_each('[1,2]') NATURAL JOIN t",
    "SELECT a.value FROM json_each('[7,8]') AS a JOIN json_each('[8]') AS b USING (json)",
    "SELECT * FROM json_each('[7,8]') AS a NATURAL JOIN json_each('[8]') AS b",
    "SELECT fullkey, type FROM json_tree('{\"a\":[1,{\"b\":2}]}')",
    "SELECT t.id, j.fullkey FROM t, json_tree(t.doc) AS j WHERE j.atom IS NOT NULL",
    "SELECT count(*), sum(j.value) FROM t, json_each(t.doc) AS j GROUP BY t.id",
    "SELECT t.id, j.value FROM json_each(t.doc) AS j, t",
    "SELECT t.id, j.value FROM json_each(t.doc) AS j JOIN t ON t.id < 3",
    "SELECT a.value FROM json_each(b.value) AS a, json_each(a.value) AS b",
    "SELECT t.id, j.value FROM (SELECT 1) LEFT JOIN json_each(t.doc) AS j JOIN t",
    "SELECT t.id, j.value FROM t AS u JOIN t USING (id), json_each(doc) AS j",
  };

  @Test
  void jsonEachInFrom_matchesSqlite() throws Exception {
    try (Differential d = new Differential(
        "CREATE TABLE t(id INTEGER PRIMARY KEY, doc)",
        "INSERT INTO t VALUES (1, '[1,2,3]'), (2, '[5]'), (3, NULL), (4, '[]')")) {
      StringBuilder diffs = new StringBuilder();
      for (String sql : QUERIES) {
        String e = d.sqliteResult(sql);
        String a = d.pagodaResult(sql);
        if (!e.equals(a)) {
          diffs.append(sql).append("\n  sqlite: ").append(e).append("\n  pagoda: ").append(a)
              .append('\n');
        }
      }
      org.junit.jupiter.api.Assertions.assertEquals("", diffs.toString());
    }
  }
}
