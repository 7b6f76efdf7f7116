package dev.pagoda;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The child process of {@link KillNineTest}: runs an endless write workload on a database file and
 * reports each commit on stdout ({@code committed N}) until it is killed.
 *
 * <p>Arguments: {@code pagoda|sqlite}, the database path, the first transaction number. The tables
 * ({@link #SCHEMA}) must exist. Transaction {@code n} inserts {@link #T1_ROWS} rows into t1 (one of
 * them long enough to need overflow pages) and {@link #T2_ROWS} rows into t2 (indexed on k), all
 * tagged with {@code txn = n}; the payloads are a function of {@code (n, seq)} so the parent can
 * check them.
 */
final class CrashChild {
  static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE t1(txn INTEGER NOT NULL, seq INTEGER NOT NULL, payload TEXT)",
          "CREATE TABLE t2(txn INTEGER NOT NULL, k TEXT NOT NULL, v BLOB)",
          "CREATE INDEX t2_k ON t2(k)");
  static final int T1_ROWS = 3;
  static final int T2_ROWS = 4;

  private CrashChild() {}

  /** The text t1 row {@code (txn, seq)} holds: seq 0 is long (overflow pages), others short. */
  static String payload(long txn, int seq) {
    int len = seq == 0 ? 1000 + (int) ((txn * 7919) % 19000) : 10 + (int) ((txn + seq) % 90);
    StringBuilder sb = new StringBuilder(len);
    String tag = "t" + txn + "s" + seq + ":";
    while (sb.length() < len) {
      sb.append(tag);
    }
    sb.setLength(len);
    return sb.toString();
  }

  /** The indexed key of t2 row {@code (txn, seq)}: scattered so inserts hit many index pages. */
  static String key(long txn, int seq) {
    long h = (txn * 1_000_003L + seq) * 0x9E3779B97F4A7C15L;
    return Long.toHexString(h) + "-" + txn + "-" + seq + "-" + "k".repeat(20 + (int) (txn % 60));
  }

  static byte[] blob(long txn, int seq) {
    return ("blob-" + txn + "-" + seq + "-" + "x".repeat((int) ((txn * 31 + seq) % 700)))
        .getBytes(StandardCharsets.UTF_8);
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path path = Path.of(args[1]);
    long first = Long.parseLong(args[2]);
    PrintStream out = System.out;
    out.println("ready");
    out.flush();
    String journal = mode.substring(mode.indexOf('-') + 1);
    if (mode.startsWith("pagoda")) {
      runPagoda(path, journal, first, out);
    } else {
      runSqlite(path, journal, first, out);
    }
  }

  private static void runPagoda(Path path, String journal, long first, PrintStream out) {
    try (Database db = Database.open(path, Database.Options.defaults().withJournalMode(journal));
        Connection conn = db.connect();
        PreparedStatement ins1 = conn.prepare("INSERT INTO t1(txn, seq, payload) VALUES (?, ?, ?)");
        PreparedStatement ins2 = conn.prepare("INSERT INTO t2(txn, k, v) VALUES (?, ?, ?)")) {
      out.println("opened");
      out.flush();
      for (long n = first; ; n++) {
        conn.execute("BEGIN");
        for (int s = 0; s < T1_ROWS; s++) {
          ins1.clearBindings().bind(1, n).bind(2, s).bind(3, payload(n, s)).executeUpdate();
          if (s == 0) {
            for (int j = 0; j < T2_ROWS; j++) {
              ins2.clearBindings().bind(1, n).bind(2, key(n, j)).bind(3, blob(n, j));
              ins2.executeUpdate();
            }
          }
        }
        conn.execute("COMMIT");
        out.println("committed " + n);
        out.flush();
      }
    }
  }

  private static void runSqlite(Path path, String journal, long first, PrintStream out)
      throws SQLException {
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + path);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA journal_mode=" + journal);
      st.execute("PRAGMA synchronous=FULL");
      // A tiny cache: a transaction dirtying more pages than this spills them to the file
      // mid-transaction, so the journal gets several segments.
      st.execute("PRAGMA cache_size=10");
      try (java.sql.PreparedStatement ins1 =
              c.prepareStatement("INSERT INTO t1(txn, seq, payload) VALUES (?, ?, ?)");
          java.sql.PreparedStatement ins2 =
              c.prepareStatement("INSERT INTO t2(txn, k, v) VALUES (?, ?, ?)")) {
        out.println("opened");
        out.flush();
        for (long n = first; ; n++) {
          st.execute("BEGIN");
          for (int s = 0; s < T1_ROWS; s++) {
            ins1.setLong(1, n);
            ins1.setInt(2, s);
            ins1.setString(3, payload(n, s));
            ins1.executeUpdate();
            if (s == 0) {
              for (int j = 0; j < T2_ROWS; j++) {
                ins2.setLong(1, n);
                ins2.setString(2, key(n, j));
                ins2.setBytes(3, blob(n, j));
                ins2.executeUpdate();
              }
            }
          }
          st.execute("COMMIT");
          out.println("committed " + n);
          out.flush();
        }
      }
    }
  }
}
