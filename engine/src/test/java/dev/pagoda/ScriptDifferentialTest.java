package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.parser.ParsedStatement;
import dev.pagoda.parser.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code step5-script.sql} (DDL, DML and queries over every feature of Step 5) statement by
 * statement on a Pagoda file and on sqlite-jdbc: each outcome (rows with storage classes, or the
 * error's result code and message) must be the same; a statement that fails must leave Pagoda's
 * database exactly as it was (as it was at BEGIN for OR ROLLBACK); and sqlite3's integrity check
 * passes on the file Pagoda leaves.
 */
class ScriptDifferentialTest {
  @TempDir Path dir;

  @Test
  void script_runsIdenticallyOnPagodaAndSqlite_andLeavesAnIntactFile()
      throws IOException, SQLException {
    String script = script();
    Path file = dir.resolve("script.db");
    int statements = 0;
    int failures = 0;
    try (Database db = Database.open(file); Connection pagoda = db.connect();
        java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      String rest = script;
      List<String> atBegin = null;
      while (!rest.isBlank()) {
        ParsedStatement parsed = Parser.parseFirst(rest);
        String sql = rest.substring(parsed.start(), parsed.end());
        rest = rest.substring(parsed.tailOffset());
        List<String> before = dump(pagoda);
        if (sql.toUpperCase(Locale.ROOT).startsWith("BEGIN")) {
          atBegin = before;
        }
        List<String> expected = new ArrayList<>(SqlOracle.sqlite(sqlite, sql));
        List<String> actual = new ArrayList<>(SqlOracle.pagoda(pagoda, sql));
        if (!hasTotalOrder(sql)) {
          Collections.sort(expected);
          Collections.sort(actual);
        }
        assertEquals(expected, actual, sql);
        if (actual.size() == 1 && actual.get(0).startsWith("error ")) {
          failures++;
          // OR ROLLBACK ends the transaction: the database is as it was at BEGIN.
          boolean rollsBack = sql.toUpperCase(Locale.ROOT).contains("OR ROLLBACK");
          assertEquals(rollsBack ? atBegin : before, dump(pagoda),
              "a failed statement changed the database: " + sql);
        }
        statements++;
      }
    }
    assertTrue(statements > 100 && failures > 20, statements + " statements, " + failures);
    try (java.sql.Connection check = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      assertEquals(List.of("Tok|"), SqlOracle.sqlite(check, "PRAGMA integrity_check"));
    }
  }

  /** Every table's rows (rowid first) and the schema: the database's whole content. */
  private static List<String> dump(Connection c) {
    List<String> out = new ArrayList<>(SqlOracle.pagoda(c, "SELECT * FROM sqlite_schema"));
    for (String row : SqlOracle.pagoda(
        c, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
      String table = row.substring(1, row.length() - 1);
      out.add("table " + table);
      out.addAll(SqlOracle.pagoda(c, "SELECT rowid, * FROM \"" + table + "\" ORDER BY rowid"));
    }
    return out;
  }

  /** Whether the statement's rows come in an order both engines must agree on. */
  private static boolean hasTotalOrder(String sql) {
    String s = sql.toUpperCase(Locale.ROOT);
    return s.contains("ORDER BY") && !s.contains("GROUP_CONCAT");
  }

  private static String script() throws IOException {
    try (InputStream in = ScriptDifferentialTest.class.getResourceAsStream("step5-script.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
