package dev.pagoda;

import static dev.pagoda.Sql.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pagoda.pager.MemoryVfs;
import dev.pagoda.pager.testing.FaultyVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Simulated power loss under a randomized multi-table SQL workload (Step 3's crash test): tables
 * created and dropped, indexes created and dropped, rows with overflow payloads inserted in
 * transactions of several statements; the power goes at a random I/O call (the fault-injecting
 * file system of storage-pager's test kit fails it and every later one), then every file loses its
 * unsynced writes (all, none, or a random half; at FULL also a torn sector filled with garbage),
 * and file creations or deletions not yet directory-synced may revert.
 *
 * <p>After each crash the database is reopened (recovery runs) and must hold exactly the
 * transactions acknowledged before the crash, or those and the one in flight (FULL), or, under
 * NORMAL, the state after some transaction since the last one known durable; never part of a
 * transaction. Integrity check {@code ok} every time (Pagoda's), and SQLite's (sqlite-jdbc) on
 * every 20th crash. SQL has no UPDATE or DELETE yet (Step 5): rows leave only with their table.
 */
@Timeout(300)
class SqlCrashTest {
  private static final String DB = "crash.db";
  private static final int TXNS_PER_ROUND = 12;
  private static final long SEED = Long.getLong("pagoda.sqlcrash.seed", 20261201L);

  @TempDir Path dir;

  /** A row as the model holds it; the payload text is derived from (txn, seq, len). */
  record Row(long txn, int seq, int len) {}

  /** The database's content as a pure model: tables with their rows, indexes by name. */
  static final class Model {
    final TreeMap<String, List<Row>> tables = new TreeMap<>();
    final TreeMap<String, String> indexes = new TreeMap<>();

    Model copy() {
      Model m = new Model();
      tables.forEach((k, v) -> m.tables.put(k, new ArrayList<>(v)));
      m.indexes.putAll(indexes);
      return m;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Model m && tables.equals(m.tables) && indexes.equals(m.indexes);
    }

    @Override
    public int hashCode() {
      return tables.hashCode() * 31 + indexes.hashCode();
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      tables.forEach((k, v) -> b.append(k).append('=').append(v.size()).append(' '));
      return b.append(indexes.keySet()).toString();
    }
  }

  static String payload(long txn, int seq, int len) {
    StringBuilder b = new StringBuilder(len);
    String unit = txn + ":" + seq + "|";
    while (b.length() < len) {
      b.append(unit);
    }
    b.setLength(len);
    return b.toString();
  }

  /** The statements of transaction {@code txn} on {@code m}, which it changes as they would. */
  static List<String> transaction(Model m, long txn) {
    Random r = new Random(SEED * 1_000_003L + txn);
    List<String> sql = new ArrayList<>();
    sql.add("BEGIN");
    int ops = 1 + r.nextInt(4);
    for (int op = 0; op < ops; op++) {
      double p = r.nextDouble();
      List<String> names = new ArrayList<>(m.tables.keySet());
      if (names.size() < 2 || p < 0.06) {
        String t = "t" + txn + "_" + op;
        sql.add("CREATE TABLE " + t + "(txn INTEGER, seq INTEGER, payload TEXT)");
        m.tables.put(t, new ArrayList<>());
      } else if (p < 0.10 && names.size() > 2) {
        String t = names.get(r.nextInt(names.size()));
        sql.add("DROP TABLE " + t);
        m.tables.remove(t);
        m.indexes.values().removeIf(t::equals);
      } else if (p < 0.16) {
        String t = names.get(r.nextInt(names.size()));
        String i = "i" + txn + "_" + op;
        sql.add("CREATE INDEX " + i + " ON " + t + (r.nextBoolean() ? "(payload)" : "(txn, seq)"));
        m.indexes.put(i, t);
      } else if (p < 0.19 && !m.indexes.isEmpty()) {
        List<String> is = new ArrayList<>(m.indexes.keySet());
        String i = is.get(r.nextInt(is.size()));
        sql.add("DROP INDEX " + i);
        m.indexes.remove(i);
      } else {
        String t = names.get(r.nextInt(names.size()));
        int rows = 1 + r.nextInt(6);
        StringBuilder ins = new StringBuilder("INSERT INTO " + t + " VALUES ");
        for (int k = 0; k < rows; k++) {
          int seq = m.tables.get(t).size();
          int len = r.nextInt(100) < 15 ? 3000 + r.nextInt(9000) : 5 + r.nextInt(300);
          ins.append(k == 0 ? "" : ", ").append('(').append(txn).append(", ").append(seq)
              .append(", '").append(payload(txn, seq, len)).append("')");
          m.tables.get(t).add(new Row(txn, seq, len));
        }
        sql.add(ins.toString());
      }
    }
    sql.add("COMMIT");
    return sql;
  }

  /** Counters over one mode's crashes, printed at the end. */
  static final class Figures {
    int crashes;
    int inFlight;
    int inFlightKept;
    int crashesInOpen;
    int tornSectors;
    int dirReverts;
    int lostSuffix;
    int sqliteChecks;
    long commits;
  }

  @ParameterizedTest(name = "{0} synchronous={1}")
  @CsvSource({"delete, full, 260", "truncate, full, 130", "persist, full, 130", "wal, full, 300",
      "wal, normal, 300", "delete, normal, 120"})
  void randomCrashes_recoverExactlyTheAcknowledgedTransactions(
      String mode, String sync, int rounds) throws Exception {
    boolean full = sync.equals("full");
    Database.Options options = Database.Options.defaults().withJournalMode(mode)
        .withSynchronous(sync);
    MemoryVfs disk = new MemoryVfs();
    Random rnd = new Random(SEED ^ mode.hashCode() ^ sync.hashCode());
    Figures f = new Figures();
    // history: the model after each acknowledged transaction, from the last durable one on
    TreeMap<Long, Model> states = new TreeMap<>(Map.of(0L, new Model()));
    long nextTxn = 1;
    long span = calibrate(options);
    for (int round = 0; round < rounds; round++) {
      FaultyVfs vfs = new FaultyVfs(disk);
      vfs.failFrom(1 + (long) (rnd.nextDouble() * span));
      long acked = states.lastKey();
      Model pending = null;
      long pendingTxn = 0;
      Database db = null;
      try {
        db = Database.open(vfs, DB, false, options);
        Connection c = db.connect();
        for (int t = 0; t < TXNS_PER_ROUND; t++) {
          Model next = states.get(acked).copy();
          long txn = nextTxn++;
          List<String> sql = transaction(next, txn);
          pending = next;
          pendingTxn = txn;
          for (String s : sql) {
            c.execute(s);
          }
          states.put(txn, next);
          acked = txn;
          pending = null;
          f.commits++;
          if (rnd.nextInt(10) == 0) {
            c.execute("PRAGMA wal_checkpoint(" + (rnd.nextBoolean() ? "PASSIVE" : "TRUNCATE") + ")");
          }
        }
        if (rnd.nextBoolean()) {
          db.close(); // a clean close: the WAL is checkpointed and deleted
          db = null;
        }
      } catch (PagodaException e) {
        assertTrue(vfs.failed(), () -> "only injected faults fail: " + e);
        if (db == null) {
          f.crashesInOpen++;
        }
      }
      if (pending != null) {
        f.inFlight++;
      }
      double keep = new double[] {0, 1, 0.5}[rnd.nextInt(3)];
      boolean garbage = (full || mode.equals("wal")) && rnd.nextInt(4) == 0;
      f.tornSectors += garbage ? 1 : 0;
      if (!vfs.failed()) {
        vfs.failFrom(1); // the power goes now: nothing more reaches the disk
      }
      f.dirReverts += vfs.crash(rnd, keep, garbage, 0.5);
      f.crashes++;
      // recovery
      FaultyVfs clean = new FaultyVfs(disk);
      Model found;
      try (Database again = Database.open(clean, DB, false, options);
          Connection c = again.connect()) {
        assertEquals(List.of("ok"), column(c, "PRAGMA integrity_check"), "integrity after crash");
        found = read(c);
        if (f.crashes % 20 == 0) {
          sqliteCheck(disk, found, f);
        }
      }
      long at = matching(states, pending, found);
      if (at == -2) {
        fail("after crash " + f.crashes + " (" + mode + "/" + sync + ", keep " + keep + ", garbage "
            + garbage + "): the database matches no acknowledged state; acked " + acked
            + " in flight " + (pending != null) + "; found " + found + "; expected " + states.get(acked));
      }
      if (at == -1) {
        f.inFlightKept++;
        states.put(pendingTxn, pending);
        at = pendingTxn;
      } else if (at != acked) {
        assertTrue(!full, "FULL loses no acknowledged transaction: found state " + at + " of " + acked);
        f.lostSuffix++;
      }
      // the found state is durable now: forget everything before and after it
      Model base = states.get(at);
      states.clear();
      states.put(at, base);
    }
    System.out.printf(
        "SqlCrashTest %s/%s: %d crashes (%d while opening/recovering), %d commits, %d in flight "
            + "(%d of them kept), %d torn sectors, %d directory entries reverted, %d lost a suffix"
            + " of unsynced commits, %d checked by sqlite-jdbc%n",
        mode, sync, f.crashes, f.crashesInOpen, f.commits, f.inFlight, f.inFlightKept,
        f.tornSectors, f.dirReverts, f.lostSuffix, f.sqliteChecks);
    assertTrue(f.crashes >= rounds);
  }

  /** The I/O calls of one full round without faults: the range crash points are drawn from. */
  private static long calibrate(Database.Options options) {
    MemoryVfs disk = new MemoryVfs();
    FaultyVfs vfs = new FaultyVfs(disk);
    Model m = new Model();
    try (Database db = Database.open(vfs, DB, false, options); Connection c = db.connect()) {
      for (long txn = 1; txn <= TXNS_PER_ROUND; txn++) {
        for (String s : transaction(m, txn)) {
          c.execute(s);
        }
      }
    }
    return vfs.callCount() + 5;
  }

  /**
   * The key of the state in {@code states} equal to {@code found}, -1 when it is the in-flight
   * transaction's {@code pending}, -2 when none.
   */
  private static long matching(TreeMap<Long, Model> states, Model pending, Model found) {
    if (pending != null && pending.equals(found) && !states.lastEntry().getValue().equals(found)) {
      return -1;
    }
    for (Map.Entry<Long, Model> e : states.descendingMap().entrySet()) {
      if (e.getValue().equals(found)) {
        return e.getKey();
      }
    }
    return -2;
  }

  /** Reads every table and index the schema names, checking each payload. */
  private static Model read(Connection c) {
    Model m = new Model();
    try (PreparedStatement ps = c.prepare("SELECT type, name, tbl_name FROM sqlite_schema");
        Rows rows = ps.query()) {
      while (rows.next()) {
        if (rows.getString(0).equals("table")) {
          m.tables.put(rows.getString(1), new ArrayList<>());
        } else if (rows.getString(0).equals("index")) {
          m.indexes.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    for (Map.Entry<String, List<Row>> t : m.tables.entrySet()) {
      try (PreparedStatement ps = c.prepare("SELECT txn, seq, payload FROM " + t.getKey());
          Rows rows = ps.query()) {
        while (rows.next()) {
          long txn = rows.getLong(0);
          int seq = (int) rows.getLong(1);
          String p = rows.getString(2);
          assertEquals(payload(txn, seq, p.length()), p, "payload of " + t.getKey() + " row " + seq);
          t.getValue().add(new Row(txn, seq, p.length()));
        }
      }
    }
    return m;
  }

  /** Copies the files to a real directory and lets SQLite check and read them. */
  private void sqliteCheck(MemoryVfs disk, Model expected, Figures f) throws Exception {
    Path sub = Files.createTempDirectory(dir, "check");
    for (String name : disk.names()) {
      Files.write(sub.resolve(name), disk.contents(name));
    }
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + sub.resolve(DB));
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
        assertTrue(rs.next());
        assertEquals("ok", rs.getString(1), "sqlite's integrity_check");
      }
      for (Map.Entry<String, List<Row>> t : expected.tables.entrySet()) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t.getKey())) {
          assertTrue(rs.next());
          assertEquals(t.getValue().size(), rs.getInt(1), "sqlite's row count of " + t.getKey());
        }
      }
    } catch (SQLException e) {
      throw new AssertionError("sqlite could not read the recovered file", e);
    }
    f.sqliteChecks++;
  }
}
