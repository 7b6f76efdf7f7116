package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real crashes: a child JVM ({@link CrashChild}) writes transactions in a loop and is killed with
 * SIGKILL at a random moment; the file (with whatever hot journal the kill left) must then open in
 * both SQLite (sqlite-jdbc) and Pagoda with integrity_check = ok and exactly the transactions the
 * child reported committed (or one more: the one in flight may have committed before its report),
 * never part of one. Both directions: Pagoda writing and SQLite recovering (or Pagoda recovering
 * its own journal), and SQLite writing (with a tiny cache, so it spills mid-transaction) and Pagoda
 * recovering.
 *
 * <p>The seed comes from {@code -Dpagoda.killnine.seed} or the clock, and is printed; rounds from
 * {@code -Dpagoda.killnine.rounds} (Pagoda writer; the SQLite writer runs half as many).
 */
class KillNineTest {
  private static final long SEED = Long.getLong("pagoda.killnine.seed", System.nanoTime());
  private static final int ROUNDS = Integer.getInteger("pagoda.killnine.rounds", 20);

  @TempDir Path dir;

  /** Counters over one test's rounds. */
  private static final class Figures {
    int rounds;
    int hotJournals;
    int inFlightCommitted;
    /** Kills that left a journal that is not hot, which SQLite opening first left in place. */
    int coldJournals;
    String coldJournalSample = "none";
    long maxJournalBytes;
    /** Hot journals with more than one segment (SQLite spilled its cache mid-transaction). */
    int multiSegment;
    int maxSegments;
    /** Kills that left a -wal file holding at least one frame. */
    int walsLeft;
    long maxWalBytes;
    final List<Long> committedPerRound = new ArrayList<>();
  }

  /** What one engine sees in the file: per transaction, row counts and payload mismatches. */
  private static final class Snapshot {
    final TreeMap<Long, int[]> counts = new TreeMap<>();
    final List<String> problems = new ArrayList<>();
    String integrity = "";
    /** Per transaction, how many of its t2 keys an index lookup finds. */
    final TreeMap<Long, Integer> indexHits = new TreeMap<>();

    void t1(long txn, long seq, String payload) {
      counts.computeIfAbsent(txn, t -> new int[2])[0]++;
      if (seq < 0
          || seq >= CrashChild.T1_ROWS
          || !CrashChild.payload(txn, (int) seq).equals(payload)) {
        problems.add("t1 txn " + txn + " seq " + seq + ": wrong payload");
      }
    }

    void t2(long txn, String key, byte[] v) {
      counts.computeIfAbsent(txn, t -> new int[2])[1]++;
      int j = -1;
      for (int i = 0; i < CrashChild.T2_ROWS; i++) {
        if (CrashChild.key(txn, i).equals(key)) {
          j = i;
        }
      }
      if (j < 0 || !Arrays.equals(CrashChild.blob(txn, j), v)) {
        problems.add("t2 txn " + txn + " key " + key + ": wrong key or blob");
      }
    }

    String describe() {
      StringBuilder sb = new StringBuilder();
      sb.append(counts.size()).append(" transactions, from ")
          .append(counts.isEmpty() ? "-" : counts.firstKey())
          .append("; last ones (txn=t1/t2 rows): ");
      long from = counts.isEmpty() ? 0 : counts.lastKey() - 4;
      for (Map.Entry<Long, int[]> e : counts.tailMap(from).entrySet()) {
        int[] c = e.getValue();
        sb.append(e.getKey()).append('=').append(c[0]).append('/').append(c[1]).append(' ');
      }
      return sb.toString();
    }
  }

  @ParameterizedTest(name = "journal_mode={0}")
  @ValueSource(strings = {"delete", "wal"})
  void pagodaWriterKilled(String journal) throws Exception {
    Path db = dir.resolve("pagoda.db");
    try (Database d = Database.open(db, Database.Options.defaults().withJournalMode(journal));
        Connection c = d.connect()) {
      for (String sql : CrashChild.SCHEMA) {
        c.execute(sql);
      }
    }
    Figures f = run("pagoda-" + journal, db, ROUNDS, SEED);
    print("pagoda writer, " + journal, f);
  }

  @ParameterizedTest(name = "journal_mode={0}")
  @ValueSource(strings = {"delete", "wal"})
  void sqliteWriterKilled(String journal) throws Exception {
    Path db = dir.resolve("sqlite.db");
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.executeUpdate("PRAGMA journal_mode=" + journal);
      for (String sql : CrashChild.SCHEMA) {
        s.executeUpdate(sql);
      }
    }
    Figures f = run("sqlite-" + journal, db, Math.max(1, ROUNDS / 2), SEED + 1);
    print("sqlite writer, " + journal, f);
  }

  private static void print(String what, Figures f) {
    System.out.printf(
        "KillNineTest %s: seed %d, %d rounds, %d kills left a hot journal (largest %d bytes;"
            + " %d with several segments, at most %d),"
            + " %d non-hot journals left by SQLite (last: %s),"
            + " %d kills left a WAL with frames (largest %d bytes),"
            + " %d in-flight transactions found committed,"
            + " committed per round %s, total %d%n",
        what, SEED, f.rounds, f.hotJournals, f.maxJournalBytes, f.multiSegment, f.maxSegments,
        f.coldJournals, f.coldJournalSample, f.walsLeft, f.maxWalBytes, f.inFlightCommitted,
        f.committedPerRound, f.committedPerRound.stream().mapToLong(Long::longValue).sum());
  }

  private Figures run(String mode, Path db, int rounds, long seed) throws Exception {
    Random random = new Random(seed);
    Figures f = new Figures();
    long last = 0; // the highest transaction number known to be in the file
    Path journal = Path.of(db + "-journal");
    for (int round = 0; round < rounds; round++) {
      String where = mode + " writer, seed " + seed + " (SEED " + SEED + "), round " + round;
      int delay = 50 + random.nextInt(551);
      long reported = kill(mode, db, last + 1, delay, where);
      long k = reported > 0 ? reported : last;

      Path wal = Path.of(db + "-wal");
      if (Files.exists(wal) && Files.size(wal) > 32) {
        f.walsLeft++;
        f.maxWalBytes = Math.max(f.maxWalBytes, Files.size(wal));
      }
      boolean hot = isHot(journal);
      String journalBefore = describeJournal(journal);
      if (hot) {
        f.hotJournals++;
        f.maxJournalBytes = Math.max(f.maxJournalBytes, Files.size(journal));
        int segments = segments(journal);
        f.maxSegments = Math.max(f.maxSegments, segments);
        if (segments > 1) {
          f.multiSegment++;
        }
      }
      // Pagoda writer: SQLite plays the hot journal back in even rounds, Pagoda in odd ones.
      // SQLite writer: Pagoda always plays it back.
      boolean sqliteFirst = mode.startsWith("pagoda") && round % 2 == 0;
      Snapshot first = sqliteFirst ? readSqlite(db) : readPagoda(db);
      boolean left = Files.exists(journal);
      if (hot || !sqliteFirst) {
        // A hot journal is played back and deleted by either engine; Pagoda (DELETE mode) also
        // deletes a journal that is not hot. SQLite leaves a non-hot one (empty, or its header
        // not written yet) where it is.
        assertFalse(left, where + ": journal left after " + (sqliteFirst ? "SQLite" : "Pagoda")
            + " opened the file (before: " + journalBefore + "; after: " + describeJournal(journal)
            + ")");
      } else if (left) {
        f.coldJournals++;
        f.coldJournalSample = journalBefore;
      }
      Snapshot second = sqliteFirst ? readPagoda(db) : readSqlite(db);
      assertFalse(
          Files.exists(journal), where + ": journal left after both engines opened the file");
      assertFalse(Files.exists(wal) && Files.size(wal) > 0,
          where + ": a WAL with frames left after both engines opened and closed the file");

      long max = check(first, k, where + (sqliteFirst ? " [sqlite first]" : " [pagoda first]"));
      String secondWhere = where + (sqliteFirst ? " [pagoda second]" : " [sqlite second]");
      assertEquals(max, check(second, k, secondWhere));
      if (max == k + 1) {
        f.inFlightCommitted++;
      }
      f.rounds++;
      f.committedPerRound.add(max - last);
      last = max;
    }
    return f;
  }

  /** Asserts the snapshot is ok and holds exactly transactions 1..K or 1..K+1; returns which. */
  private static long check(Snapshot s, long k, String where) {
    assertEquals("ok", s.integrity, where + ": integrity_check");
    assertTrue(s.problems.isEmpty(), where + ": " + s.problems);
    long max = s.counts.isEmpty() ? 0 : s.counts.lastKey();
    if (max != k && max != k + 1) {
      fail(where + ": child reported " + k + " committed, file holds up to " + max + ": "
          + s.describe());
    }
    assertEquals(max, s.counts.size(), where + ": transactions missing: " + s.describe());
    assertEquals(1L, s.counts.isEmpty() ? 1L : s.counts.firstKey(), where);
    for (Map.Entry<Long, int[]> e : s.counts.entrySet()) {
      int[] c = e.getValue();
      if (c[0] != CrashChild.T1_ROWS || c[1] != CrashChild.T2_ROWS) {
        fail(where + ": partial transaction " + e.getKey() + ": " + c[0] + " t1 rows, " + c[1]
            + " t2 rows");
      }
    }
    for (Map.Entry<Long, Integer> e : s.indexHits.entrySet()) {
      boolean present = e.getKey() <= max;
      assertEquals(present ? CrashChild.T2_ROWS : 0, e.getValue().intValue(),
          where + ": index lookups for txn " + e.getKey());
    }
    return max;
  }

  private static final byte[] JOURNAL_MAGIC = {
    (byte) 0xd9, (byte) 0xd5, 0x05, (byte) 0xf9, 0x20, (byte) 0xa1, 0x63, (byte) 0xd7
  };

  /** How many segment headers (the magic at a sector boundary) a journal holds. */
  private static int segments(Path journal) throws IOException {
    byte[] j = Files.readAllBytes(journal);
    if (j.length < 28) {
      return 0;
    }
    int sector =
        ((j[20] & 0xff) << 24) | ((j[21] & 0xff) << 16) | ((j[22] & 0xff) << 8) | (j[23] & 0xff);
    if (sector < 512 || sector > 65536) {
      sector = 512;
    }
    int n = 0;
    for (int off = 0; off + 8 <= j.length; off += sector) {
      if (Arrays.equals(j, off, off + 8, JOURNAL_MAGIC, 0, 8)) {
        n++;
      }
    }
    return n;
  }

  /** Size and header of a journal, for failure messages. */
  private static String describeJournal(Path journal) throws IOException {
    if (!Files.exists(journal)) {
      return "no journal";
    }
    byte[] j = Files.readAllBytes(journal);
    StringBuilder sb = new StringBuilder(j.length + " bytes, header");
    for (int i = 0; i < Math.min(28, j.length); i++) {
      sb.append(i % 4 == 0 ? " " : "").append(String.format("%02x", j[i] & 0xff));
    }
    return sb.toString();
  }

  private static boolean isHot(Path journal) throws IOException {
    if (!Files.exists(journal) || Files.size(journal) == 0) {
      return false;
    }
    try (InputStream in = Files.newInputStream(journal)) {
      return in.read() > 0;
    }
  }

  /**
   * Runs the child until it has opened the database, lets it write for {@code delayMs}, kills it
   * with SIGKILL and returns the last transaction it reported committed (0 if none).
   *
   * <p>The child's stdout goes to a file, not a pipe: every line it wrote before the kill is in the
   * file afterwards. (With a pipe, {@code destroyForcibly()} closes the parent's end of the child's
   * stdout, discarding lines not read yet: the child then seems to have committed more than it
   * reported.) VM messages go to stderr, so nothing interleaves with the reports.
   */
  private long kill(String mode, Path db, long firstTxn, int delayMs, String where)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path stdout = dir.resolve("child-stdout.txt");
    Path stderr = dir.resolve("child-stderr.txt");
    ProcessBuilder pb = new ProcessBuilder(
        java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-XX:+DisplayVMOutputToStderr",
        "-cp", System.getProperty("java.class.path"),
        CrashChild.class.getName(), mode, db.toString(), Long.toString(firstTxn));
    pb.redirectOutput(stdout.toFile());
    pb.redirectError(stderr.toFile());
    Process p = pb.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Files.readString(stdout).contains("opened\n")) {
        if (!p.isAlive() || System.nanoTime() > deadline) {
          fail(where + ": child did not open the database: " + Files.readString(stderr));
        }
        Thread.sleep(5);
      }
      Thread.sleep(delayMs);
      if (!p.isAlive()) {
        fail(where + ": child died by itself (exit " + p.exitValue() + "): "
            + Files.readString(stderr));
      }
    } finally {
      p.destroyForcibly();
    }
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), where + ": child not dead");
    assertEquals(
        137, p.exitValue(), where + ": not killed by SIGKILL: " + Files.readString(stderr));
    long last = 0;
    long expected = firstTxn;
    for (String line : Files.readAllLines(stdout, StandardCharsets.UTF_8)) {
      if (line.startsWith("committed ")) {
        last = Long.parseLong(line.substring("committed ".length()));
        assertEquals(expected, last, where + ": child's reports out of order");
        expected++;
      }
    }
    return last;
  }

  private static Snapshot readPagoda(Path db) {
    Snapshot s = new Snapshot();
    try (Database d = Database.open(db); Connection c = d.connect()) {
      try (PreparedStatement ps = c.prepare("PRAGMA integrity_check"); Rows r = ps.query()) {
        StringBuilder sb = new StringBuilder();
        while (r.next()) {
          sb.append(sb.length() == 0 ? "" : "\n").append(r.getString(0));
        }
        s.integrity = sb.toString();
      }
      try (PreparedStatement ps = c.prepare("SELECT txn, seq, payload FROM t1");
          Rows r = ps.query()) {
        while (r.next()) {
          s.t1(r.getLong(0), r.getLong(1), r.getString(2));
        }
      }
      try (PreparedStatement ps = c.prepare("SELECT txn, k, v FROM t2"); Rows r = ps.query()) {
        while (r.next()) {
          s.t2(r.getLong(0), r.getString(1), r.getBytes(2));
        }
      }
      long max = s.counts.isEmpty() ? 0 : s.counts.lastKey();
      try (PreparedStatement ps = c.prepare("SELECT txn FROM t2 WHERE k = ?")) {
        for (long t = Math.max(1, max - 1); t <= max + 1; t++) {
          int hits = 0;
          for (int j = 0; j < CrashChild.T2_ROWS; j++) {
            try (Rows r = ps.clearBindings().bind(1, CrashChild.key(t, j)).query()) {
              while (r.next()) {
                hits += r.getLong(0) == t ? 1 : 1000;
              }
            }
          }
          s.indexHits.put(t, hits);
        }
      }
    }
    return s;
  }

  private static Snapshot readSqlite(Path db) throws SQLException {
    Snapshot s = new Snapshot();
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
        StringBuilder sb = new StringBuilder();
        while (rs.next()) {
          sb.append(sb.length() == 0 ? "" : "\n").append(rs.getString(1));
        }
        s.integrity = sb.toString();
      }
      try (ResultSet rs = st.executeQuery("SELECT txn, seq, payload FROM t1")) {
        while (rs.next()) {
          s.t1(rs.getLong(1), rs.getLong(2), rs.getString(3));
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT txn, k, v FROM t2")) {
        while (rs.next()) {
          s.t2(rs.getLong(1), rs.getString(2), rs.getBytes(3));
        }
      }
      long max = s.counts.isEmpty() ? 0 : s.counts.lastKey();
      try (java.sql.PreparedStatement ps =
          c.prepareStatement("SELECT txn FROM t2 INDEXED BY t2_k WHERE k = ?")) {
        for (long t = Math.max(1, max - 1); t <= max + 1; t++) {
          int hits = 0;
          for (int j = 0; j < CrashChild.T2_ROWS; j++) {
            ps.setString(1, CrashChild.key(t, j));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                hits += rs.getLong(1) == t ? 1 : 1000;
              }
            }
          }
          s.indexHits.put(t, hits);
        }
      }
    }
    return s;
  }
}
