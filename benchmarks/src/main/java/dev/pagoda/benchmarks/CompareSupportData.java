package dev.pagoda.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The rows of the comparative workloads' table {@code t(id INTEGER PRIMARY KEY, k INTEGER, g
 * INTEGER, v INTEGER, name VARCHAR(40))}, generated from a fixed seed, kept in memory so every
 * answer can be checked: {@code id} is 1..n, {@code k} a random value in {@code [0, n / 10)}
 * (about ten rows per value; indexed by {@code t_k} when asked), {@code g} a random group in
 * {@code [0, 100)}, {@code v} a random value in {@code [0, 10^9)} and {@code name} 20 random
 * lower-case letters (so {@code LIKE}, case-insensitive in SQLite and case-sensitive in H2, gives
 * every engine the same answer).
 */
final class CompareSupportData {
  static final String CREATE =
      "CREATE TABLE t(id INTEGER PRIMARY KEY, k INTEGER, g INTEGER, v INTEGER, name VARCHAR(40))";
  static final String INDEX = "CREATE INDEX t_k ON t(k)";
  static final String INSERT = "INSERT INTO t(id, k, g, v, name) VALUES (?, ?, ?, ?, ?)";
  static final int GROUPS = 100;
  static final int NAME_LENGTH = 20;

  final int rows;
  /** Indexed by id - 1. */
  final int[] k;
  final int[] g;
  final int[] v;
  final String[] name;
  /** Running totals over the values of {@code k}: rows, and the sum of {@code v}. */
  private final long[] countPrefix;
  private final long[] sumPrefix;

  CompareSupportData(int rows, long seed) {
    this.rows = rows;
    k = new int[rows];
    g = new int[rows];
    v = new int[rows];
    name = new String[rows];
    SplittableRandom random = new SplittableRandom(seed);
    char[] letters = new char[NAME_LENGTH];
    for (int i = 0; i < rows; i++) {
      k[i] = random.nextInt(keyValues());
      g[i] = random.nextInt(GROUPS);
      v[i] = random.nextInt(1_000_000_000);
      for (int j = 0; j < NAME_LENGTH; j++) {
        letters[j] = (char) ('a' + random.nextInt(26));
      }
      name[i] = new String(letters);
    }
    int n = keyValues();
    countPrefix = new long[n + 1];
    sumPrefix = new long[n + 1];
    for (int i = 0; i < rows; i++) {
      countPrefix[k[i] + 1]++;
      sumPrefix[k[i] + 1] += v[i];
    }
    for (int i = 0; i < n; i++) {
      countPrefix[i + 1] += countPrefix[i];
      sumPrefix[i + 1] += sumPrefix[i];
    }
  }

  /** The number of distinct values {@code k} is drawn from. */
  int keyValues() {
    return Math.max(1, rows / 10);
  }

  /**
   * Creates {@code t} (with index {@code t_k} when {@code index}) and inserts every row in one
   * transaction, through the JDBC calls every engine gets; the connection is back in autocommit
   * mode afterwards.
   */
  void load(Connection conn, boolean index) throws SQLException {
    CompareSupport.execute(conn, CREATE);
    if (index) {
      CompareSupport.execute(conn, INDEX);
    }
    conn.setAutoCommit(false);
    try (PreparedStatement insert = conn.prepareStatement(INSERT)) {
      for (int i = 0; i < rows; i++) {
        bind(insert, i + 1);
        CompareSupport.updateOne(insert, "load");
      }
    }
    conn.commit();
    conn.setAutoCommit(true);
    long[] countAndMax = CompareSupport.queryLongs(conn, "SELECT count(*), max(id) FROM t", 2);
    CompareSupport.check(countAndMax[0], rows, "rows loaded");
    CompareSupport.check(countAndMax[1], rows, "largest id loaded");
  }

  /** Binds row {@code id}'s five values to an {@link #INSERT}. */
  void bind(PreparedStatement insert, int id) throws SQLException {
    int i = id - 1;
    insert.setInt(1, id);
    insert.setInt(2, k[i]);
    insert.setInt(3, g[i]);
    insert.setInt(4, v[i]);
    insert.setString(5, name[i]);
  }

  /** The number of rows with {@code lo <= k <= hi}. */
  long countK(int lo, int hi) {
    return countPrefix[hi + 1] - countPrefix[lo];
  }

  /** The sum of {@code v} over the rows with {@code lo <= k <= hi}. */
  long sumK(int lo, int hi) {
    return sumPrefix[hi + 1] - sumPrefix[lo];
  }

  /** The {@code n} largest values of {@code v}, largest first. */
  int[] topV(int n) {
    int[] sorted = v.clone();
    Arrays.sort(sorted);
    int[] top = new int[n];
    for (int i = 0; i < n; i++) {
      top[i] = sorted[sorted.length - 1 - i];
    }
    return top;
  }

  /** The number of names that contain {@code part}. */
  long countNamesContaining(String part) {
    long n = 0;
    for (String s : name) {
      n += s.contains(part) ? 1 : 0;
    }
    return n;
  }

  /** The sum of {@code v} over all rows. */
  long sumV() {
    long sum = 0;
    for (int x : v) {
      sum += x;
    }
    return sum;
  }
}
