package dev.pagoda.benchmarks;

import dev.pagoda.pager.MemoryFile;
import dev.pagoda.pager.Page;
import dev.pagoda.pager.PageCache;
import dev.pagoda.pager.PageCacheProviders;
import dev.pagoda.pager.CacheStats;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The page cache plug-ins, each {@link PageCacheProviders installed} provider in turn: a hit, a
 * miss that evicts, and the pager's {@code getPage} over a Zipf-distributed key stream whose hot
 * set is larger than the cache (so it mixes hits, misses and evictions; the hit ratio is printed at
 * the end of each iteration). Keys are prefilled, as in Caffeine's {@code GetPutBenchmark}.
 *
 * <p>Run: {@code ./mvnw -q -B -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar PageCacheBenchmark -wi 2 -i 3 -f 1} (add {@code -prof gc} to
 * see that a hit allocates nothing).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PageCacheBenchmark {
  private static final int PAGE_SIZE = 512;
  private static final int KEYS = 1 << 16;

  /** A plug-in cache filled to capacity with real pages, plus pages that are not in it. */
  @State(Scope.Thread)
  public static class Plugin {
    @Param({"caffeine", "clock"})
    public String provider;

    @Param({"1000"})
    public int capacity;

    Pager pager;
    Page[] pages;
    PageCache cache;
    int[] hitKeys;
    int next;
    int nextNew;

    @Setup
    public void setUp() {
      int count = capacity * 8;
      pager = Pager.open(new MemoryFile(), new PagerOptions(PAGE_SIZE, false).withCacheSize(0));
      pager.beginWrite();
      for (int i = 0; i < count; i++) {
        pager.allocatePage();
      }
      pager.commit();
      pages = new Page[count + 2];
      for (int n = 2; n < pages.length; n++) {
        pages[n] = pager.getPage(n);
      }
      cache = PageCacheProviders.installed().get(provider).create(PAGE_SIZE, capacity);
      for (int n = 2; n < capacity + 2; n++) {
        cache.put(pages[n]);
      }
      hitKeys = zipf(KEYS, capacity, 2, new Random(1));
      nextNew = capacity + 2;
    }

    @TearDown
    public void tearDown() {
      pager.close();
    }
  }

  /** A pager over many more pages than its cache holds. */
  @State(Scope.Thread)
  public static class PagerState {
    @Param({"caffeine", "clock"})
    public String provider;

    @Param({"20000"})
    public int pages;

    @Param({"1000"})
    public int cacheSize;

    Pager pager;
    int[] keys;
    int next;
    CacheStats start;

    @Setup
    public void setUp() {
      pager = Pager.open(new MemoryFile(),
          new PagerOptions(PAGE_SIZE, false).withPageCache(provider).withCacheSize(cacheSize));
      pager.beginWrite();
      for (int i = 1; i < pages; i++) {
        pager.allocatePage();
      }
      pager.commit();
      keys = zipf(KEYS, pages - 1, 2, new Random(2));
    }

    @Setup(Level.Iteration)
    public void mark() {
      start = pager.cacheStats();
    }

    @TearDown(Level.Iteration)
    public void report() {
      CacheStats s = pager.cacheStats();
      long hits = s.hits() - start.hits();
      long lookups = hits + s.misses() - start.misses();
      System.out.printf("  [%s] hit ratio %.3f, file reads %d, evictions %d%n", provider,
          (double) hits / lookups, s.pagesRead() - start.pagesRead(), s.evictions() - start.evictions());
    }

    @TearDown
    public void tearDown() {
      pager.close();
    }
  }

  /** A cache hit on a Zipf-chosen page of the cache. */
  @Benchmark
  public Page pluginHit(Plugin s) {
    return s.cache.get(s.hitKeys[s.next++ & (KEYS - 1)]);
  }

  /** A miss, then a put of the missing page, which evicts one (the cache is full). */
  @Benchmark
  public Page pluginMissThenEvict(Plugin s) {
    int n = s.nextNew;
    Page p = s.cache.get(n);
    if (p == null) {
      p = s.pages[n];
      s.cache.put(p);
    }
    s.nextNew = n + 1 == s.pages.length ? 2 : n + 1;
    return p;
  }

  /** {@code Pager.getPage} over a Zipf key stream: hits, misses (reads), evictions together. */
  @Benchmark
  public Page pagerGetZipf(PagerState s) {
    return s.pager.getPage(s.keys[s.next++ & (KEYS - 1)]);
  }

  /**
   * {@code count} page numbers in {@code first..first+range-1}, Zipf-distributed (exponent 1) over
   * a random permutation, so the hot pages are scattered through the file.
   */
  static int[] zipf(int count, int range, int first, Random random) {
    double[] cdf = new double[range];
    double sum = 0;
    for (int i = 0; i < range; i++) {
      sum += 1.0 / (i + 1);
      cdf[i] = sum;
    }
    int[] perm = new int[range];
    for (int i = 0; i < range; i++) {
      perm[i] = i;
    }
    for (int i = range - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int[] out = new int[count];
    for (int k = 0; k < count; k++) {
      double u = random.nextDouble() * sum;
      int lo = 0;
      int hi = range - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cdf[mid] < u) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      out[k] = first + perm[lo];
    }
    return out;
  }
}
