package dev.pagoda.shell;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress line {@code .import} draws on standard error for a long import: a bar and the
 * percentage of the file's bytes read (or only the bytes, when the size is unknown), redrawn in
 * place with {@code \r} at most ten times a second, and erased when the import ends.
 */
final class ImportProgress {
  private static final long INTERVAL_NANOS = 100_000_000L;
  private static final int BAR_WIDTH = 40;

  private final PrintStream err;
  private final long totalBytes;
  private long lastDraw;
  private int lastWidth;

  /** @param totalBytes the input's size, or -1 when unknown (a pipe) */
  ImportProgress(PrintStream err, long totalBytes) {
    this.err = err;
    this.totalBytes = totalBytes;
    this.lastDraw = System.nanoTime() - INTERVAL_NANOS;
  }

  /** Redraws the line for {@code bytesRead}, unless it was drawn less than 100 ms ago. */
  void update(long bytesRead, long rows) {
    long now = System.nanoTime();
    if (now - lastDraw < INTERVAL_NANOS) {
      return;
    }
    lastDraw = now;
    draw(line(bytesRead, rows));
  }

  /** The text of the progress line. */
  String line(long bytesRead, long rows) {
    if (totalBytes <= 0) {
      return String.format(Locale.ROOT, "%,d bytes, %,d rows", bytesRead, rows);
    }
    double fraction = Math.min(1.0, (double) bytesRead / totalBytes);
    int filled = (int) (fraction * BAR_WIDTH);
    return "["
        + "#".repeat(filled)
        + " ".repeat(BAR_WIDTH - filled)
        + String.format(Locale.ROOT, "] %3d%%  %,d rows", (int) (fraction * 100), rows);
  }

  private void draw(String text) {
    err.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
    err.flush();
    lastWidth = text.length();
  }

  /** Erases the line, leaving the cursor at its start. */
  void finish() {
    if (lastWidth > 0) {
      err.print("\r" + " ".repeat(lastWidth) + "\r");
      err.flush();
      lastWidth = 0;
    }
  }
}
