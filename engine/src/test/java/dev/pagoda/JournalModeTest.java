package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.spi.ResultCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Journal modes: the default for new files, PRAGMA journal_mode switching, files SQLite reads. */
class JournalModeTest {
  @TempDir Path dir;

  private static List<String> rows(Connection conn, String sql) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = conn.prepare(sql); Rows r = ps.query()) {
      while (r.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < r.columnCount(); i++) {
          b.append(i == 0 ? "" : "|").append(r.getString(i));
        }
        out.add(b.toString());
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

  /** Header bytes 18 and 19 (file format write and read version: 1 rollback, 2 WAL). */
  private static String versionBytes(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    return b[18] + "," + b[19];
  }

  @Test
  void newFile_isWal_byDefault_andSqliteReadsItInWalMode() throws Exception {
    Path file = dir.resolve("new.db");
    try (Database db = Database.open(file); Connection conn = db.connect()) {
      assertEquals(List.of("wal"), rows(conn, "PRAGMA journal_mode"));
      conn.execute("CREATE TABLE t(x)");
      conn.execute("INSERT INTO t VALUES (1), (2)");
      assertTrue(Files.exists(Path.of(file + "-wal")), "commits go to the WAL");
    }
    assertFalse(Files.exists(Path.of(file + "-wal")), "the last close checkpoints and deletes it");
    assertEquals("2,2", versionBytes(file));
    assertEquals(List.of("wal"), sqlite(file, "PRAGMA journal_mode"));
    assertEquals(List.of("ok"), sqlite(file, "PRAGMA integrity_check"));
    assertEquals(List.of("1", "2"), sqlite(file, "SELECT x FROM t"));
  }

  @Test
  void optionsChooseTheModeOfNewFiles_existingFilesKeepTheirs() throws Exception {
    Path file = dir.resolve("delete.db");
    Database.Options delete = Database.Options.defaults().withJournalMode("delete");
    try (Database db = Database.open(file, delete); Connection conn = db.connect()) {
      conn.execute("CREATE TABLE t(x)");
      assertEquals(List.of("delete"), rows(conn, "PRAGMA journal_mode"));
    }
    assertEquals("1,1", versionBytes(file));
    try (Database db = Database.open(file); Connection conn = db.connect()) {
      assertEquals(List.of("delete"), rows(conn, "PRAGMA journal_mode"), "the file's mode wins");
    }
    assertEquals(List.of("delete"), sqlite(file, "PRAGMA journal_mode"));
  }

  @Test
  void switching_throughEveryMode_keepsTheDataAndTellsSqlite() throws Exception {
    Path file = dir.resolve("switch.db");
    try (Database db = Database.open(file); Connection conn = db.connect()) {
      conn.execute("CREATE TABLE t(x)");
      int n = 0;
      for (String mode : List.of("delete", "truncate", "persist", "wal", "persist", "wal", "delete")) {
        assertEquals(List.of(mode), rows(conn, "PRAGMA journal_mode = " + mode));
        assertEquals(List.of(mode), rows(conn, "PRAGMA journal_mode"));
        conn.execute("INSERT INTO t VALUES (" + n++ + ")");
      }
      assertEquals(List.of("delete"), rows(conn, "PRAGMA journal_mode = off"),
          "an unsupported mode is not taken: the answer is the mode in force");
      assertEquals(List.of("delete"), rows(conn, "PRAGMA journal_mode = memory"));
    }
    assertEquals("1,1", versionBytes(file));
    assertFalse(Files.exists(Path.of(file + "-wal")));
    assertEquals(List.of("delete"), sqlite(file, "PRAGMA journal_mode"));
    assertEquals(List.of("ok"), sqlite(file, "PRAGMA integrity_check"));
    assertEquals(List.of("0", "1", "2", "3", "4", "5", "6"), sqlite(file, "SELECT x FROM t"));
  }

  @Test
  void switchingIntoOrOutOfWal_insideATransaction_isRefusedAsInSqlite() {
    try (Database db = Database.open(dir.resolve("tx.db")); Connection conn = db.connect()) {
      conn.execute("CREATE TABLE t(x)");
      conn.execute("BEGIN");
      PagodaException e = assertThrows(PagodaException.class,
          () -> conn.execute("PRAGMA journal_mode = delete"));
      assertEquals("cannot change out of wal mode from within a transaction", e.getMessage());
      conn.execute("COMMIT");
      conn.execute("PRAGMA journal_mode = delete");
      conn.execute("BEGIN");
      e = assertThrows(PagodaException.class, () -> conn.execute("PRAGMA journal_mode = wal"));
      assertEquals("cannot change into wal mode from within a transaction", e.getMessage());
      assertEquals(List.of("truncate"), rows(conn, "PRAGMA journal_mode = truncate"),
          "between rollback modes a transaction is no obstacle");
      conn.execute("ROLLBACK");
    }
  }

  @Test
  void switching_withAnotherConnectionOpen_isBusy() {
    try (Database db = Database.open(dir.resolve("two.db"));
        Connection a = db.connect();
        Connection b = db.connect()) {
      a.execute("CREATE TABLE t(x)");
      PagodaException e = assertThrows(PagodaException.class,
          () -> a.execute("PRAGMA journal_mode = delete"));
      assertEquals(ResultCode.BUSY, e.code());
      b.close();
      assertEquals(List.of("delete"), rows(a, "PRAGMA journal_mode = delete"));
    }
  }

  @Test
  void walWrittenBySqlite_andLeftBehind_isRecoveredByPagoda() throws Exception {
    Path file = dir.resolve("sqlite.db");
    Path copy = dir.resolve("copy.db");
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA wal_autocheckpoint=0");
      s.execute("CREATE TABLE t(x, y)");
      s.execute("CREATE INDEX ty ON t(y)");
      for (int i = 0; i < 300; i++) {
        s.execute("INSERT INTO t VALUES (" + i + ", '" + "v".repeat(i) + "')");
      }
      // copy while SQLite holds the WAL, as a crash would leave it
      Files.copy(file, copy);
      Files.copy(Path.of(file + "-wal"), Path.of(copy + "-wal"));
    }
    assertTrue(Files.size(Path.of(copy + "-wal")) > 0);
    try (Database db = Database.open(copy); Connection conn = db.connect()) {
      assertEquals(List.of("wal"), rows(conn, "PRAGMA journal_mode"));
      assertEquals(List.of("ok"), rows(conn, "PRAGMA integrity_check"));
      List<String> xs = rows(conn, "SELECT x FROM t");
      assertEquals(300, xs.size());
      assertEquals("299", xs.get(299));
      conn.execute("INSERT INTO t VALUES (300, 'more')");
    }
    assertEquals(List.of("ok"), sqlite(copy, "PRAGMA integrity_check"));
    assertEquals(List.of("301"), sqlite(copy, "SELECT count(*) FROM t"));
  }

  @Test
  void walCheckpoint_andAutocheckpoint_pragmas() {
    try (Database db = Database.open(dir.resolve("cp.db")); Connection conn = db.connect()) {
      assertEquals(List.of("1000"), rows(conn, "PRAGMA wal_autocheckpoint"));
      assertEquals(List.of("0"), rows(conn, "PRAGMA wal_autocheckpoint = 0"));
      conn.execute("CREATE TABLE t(x)");
      for (int i = 0; i < 5; i++) {
        conn.execute("INSERT INTO t VALUES (" + i + ")");
      }
      List<String> passive = rows(conn, "PRAGMA wal_checkpoint");
      String[] cols = passive.get(0).split("[|]", -1);
      assertEquals("0", cols[0]);
      assertTrue(Integer.parseInt(cols[1]) >= 6, passive::toString);
      assertEquals(cols[1], cols[2], "everything copied back");
      assertEquals(List.of("0|0|0"), rows(conn, "PRAGMA wal_checkpoint(TRUNCATE)"));
      assertEquals(List.of("5"), rows(conn, "PRAGMA busy_timeout = 5"));
      assertEquals(List.of("5"), rows(conn, "PRAGMA busy_timeout"));
      conn.execute("PRAGMA synchronous = NORMAL");
      assertEquals(List.of("1"), rows(conn, "PRAGMA synchronous"));
    }
  }
}
