package dev.pagoda.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.List;

/**
 * {@code .timer on}: wall-clock, user and system CPU time of one chunk, printed as sqlite3 prints
 * them ({@code Run Time: real 0.002 user 0.001000 sys 0.000000}). CPU times are the process's,
 * read from {@code /proc/self/stat} (clock ticks) as getrusage would give them; where that file
 * is missing, the whole CPU time counts as user time.
 */
final class StatementTimer {
  private static final double TICKS_PER_SECOND = 100.0;
  private long startNanos;
  private double[] startCpu;

  void start() {
    startNanos = System.nanoTime();
    startCpu = cpu();
  }

  String report() {
    double real = (System.nanoTime() - startNanos) / 1e9;
    double[] now = cpu();
    return String.format(Locale.ROOT, "Run Time: real %.3f user %f sys %f\n", real,
        now[0] - startCpu[0], now[1] - startCpu[1]);
  }

  /** User and system CPU seconds of this process so far. */
  private static double[] cpu() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
      // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
      List<String> f = Words.of(stat.substring(stat.lastIndexOf(')') + 2));
      return new double[] {
        Long.parseLong(f.get(11)) / TICKS_PER_SECOND,
        Long.parseLong(f.get(12)) / TICKS_PER_SECOND
      };
    } catch (IOException | RuntimeException e) {
      long nanos = ProcessHandle.current().info().totalCpuDuration()
          .map(java.time.Duration::toNanos).orElse(0L);
      return new double[] {nanos / 1e9, 0};
    }
  }
}
