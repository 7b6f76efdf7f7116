package dev.pagoda.benchmarks;

import dev.pagoda.btree.BTree;
import dev.pagoda.btree.TableCursor;
import dev.pagoda.pager.MemoryFile;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerOptions;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Table B-tree hot paths on an in-memory pager: point seek by rowid into a prefilled tree, full
 * scan (both with each page cache provider), and inserts in increasing and in random rowid order.
 * Payloads are 40-byte records.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar BTreeBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BTreeBenchmark {
  private static final byte[] PAYLOAD = new byte[40];

  /**
   * A committed tree of {@code rows} rows with rowids 1..rows, read through each page cache
   * provider with its default capacity ({@code cache_size} -2000, about 500 pages of 4 KiB; the
   * tree has about 1,200 pages, so some reads miss).
   */
  @State(Scope.Thread)
  public static class Filled {
    @Param({"100000"})
    public int rows;

    @Param({"caffeine", "clock"})
    public String provider;

    Pager pager;
    TableCursor cursor;
    long[] probes;
    int next;

    @Setup
    public void setUp() {
      pager = Pager.open(new MemoryFile(), PagerOptions.defaults().withPageCache(provider));
      pager.beginWrite();
      int root = BTree.createTable(pager);
      try (TableCursor c = BTree.openTable(pager, root)) {
        for (long r = 1; r <= rows; r++) {
          c.insert(r, PAYLOAD);
        }
      }
      pager.commit();
      cursor = BTree.openTable(pager, root);
      Random random = new Random(42);
      probes = new long[1 << 16];
      for (int i = 0; i < probes.length; i++) {
        probes[i] = 1 + random.nextInt(rows);
      }
    }

    @TearDown
    public void tearDown() {
      cursor.close();
      pager.close();
    }
  }

  @Benchmark
  public boolean pointSeek(Filled s) {
    long key = s.probes[s.next++ & (s.probes.length - 1)];
    return s.cursor.seek(key);
  }

  @Benchmark
  @OperationsPerInvocation(100_000)
  public void fullScan(Filled s, Blackhole bh) {
    for (boolean ok = s.cursor.first(); ok; ok = s.cursor.next()) {
      bh.consume(s.cursor.rowid());
    }
  }

  /** A fresh, empty tree in a write transaction for every invocation batch. */
  @State(Scope.Thread)
  public static class Empty {
    Pager pager;
    TableCursor cursor;
    long[] randomKeys;

    @Setup(Level.Invocation)
    public void setUp() {
      pager = Pager.open(new MemoryFile(), PagerOptions.defaults());
      pager.beginWrite();
      cursor = BTree.openTable(pager, BTree.createTable(pager));
      if (randomKeys == null) {
        Random random = new Random(7);
        randomKeys = new long[10_000];
        for (int i = 0; i < randomKeys.length; i++) {
          randomKeys[i] = random.nextLong();
        }
      }
    }

    @TearDown(Level.Invocation)
    public void tearDown() {
      cursor.close();
      pager.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(10_000)
  public void sequentialInsert(Empty s) {
    for (long r = 1; r <= 10_000; r++) {
      s.cursor.insert(r, PAYLOAD);
    }
  }

  @Benchmark
  @OperationsPerInvocation(10_000)
  public void randomInsert(Empty s) {
    for (long key : s.randomKeys) {
      s.cursor.insert(key, PAYLOAD);
    }
  }
}
