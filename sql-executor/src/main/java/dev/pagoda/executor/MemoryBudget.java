package dev.pagoda.executor;

import dev.pagoda.spi.Value;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many bytes of rows one sort, grouping, DISTINCT or compound SELECT holds in memory before it
 * spills sorted runs to temporary files; and where those files go. The defaults come from the
 * system properties {@code pagoda.sortMemoryBytes} (64 MiB) and {@code pagoda.tempDirectory}
 * ({@code java.io.tmpdir}); an engine or a test may set them. The sizes are estimates of the
 * rows' Java heap footprint, read when an operator opens.
 */
public final class MemoryBudget {
  /** The default budget: 64 MiB. */
  public static final long DEFAULT_BYTES = 64L << 20;

  private static volatile long bytes = Long.getLong("pagoda.sortMemoryBytes", DEFAULT_BYTES);
  private static volatile Path tempDirectory = initialTempDirectory();
  private static final AtomicLong runsWritten = new AtomicLong();

  private MemoryBudget() {}

  private static Path initialTempDirectory() {
    String dir = System.getProperty("pagoda.tempDirectory");
    return Paths.get(dir != null ? dir : System.getProperty("java.io.tmpdir"));
  }

  /** The budget of one operator, in bytes. */
  public static long bytes() {
    return bytes;
  }

  /** Sets the budget of operators opened from now on (at least 1 byte). */
  public static void setBytes(long budget) {
    bytes = Math.max(1, budget);
  }

  /** The directory temporary files are created in. */
  public static Path tempDirectory() {
    return tempDirectory;
  }

  public static void setTempDirectory(Path directory) {
    tempDirectory = directory;
  }

  /** How many sorted runs have been written to temporary files in this JVM. */
  public static long runsWritten() {
    return runsWritten.get();
  }

  static void countRun() {
    runsWritten.incrementAndGet();
  }

  /** An estimate of the heap bytes a copied row holds. */
  static long estimate(Value[] row) {
    long size = 16 + 8L * row.length;
    for (Value v : row) {
      size += estimate(v);
    }
    return size;
  }

  static long estimate(Value v) {
    if (v instanceof Value.Text t) {
      return 40 + 2L * t.value().length();
    } else if (v instanceof Value.Blob b) {
      return 32 + b.bytes().length;
    } else if (v == null || v.isNull()) {
      return 0;
    }
    return 16;
  }
}
