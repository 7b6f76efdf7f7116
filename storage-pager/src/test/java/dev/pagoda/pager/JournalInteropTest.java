package dev.pagoda.pager;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.testing.FaultyVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hot rollback journals across implementations: SQLite's played back by Pagoda, and ours by SQLite. */
class JournalInteropTest {
  @TempDir Path dir;

  private static Connection connect(Path db) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
  }

  private static String one(Path db, String sql) throws SQLException {
    try (Connection c = connect(db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** A table of 3000 rows of 200-byte blobs, committed; returns the file's bytes. */
  private static byte[] makeDatabase(Path db, int pageSize) throws Exception {
    try (Connection c = connect(db);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA page_size=" + pageSize);
      s.execute("PRAGMA journal_mode=DELETE");
      s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB)");
      s.execute("CREATE INDEX t_v ON t(v)");
      s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
          + " INSERT INTO t SELECT i, randomblob(200) FROM n");
    }
    return Files.readAllBytes(db);
  }

  @ParameterizedTest
  @CsvSource({"1024, FULL", "1024, NORMAL", "4096, OFF", "512, FULL"})
  void sqlitesHotJournal_isRolledBackByPagoda_toTheExactPreTransactionFile(int pageSize, String sync)
      throws Exception {
    Path db = dir.resolve("s.db");
    byte[] pre = makeDatabase(db, pageSize);
    String preSum = one(db, "SELECT sum(length(v)) || ':' || count(*) || ':' || hex(md5sum) FROM t,"
        + " (SELECT group_concat(hex(v)) AS md5sum FROM (SELECT v FROM t ORDER BY id LIMIT 50))");
    Path copyDb = dir.resolve("copy.db");
    Path copyJournal = dir.resolve("copy.db-journal");
    try (Connection c = connect(db);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=DELETE");
      s.execute("PRAGMA synchronous=" + sync);
      s.execute("PRAGMA cache_size=10"); // far smaller than the change: SQLite spills to the file
      c.setAutoCommit(false);
      s.executeUpdate("UPDATE t SET v = randomblob(300) WHERE id % 3 = 0");
      s.executeUpdate("INSERT INTO t SELECT id + 10000, randomblob(400) FROM t WHERE id <= 1500");
      s.executeUpdate("DELETE FROM t WHERE id % 7 = 0");
      // the transaction is open, the journal hot: take the files as a power loss would leave them
      Files.copy(db, copyDb);
      Files.copy(dir.resolve("s.db-journal"), copyJournal);
      c.rollback();
    }
    byte[] spilled = Files.readAllBytes(copyDb);
    assertFalse(Arrays.equals(pre, spilled), "SQLite spilled changed pages into the file");
    byte[] journal = Files.readAllBytes(copyJournal);
    assertArrayEquals(Arrays.copyOf(RollbackJournal.MAGIC, 8), Arrays.copyOf(journal, 8));
    int sector = BigEndian.i32(journal, 20);
    int segments = 0;
    for (int off = 0; off + 8 <= journal.length; off += sector) {
      if (Arrays.equals(journal, off, off + 8, RollbackJournal.MAGIC, 0, 8)) {
        segments++;
      }
    }
    if (sync.equals("OFF")) {
      assertEquals(-1, BigEndian.i32(journal, 8), "unsynced journal: record count 0xffffffff");
    }
    System.out.println("[JournalInteropTest] SQLite's hot journal (page size " + pageSize
        + ", synchronous " + sync + "): " + journal.length + " bytes, sector "
        + sector + ", " + segments + " segment header(s), first record count "
        + BigEndian.i32(journal, 8) + ", original size " + BigEndian.i32(journal, 16) + " pages");

    try (Pager p = Pager.open(DiskFile.open(copyDb, false), new PagerOptions(pageSize, false))) {
      assertEquals(pre.length / pageSize, p.pageCount());
    }
    assertFalse(Files.exists(copyJournal), "the journal was finalized (DELETE)");
    assertArrayEquals(pre, Files.readAllBytes(copyDb), "byte-exact pre-transaction file");
    assertEquals("ok", one(copyDb, "PRAGMA integrity_check"));
    assertEquals(preSum, one(copyDb, "SELECT sum(length(v)) || ':' || count(*) || ':' || hex(md5sum)"
        + " FROM t, (SELECT group_concat(hex(v)) AS md5sum FROM (SELECT v FROM t ORDER BY id LIMIT 50))"));
  }

  @Test
  void pagodasHotJournal_isRolledBackBySqlite() throws Exception {
    Path src = dir.resolve("p.db");
    byte[] pre = makeDatabase(src, 4096);
    // how many I/O calls a whole commit takes, on a fault-free copy
    FaultyVfs dry = new FaultyVfs(new MemoryVfs());
    dry.disk().put("x.db", pre);
    long before;
    try (Pager p = open(dry)) {
      scribble(p);
      before = dry.callCount();
      p.commit();
    }
    long commitCalls = dry.callCount() - before;
    // the same commit, with the power lost at the database sync (the last three calls of a DELETE
    // commit are: sync the database, delete the journal, sync the directory)
    FaultyVfs vfs = new FaultyVfs(new MemoryVfs());
    vfs.disk().put("x.db", pre);
    Pager p = open(vfs);
    scribble(p);
    vfs.failFrom(commitCalls - 2);
    StorageException e = org.junit.jupiter.api.Assertions.assertThrows(StorageException.class, p::commit);
    assertEquals(StorageException.Kind.IOERR, e.kind());
    vfs.crash(new Random(1), 1, false, 0); // every write reached the disk, the journal stays
    byte[] torn = vfs.disk().contents("x.db");
    byte[] journal = vfs.disk().contents("x.db-journal");
    assertNotEquals(null, journal);
    assertFalse(Arrays.equals(pre, torn));

    Path db = dir.resolve("x.db");
    Files.write(db, torn);
    Files.write(dir.resolve("x.db-journal"), journal);
    assertEquals("3000", one(db, "SELECT count(*) FROM t")); // SQLite plays our journal back
    assertFalse(Files.exists(dir.resolve("x.db-journal")));
    assertEquals("ok", one(db, "PRAGMA integrity_check"));
    assertEquals("0", one(db, "PRAGMA user_version"));
    assertArrayEquals(pre, Files.readAllBytes(db), "SQLite restored the exact file");
  }

  private static Pager open(FaultyVfs vfs) {
    return Pager.open(vfs.open("x.db", false), new PagerOptions(4096, false),
        new RollbackJournal(vfs, "x.db-journal", RollbackJournal.Mode.DELETE,
            Synchronous.FULL, new Random(7)));
  }

  /** Overwrites every other page with junk, grows the file by 5 pages, sets the user version. */
  private static void scribble(Pager p) {
    p.beginWrite();
    int n = p.pageCount();
    for (int pgno = 2; pgno <= n; pgno += 2) {
      Page page = p.getPage(pgno);
      p.makeWritable(page);
      Arrays.fill(page.data(), (byte) 0x5a);
    }
    for (int i = 0; i < 5; i++) {
      Arrays.fill(p.getPage(p.allocatePage()).data(), (byte) 0x33);
    }
    p.setUserVersion(99);
  }
}
