package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.executor.MemoryBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sorts, grouping, DISTINCT and compound SELECTs under a tiny memory budget: they spill sorted
 * runs to temporary files, give exactly the rows (in the same order) they give in memory, agree
 * with sqlite-jdbc, and leave no file behind.
 */
class SpillTest {
  private static Differential d;
  @TempDir static Path temp;

  @BeforeAll
  static void open() throws SQLException {
    d = new Differential(
        "CREATE TABLE big(a INTEGER, b TEXT, c)",
        "INSERT INTO big SELECT CASE WHEN i % 97 = 0 THEN NULL ELSE (i * 7919) % 1009 END,"
            + " CASE WHEN i % 89 = 0 THEN NULL ELSE 'v' || ((i * 31) % 211) END,"
            + " CASE i % 4 WHEN 0 THEN i * 0.5 WHEN 1 THEN 'c' || (i % 13) WHEN 2 THEN NULL"
            + " ELSE x'01' END FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL"
            + " SELECT i + 1 FROM n WHERE i < 3000) SELECT i FROM n)",
        "CREATE TABLE small(k INTEGER, label TEXT)",
        "INSERT INTO small VALUES (1, 'one'), (2, 'two'), (3, NULL), (4, 'four')");
  }

  @AfterAll
  static void close() throws SQLException {
    MemoryBudget.setBytes(MemoryBudget.DEFAULT_BYTES);
    d.close();
  }

  static Stream<String> queries() {
    return Stream.of(
        "SELECT a, b FROM big ORDER BY b, a",
        "SELECT a, b, c FROM big ORDER BY a DESC NULLS FIRST, b LIMIT 50 OFFSET 700",
        "SELECT rowid, b FROM big ORDER BY b DESC, rowid",
        "SELECT a % 7, count(*), sum(a), group_concat(b), min(c), max(b) FROM big GROUP BY 1",
        "SELECT b, count(DISTINCT a), total(a) FROM big GROUP BY b",
        "SELECT b, max(a), c FROM big GROUP BY b",
        "SELECT a, b, count(*) FROM big GROUP BY a, b HAVING count(*) > 1",
        "SELECT count(*), count(a), sum(a) FROM big",
        "SELECT DISTINCT a % 100, b FROM big ORDER BY 2, 1",
        "SELECT DISTINCT b FROM big ORDER BY b DESC",
        "SELECT DISTINCT a FROM big",
        "SELECT a FROM big UNION SELECT a * 2 FROM big",
        "SELECT a, b FROM big INTERSECT SELECT a, b FROM big WHERE a > 500",
        "SELECT b FROM big EXCEPT SELECT b FROM big WHERE a < 300",
        "SELECT a FROM big UNION SELECT k FROM small ORDER BY 1 DESC",
        "SELECT small.label, big.b FROM small JOIN big ON big.a % 4 = small.k ORDER BY 1, 2",
        "SELECT label, (SELECT count(*) FROM (SELECT b FROM big WHERE a > k ORDER BY b))"
            + " FROM small");
  }

  @ParameterizedTest
  @MethodSource("queries")
  void sameRowsWhenSpilling(String sql) throws IOException {
    MemoryBudget.setBytes(MemoryBudget.DEFAULT_BYTES);
    String inMemory = d.pagodaResult(sql);
    Path previous = MemoryBudget.tempDirectory();
    MemoryBudget.setTempDirectory(temp);
    MemoryBudget.setBytes(4096);
    long runs = MemoryBudget.runsWritten();
    String spilled;
    try {
      spilled = d.pagodaResult(sql);
    } finally {
      MemoryBudget.setBytes(MemoryBudget.DEFAULT_BYTES);
      MemoryBudget.setTempDirectory(previous);
    }
    assertEquals(inMemory, spilled, sql);
    assertEquals(d.sqliteResult(sql), spilled, sql);
    // A DISTINCT that no sort follows keeps its input order in memory; few groups fit anyway.
    if (!sql.equals("SELECT DISTINCT a FROM big") && !sql.startsWith("SELECT count(*)")
        && !sql.contains("GROUP BY 1")) {
      assertTrue(MemoryBudget.runsWritten() > runs, "spilled: " + sql);
    }
    try (Stream<Path> left = Files.list(temp)) {
      assertEquals(List.of(), left.toList(), "temporary files left by " + sql);
    }
  }
}
