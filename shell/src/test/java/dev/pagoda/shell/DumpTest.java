package dev.pagoda.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pagoda.Connection;
import dev.pagoda.Database;
import dev.pagoda.PreparedStatement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

/**
 * {@code .dump} against sqlite3 3.40.1: the same text for the same file, and dumps that load back
 * into the same contents in either direction.
 */
class DumpTest {
  static final Path SQLITE3 = Path.of("/usr/bin/sqlite3");

  @TempDir Path dir;

  /** Awkward names, text, reals, integers and blobs, made by Pagoda in a DELETE-journal file. */
  private Path pagodaDatabase() {
    Path file = dir.resolve("pagoda.db");
    try (Database db = Database.open(file, Database.Options.defaults().withJournalMode("delete"));
        Connection c = db.connect()) {
      c.execute(
          """
          CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c REAL, d BLOB, e);
          CREATE TABLE "weird ""q"" name"("col 1", [select], "order", _ok, x9);
          CREATE TABLE plain(k PRIMARY KEY, v);
          CREATE INDEX t_b ON t(b);
          CREATE VIEW v AS SELECT a, b FROM t;
          CREATE TRIGGER tr AFTER INSERT ON plain BEGIN SELECT 1; END;
          INSERT INTO "weird ""q"" name" VALUES (1, 'two', 3.0, NULL, X'');
          """);
      Random random = new Random(20261202);
      List<Object> values = awkwardValues(random);
      try (PreparedStatement insert = c.prepare("INSERT INTO t(b, c, d, e) VALUES (?, ?, ?, ?)")) {
        for (int i = 0; i < values.size(); i++) {
          insert.clearBindings();
          bind(insert, 1, values.get(i));
          bind(insert, 2, random.nextBoolean() ? randomDouble(random) : values.get(i));
          bind(insert, 3, values.get((i * 7) % values.size()));
          bind(insert, 4, values.get((i * 13) % values.size()));
          insert.executeUpdate();
        }
      }
      c.execute("INSERT INTO plain VALUES ('k', 1), (2, 'x'), (3.5, NULL)");
    }
    return file;
  }

  private static List<Object> awkwardValues(Random random) {
    List<Object> v = new ArrayList<>();
    v.add(null);
    v.add("it's");
    v.add("");
    v.add("line\ntwo");
    v.add("cr\r\nlf and a quote ' here");
    v.add("has \\n already\nand a newline");
    v.add("has \\n and \\012\n");
    v.add("tab\tunicode é 漢字 🎉");
    v.add(Long.MIN_VALUE);
    v.add(Long.MAX_VALUE);
    v.add(0L);
    v.add(-1L);
    v.add(0.1);
    v.add(-0.0);
    v.add(1e20);
    v.add(-0x1p63);
    v.add(0x1p63);
    v.add(100.0);
    v.add(Double.POSITIVE_INFINITY);
    v.add(Double.NEGATIVE_INFINITY);
    v.add(Double.MIN_VALUE);
    v.add(Double.MAX_VALUE);
    v.add(123456789012.5);
    v.add(new byte[0]);
    v.add(new byte[] {0, (byte) 0xff, 0x7f, (byte) 0x80});
    for (int i = 0; i < 200; i++) {
      v.add(randomDouble(random));
    }
    return v;
  }

  /** A double from random bits (any exponent), never NaN. */
  static double randomDouble(Random random) {
    double d;
    do {
      d = Double.longBitsToDouble(random.nextLong());
    } while (Double.isNaN(d));
    return d;
  }

  private static void bind(PreparedStatement s, int index, Object value) {
    if (value == null) {
      s.bindNull(index);
    } else if (value instanceof Long l) {
      s.bind(index, l.longValue());
    } else if (value instanceof Double d) {
      s.bind(index, d.doubleValue());
    } else if (value instanceof String t) {
      s.bind(index, t);
    } else {
      s.bind(index, (byte[]) value);
    }
  }

  static String sqlite3(Path db, String input) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(SQLITE3.toString(), db.toString())
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertEquals(true, p.waitFor(60, TimeUnit.SECONDS));
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void dump_pagodaDatabase_sameTextAsSqlite3() throws Exception {
    assumeTrue(Files.isExecutable(SQLITE3), "needs /usr/bin/sqlite3");
    Path file = pagodaDatabase();
    ShellTest.Result pagoda = ShellTest.run(".dump\n", file.toString());
    assertEquals("", pagoda.err());
    assertEquals(sqlite3(file, ".dump\n"), pagoda.out());
  }

  @Test
  void dump_withPatterns_sameTextAsSqlite3() throws Exception {
    assumeTrue(Files.isExecutable(SQLITE3), "needs /usr/bin/sqlite3");
    Path file = pagodaDatabase();
    for (String command : List.of(".dump t", ".dump 'weird%' plain", ".dump nothing", ".dump v")) {
      ShellTest.Result pagoda = ShellTest.run(command + "\n", file.toString());
      assertEquals(sqlite3(file, command + "\n"), pagoda.out(), command);
    }
  }

  @Test
  void dump_loadedIntoSqlite_sameContents() throws Exception {
    Path file = pagodaDatabase();
    ShellTest.Result dump = ShellTest.run(".dump\n", file.toString());
    assertEquals(0, dump.status());
    Path copy = dir.resolve("copy.db");
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
      ((SQLiteConnection) c).getDatabase()._exec(dump.out());
    }
    Contents.assertSame(Contents.pagoda(file), Contents.sqlite(copy));
  }

  @Test
  void read_sqlite3DumpOfAwkwardData_sameContents() throws Exception {
    assumeTrue(Files.isExecutable(SQLITE3), "needs /usr/bin/sqlite3");
    Path original = dir.resolve("original.db");
    sqlite3(original, AWKWARD_SQLITE3_DATA);
    String dump = sqlite3(original, ".dump\n");
    Path loaded = dir.resolve("loaded.db");
    ShellTest.Result r = ShellTest.run(dump, loaded.toString());
    assertEquals(new ShellTest.Result(0, "", ""), r);
    Contents.assertSame(Contents.sqlite(original), Contents.pagoda(loaded));
  }

  /** A file made by sqlite3 (with AUTOINCREMENT, so sqlite_sequence) dumps as sqlite3 dumps it. */
  @Test
  void dump_sqlite3DatabaseWithSequence_sameTextAsSqlite3() throws Exception {
    assumeTrue(Files.isExecutable(SQLITE3), "needs /usr/bin/sqlite3");
    Path file = dir.resolve("sqlite3.db");
    sqlite3(
        file,
        AWKWARD_SQLITE3_DATA
            + """
            CREATE TABLE seq(id INTEGER PRIMARY KEY AUTOINCREMENT, x);
            INSERT INTO seq(x) VALUES ('a'), ('b'), ('c');
            DELETE FROM seq WHERE id = 3;
            CREATE TRIGGER tr AFTER INSERT ON seq BEGIN SELECT 1; END;
            ANALYZE;
            """);
    String expected = sqlite3(file, ".dump\n");
    assertEquals(true, expected.contains("DELETE FROM sqlite_sequence;\n"), expected);
    ShellTest.Result pagoda = ShellTest.run(".dump\n", file.toString());
    assertEquals("", pagoda.err());
    assertEquals(expected, pagoda.out());
  }

  /** The recorded dump runs without the sqlite3 binary: into Pagoda and into sqlite-jdbc alike. */
  @Test
  void read_recordedSqlite3Dump_sameContentsAsSqlite() throws IOException, SQLException {
    String dump;
    try (InputStream in = DumpTest.class.getResourceAsStream("sqlite3-3.40.1.dump.sql")) {
      dump = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path loaded = dir.resolve("loaded.db");
    ShellTest.Result r = ShellTest.run(dump, loaded.toString());
    assertEquals(new ShellTest.Result(0, "", ""), r);
    Path reference = dir.resolve("reference.db");
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + reference)) {
      ((SQLiteConnection) c).getDatabase()._exec(dump);
    }
    Contents.assertSame(Contents.sqlite(reference), Contents.pagoda(loaded));
  }

  @Test
  void dump_unknownOption_errorLikeSqlite3() {
    ShellTest.Result r = ShellTest.run(".dump --bogus\n");
    assertEquals(new ShellTest.Result(1, "", "Unknown option \"--bogus\" on \".dump\"\n"), r);
  }

  /** Data made by sqlite3 itself; the recorded dump resource was made from this script. */
  static final String AWKWARD_SQLITE3_DATA =
      """
      CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c REAL, d BLOB, e);
      INSERT INTO t(b, c, d, e) VALUES
        ('it''s', 0.1, X'00ff', NULL),
        ('line
      two', -0.0, X'', 1e300),
        ('cr' || char(13) || 'lf' || char(10), 1e-310, NULL, 9223372036854775807),
        ('has \\n and \\012' || char(10), 123456789012.5, 'x', -9223372036854775808),
        ('unicode é 漢字 🎉', 1e999, randomblob(0), -1e999),
        ('', 2.2250738585072014e-308, zeroblob(3), 1.7976931348623157e308),
        (NULL, 3.0, X'DEADBEEF', 1e20);
      CREATE TABLE "weird ""q"" name"("col 1", [select], "order", "from");
      INSERT INTO "weird ""q"" name" VALUES (1, 'two', 3.5, x'01'), ('a''b', NULL, -7, 0.3);
      CREATE TABLE plain(k PRIMARY KEY, v);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
        INSERT INTO plain SELECT i, (i * 1.0) / 7.0 FROM n;
      CREATE INDEX plain_v ON plain(v);
      CREATE VIEW tv AS SELECT a, b FROM t WHERE a > 1;
      DELETE FROM t WHERE a = 7;
      """;
}
