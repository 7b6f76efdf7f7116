package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PragmaTest {
  @TempDir Path dir;

  private static List<String> pagoda(Path file, String sql) {
    try (Database db = Database.open(file); Connection conn = db.connect()) {
      return rows(conn, sql);
    }
  }

  private static List<String> rows(Connection conn, String sql) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = conn.prepare(sql); Rows r = ps.query()) {
      while (r.next()) {
        out.add(r.getString(0));
      }
    }
    return out;
  }

  private static List<String> sqlite(Path file, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private Path sampleFile() {
    Path file = dir.resolve("sample.db");
    try (Database db = Database.open(file); Connection conn = db.connect()) {
      conn.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
      conn.execute("CREATE INDEX t_v ON t(v COLLATE NOCASE DESC)");
      conn.execute("CREATE TABLE doomed(x)");
      for (int i = 0; i < 400; i++) {
        conn.execute("INSERT INTO t(v) VALUES ('" + "v".repeat(i % 90) + i + "')");
        conn.execute("INSERT INTO doomed VALUES (" + i + ")");
      }
      conn.execute("DROP TABLE doomed");
    }
    return file;
  }

  @Test
  void readOnlyPragmas_agreeWithSqlite() throws SQLException {
    Path file = sampleFile();
    for (String pragma : List.of("page_size", "page_count", "freelist_count", "schema_version",
        "user_version", "application_id", "integrity_check", "quick_check", "journal_mode")) {
      assertEquals(sqlite(file, "PRAGMA " + pragma), pagoda(file, "PRAGMA " + pragma), pragma);
    }
  }

  @Test
  void integrityCheck_damagedFile_reportsProblems() throws IOException, SQLException {
    Path file = sampleFile();
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(36); // freelist page count in the header
      int count = raf.readInt();
      raf.seek(36);
      raf.writeInt(count + 3);
    }
    assertNotEquals(List.of("ok"), sqlite(file, "PRAGMA integrity_check"));
    List<String> ours = pagoda(file, "PRAGMA integrity_check");
    assertNotEquals(List.of("ok"), ours);
    assertEquals(1, pagoda(file, "PRAGMA integrity_check(1)").size());
  }

  @Test
  void userVersion_setIsAWriteThatRollsBackWithItsTransaction() throws SQLException {
    Path file = dir.resolve("uv.db");
    try (Database db = Database.open(file); Connection conn = db.connect()) {
      conn.execute("PRAGMA user_version = 7");
      conn.execute("BEGIN");
      conn.execute("PRAGMA user_version = 8");
      assertEquals(List.of("8"), rows(conn, "PRAGMA user_version"));
      conn.execute("ROLLBACK");
      assertEquals(List.of("7"), rows(conn, "PRAGMA user_version"));
      conn.execute("PRAGMA application_id = 1234");
    }
    assertEquals(List.of("7"), sqlite(file, "PRAGMA user_version"));
    assertEquals(List.of("1234"), sqlite(file, "PRAGMA application_id"));
  }

  @Test
  void journalMode_inMemory_staysMemory_asInSqlite() {
    try (Database db = Database.openInMemory(); Connection conn = db.connect()) {
      assertEquals(List.of("memory"), rows(conn, "PRAGMA journal_mode"));
      assertEquals(List.of("memory"), rows(conn, "PRAGMA journal_mode = wal"));
    }
    assertEquals(List.of("wal"), pagoda(dir.resolve("j.db"), "PRAGMA journal_mode"));
  }

  @Test
  void unknownPragma_isIgnoredAsInSqlite() {
    try (Database db = Database.openInMemory(); Connection conn = db.connect()) {
      conn.execute("PRAGMA no_such_pragma = 3");
      try (PreparedStatement ps = conn.prepare("PRAGMA no_such_pragma")) {
        assertEquals(0, ps.columnCount());
      }
    }
  }
}
