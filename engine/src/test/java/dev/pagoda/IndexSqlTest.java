package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexes written by Pagoda are the ones SQLite would write: after CREATE INDEX and INSERTs,
 * SQLite's integrity_check (which checks every index entry against its table row) says ok, and
 * SQLite's index-driven queries return the right rows.
 */
class IndexSqlTest {
  @TempDir Path dir;

  private static List<String> sqlite(Path file, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          sb.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  @Test
  void createIndexThenInsert_sqliteIntegrityOkAndIndexAnswersQueries() throws SQLException {
    Path file = dir.resolve("idx.db");
    Random random = new Random(3);
    try (Database db = Database.open(file); Connection conn = db.connect()) {
      conn.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score REAL, tag)");
      try (PreparedStatement ps = conn.prepare("INSERT INTO t(name, score, tag) VALUES (?, ?, ?)")) {
        for (int i = 0; i < 1500; i++) {
          ps.bind(1, "name-" + random.nextInt(500)).bind(2, random.nextInt(1000) / 4.0)
              .bind(3, i % 7 == 0 ? null : "Tag" + (i % 13));
          ps.executeUpdate();
        }
      }
      conn.execute("CREATE INDEX t_name ON t(name)");
      conn.execute("CREATE INDEX t_tag_score ON t(tag COLLATE NOCASE DESC, score)");
      conn.execute("CREATE UNIQUE INDEX t_id_name ON t(id, name)");
      try (PreparedStatement ps = conn.prepare("INSERT INTO t(name, score, tag) VALUES (?, ?, ?)")) {
        for (int i = 0; i < 1500; i++) {
          ps.bind(1, "name-" + random.nextInt(500)).bind(2, random.nextInt(1000) / 4.0)
              .bind(3, "tag" + (i % 5));
          ps.executeUpdate();
        }
      }
    }

    assertEquals(List.of("ok"), sqlite(file, "PRAGMA integrity_check"));
    assertEquals(
        sqlite(file, "SELECT id FROM t NOT INDEXED WHERE name = 'name-42' ORDER BY id"),
        sqlite(file, "SELECT id FROM t INDEXED BY t_name WHERE name = 'name-42' ORDER BY id"));
    assertEquals(
        sqlite(file, "SELECT count(*) FROM t NOT INDEXED WHERE tag = 'TAG3' COLLATE NOCASE"),
        sqlite(file, "SELECT count(*) FROM t INDEXED BY t_tag_score WHERE tag = 'TAG3' COLLATE NOCASE"));
  }

  @Test
  void uniqueIndex_duplicateInsert_failsAndChangesNothing() throws IOException {
    Path file = dir.resolve("unique.db");
    try (Database db = Database.open(file); Connection conn = db.connect()) {
      conn.execute("CREATE TABLE t(a, b)");
      conn.execute("CREATE UNIQUE INDEX t_ab ON t(a, b)");
      conn.execute("INSERT INTO t VALUES (1, 'x'), (1, 'y'), (NULL, 'x'), (NULL, 'x')");
    }
    byte[] before = Files.readAllBytes(file);
    try (Database db = Database.open(file); Connection conn = db.connect()) {
      PagodaException e = assertThrows(PagodaException.class,
          () -> conn.execute("INSERT INTO t VALUES (2, 'z'), (1, 'x')"));
      assertEquals("UNIQUE constraint failed: t.a, t.b", e.getMessage());
      assertEquals(ResultCode.CONSTRAINT_UNIQUE, e.code());
    }
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void createUniqueIndex_onDuplicates_failsAndLeavesNoIndex() throws SQLException {
    Path file = dir.resolve("dups.db");
    try (Database db = Database.open(file); Connection conn = db.connect()) {
      conn.execute("CREATE TABLE t(a)");
      conn.execute("INSERT INTO t VALUES (1), (2), (1)");
      PagodaException e = assertThrows(PagodaException.class,
          () -> conn.execute("CREATE UNIQUE INDEX u ON t(a)"));
      assertEquals("UNIQUE constraint failed: t.a", e.getMessage());
      conn.execute("INSERT INTO t VALUES (3)");
    }
    assertEquals(List.of("ok"), sqlite(file, "PRAGMA integrity_check"));
    assertEquals(List.of("0"), sqlite(file, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"));
  }

  @Test
  void dropIndex_freesItsPagesAndRemovesIt() throws SQLException {
    Path file = dir.resolve("drop.db");
    try (Database db = Database.open(file); Connection conn = db.connect()) {
      conn.execute("CREATE TABLE t(a TEXT)");
      conn.execute("CREATE INDEX i ON t(a)");
      for (int i = 0; i < 300; i++) {
        conn.execute("INSERT INTO t VALUES ('" + "v".repeat(i % 50) + i + "')");
      }
      conn.execute("DROP INDEX i");
      conn.execute("INSERT INTO t VALUES ('after')");
      assertEquals("no such index: i",
          assertThrows(PagodaException.class, () -> conn.execute("DROP INDEX i")).getMessage());
      conn.execute("DROP INDEX IF EXISTS i");
    }
    assertEquals(List.of("ok"), sqlite(file, "PRAGMA integrity_check"));
    assertEquals(List.of("301"), sqlite(file, "SELECT count(*) FROM t"));
  }

  @Test
  void sqliteFileWithIndexes_pagodaInsertsKeepEveryIndexConsistent() throws SQLException {
    Path file = dir.resolve("from-sqlite.db");
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a INT, b TEXT)");
      s.execute("CREATE INDEX t_a ON t(a DESC)");
      s.execute("CREATE UNIQUE INDEX t_b ON t(b COLLATE RTRIM)");
      s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
          + "INSERT INTO t(a, b) SELECT i % 97, 'b' || i FROM n");
    }
    try (Database db = Database.open(file); Connection conn = db.connect()) {
      conn.execute("INSERT INTO t(a, b) VALUES (5, 'new1'), ('7', 'new2'), (NULL, NULL)");
      PagodaException e = assertThrows(PagodaException.class,
          () -> conn.execute("INSERT INTO t(a, b) VALUES (1, 'b17  ')"));
      assertEquals("UNIQUE constraint failed: t.b", e.getMessage());
    }
    assertEquals(List.of("ok"), sqlite(file, "PRAGMA integrity_check"));
    assertEquals(List.of("22"), sqlite(file, "SELECT count(*) FROM t INDEXED BY t_a WHERE a = 7"));
  }

  @Test
  void createIndex_errorsWordedAsSqlite() {
    try (Database db = Database.openInMemory(); Connection conn = db.connect()) {
      conn.execute("CREATE TABLE t(a, b)");
      conn.execute("CREATE INDEX i ON t(a)");
      assertEquals("no such table: main.nope",
          assertThrows(PagodaException.class, () -> conn.execute("CREATE INDEX j ON nope(a)")).getMessage());
      assertEquals("no such column: c",
          assertThrows(PagodaException.class, () -> conn.execute("CREATE INDEX j ON t(c)")).getMessage());
      assertEquals("index i already exists",
          assertThrows(PagodaException.class, () -> conn.execute("CREATE INDEX i ON t(b)")).getMessage());
      assertEquals("there is already a table named t",
          assertThrows(PagodaException.class, () -> conn.execute("CREATE INDEX t ON t(b)")).getMessage());
      assertEquals("no such collation sequence: foo",
          assertThrows(PagodaException.class, () -> conn.execute("CREATE INDEX j ON t(a COLLATE foo)")).getMessage());
      conn.execute("CREATE INDEX IF NOT EXISTS i ON t(b)");
    }
  }
}
