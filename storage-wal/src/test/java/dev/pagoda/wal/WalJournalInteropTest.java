package dev.pagoda.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.DbFile;
import dev.pagoda.pager.DiskVfs;
import dev.pagoda.pager.Journal;
import dev.pagoda.pager.MemoryVfs;
import dev.pagoda.pager.Synchronous;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WalJournal} against real SQLite (sqlite-jdbc), at the file level: a WAL written by the
 * journal is recovered and read by SQLite, and a WAL SQLite left behind is recovered and read by
 * the journal, byte for byte.
 */
class WalJournalInteropTest {
  private static final String QUERY = "SELECT count(*), sum(length(v)), max(id),"
      + " (SELECT group_concat(integrity_check) FROM pragma_integrity_check),"
      + " (SELECT user_version FROM pragma_user_version) FROM t";

  @TempDir Path dir;

  private static Connection open(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  private static String query(Path file, String sql) throws SQLException {
    try (Connection c = open(file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      StringBuilder sb = new StringBuilder();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= n; i++) {
          sb.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
      }
      return sb.toString();
    }
  }

  /** A WAL-mode database made by SQLite with rows 1..rows (then closed: WAL checkpointed away). */
  private byte[] sqliteDatabase(String name, int rows, int deleteAbove) throws Exception {
    Path f = dir.resolve(name);
    try (Connection c = open(f);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
        for (int i = 1; i <= rows; i++) {
          ps.setInt(1, i);
          ps.setString(2, name.repeat(1 + i % 37));
          ps.executeUpdate();
        }
      }
      c.commit();
      c.setAutoCommit(true);
      if (deleteAbove < rows) {
        s.execute("DELETE FROM t WHERE id > " + deleteAbove);
        s.execute("VACUUM");
      }
    }
    assertFalse(Files.exists(dir.resolve(name + "-wal")));
    byte[] b = Files.readAllBytes(f);
    assertEquals(2, b[18], "write version: WAL");
    assertEquals(2, b[19], "read version: WAL");
    return b;
  }

  private static int pageSize(byte[] db) {
    int ps = BigEndian.u16(db, 16);
    return ps == 1 ? 65536 : ps;
  }

  /** The commit turning database image {@code before} into {@code after}. */
  private static Journal.Commit diff(byte[] before, byte[] after, int ps) {
    List<Integer> pages = new ArrayList<>();
    for (int off = 0; off < after.length; off += ps) {
      if (off + ps > before.length || !Arrays.equals(before, off, off + ps, after, off, off + ps)) {
        pages.add(off / ps + 1);
      }
    }
    int[] pg = pages.stream().mapToInt(Integer::intValue).toArray();
    byte[][] data = new byte[pg.length][];
    for (int i = 0; i < pg.length; i++) {
      data[i] = Arrays.copyOfRange(after, (pg[i] - 1) * ps, pg[i] * ps);
    }
    return new Journal.Commit(ps, before.length / ps, after.length / ps, pg, data, p -> null);
  }

  private static void commit(WalJournal j, DbFile db, byte[] before, byte[] after) {
    Journal.Snapshot s = j.beginRead(db, 0);
    j.beginWrite(db, s, 0);
    Journal.Snapshot mine = j.commit(db, s, diff(before, after, pageSize(after)), 0);
    j.endWrite(mine);
    j.endRead(mine);
  }

  /** The database as of a new snapshot, page by page (WAL first, else the file). */
  private static byte[] image(WalJournal j, DbFile db, int ps) {
    Journal.Snapshot s = j.beginRead(db, 0);
    try {
      int count = j.pageCount(s);
      if (count == 0) {
        count = (int) (db.size() / ps);
      }
      byte[] out = new byte[count * ps];
      byte[] buf = new byte[ps];
      for (int p = 1; p <= count; p++) {
        if (!j.readPage(db, s, p, buf)) {
          Arrays.fill(buf, (byte) 0);
          db.read((long) (p - 1) * ps, buf, 0, ps);
        }
        System.arraycopy(buf, 0, out, (p - 1) * ps, ps);
      }
      return out;
    } finally {
      j.endRead(s);
    }
  }

  private void copy(Path from, String to) throws Exception {
    Files.copy(from, dir.resolve(to));
    Path wal = Path.of(from + "-wal");
    if (Files.exists(wal)) {
      Files.copy(wal, dir.resolve(to + "-wal"));
    }
  }

  @Test
  void walWrittenByTheJournal_isReadBySqlite() throws Exception {
    byte[] a = sqliteDatabase("a.db", 10, 10);
    byte[] b = sqliteDatabase("b.db", 400, 400); // many more pages
    byte[] c = sqliteDatabase("c.db", 400, 60); // vacuumed: fewer pages than b
    int ps = pageSize(a);
    assertTrue(b.length > a.length && c.length < b.length);
    String expectB = query(dir.resolve("b.db"), QUERY);
    String expectC = query(dir.resolve("c.db"), QUERY);
    assertTrue(expectC.endsWith("|ok|0"), expectC);

    Path p = dir.resolve("p.db");
    Files.write(p, a);
    DbFile db = DiskVfs.get().open(p.toString(), false);
    WalJournal j = new WalJournal(DiskVfs.get(), p.toString(), Synchronous.FULL);
    j.setAutoCheckpoint(0);
    assertFalse(j.recover(db));
    commit(j, db, a, b);
    long walAfterB = Files.size(dir.resolve("p.db-wal"));
    commit(j, db, b, c);
    assertArrayEquals(c, image(j, db, ps));
    assertArrayEquals(a, Files.readAllBytes(p), "the database file is not written before a checkpoint");

    copy(p, "q.db"); // as if the power went now: SQLite recovers the WAL
    assertEquals(expectC, query(dir.resolve("q.db"), QUERY));
    Files.write(dir.resolve("r.db"), a);
    Files.write(dir.resolve("r.db-wal"), Arrays.copyOf(Files.readAllBytes(Path.of(p + "-wal")),
        (int) walAfterB));
    assertEquals(expectB, query(dir.resolve("r.db"), QUERY));

    j.close(); // the last connection: checkpoint everything, delete the WAL
    db.close();
    assertFalse(Files.exists(dir.resolve("p.db-wal")));
    assertArrayEquals(c, Files.readAllBytes(p), "checkpointed into the file, truncated");
    assertEquals(expectC, query(p, QUERY));
  }

  @Test
  void walLeftBySqlite_isRecoveredByTheJournal_thenExtended() throws Exception {
    Path f = dir.resolve("s.db");
    byte[] dbBytes;
    byte[] walBytes;
    try (Connection c = open(f);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA wal_autocheckpoint=0");
      s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
      for (int i = 1; i <= 5; i++) {
        s.execute("INSERT INTO t VALUES (" + i + ", '" + "x".repeat(i * 500) + "')");
      }
      s.execute("UPDATE t SET v = 'short' WHERE id = 2");
      s.execute("DELETE FROM t WHERE id = 4");
      // the connection is open: the WAL holds every commit, nothing was checkpointed
      dbBytes = Files.readAllBytes(f);
      walBytes = Files.readAllBytes(dir.resolve("s.db-wal"));
    }
    byte[] finalImage = Files.readAllBytes(f); // closing checkpointed it all
    String expect = query(f, QUERY);
    int ps = pageSize(finalImage);

    MemoryVfs vfs = new MemoryVfs();
    vfs.put("m.db", dbBytes);
    vfs.put("m.db-wal", walBytes);
    DbFile db = vfs.open("m.db", false);
    WalJournal j = new WalJournal(vfs, "m.db", Synchronous.FULL);
    j.setAutoCheckpoint(0);
    assertTrue(j.recover(db));
    assertEquals(ps, j.pageSize());
    assertArrayEquals(finalImage, image(j, db, ps), "the same pages as SQLite's checkpoint");

    // a commit chained after SQLite's last frame: user_version = 42 in page 1
    byte[] next = finalImage.clone();
    BigEndian.putI32(next, 60, 42);
    BigEndian.putI32(next, 24, BigEndian.i32(next, 24) + 1);
    commit(j, db, finalImage, next);
    assertEquals(WalScan.End.END_OF_FILE, WalJournalTest.scan(vfs.contents("m.db-wal")).end());
    Files.write(dir.resolve("n.db"), vfs.contents("m.db"));
    Files.write(dir.resolve("n.db-wal"), vfs.contents("m.db-wal"));
    assertEquals(expect.substring(0, expect.length() - 1) + "42", query(dir.resolve("n.db"), QUERY));
  }
}
