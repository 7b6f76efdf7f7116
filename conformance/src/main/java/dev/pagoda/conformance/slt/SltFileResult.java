package dev.pagoda.conformance.slt;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one script. Every statement and query record the script holds up to an applying
 * {@code halt} is counted once: passed, failed or skipped (left out by {@code skipif}/{@code
 * onlyif}). Malformed records count as failed. {@code failures} holds the first failures, at most
 * the runner's limit; {@code timedOut} says the time limit stopped the run (the records not
 * finished then count as failed), {@code abandoned} that the record running then did not stop
 * within the grace period and its worker thread was left behind.
 */
public record SltFileResult(Path file, int passed, int failed, int skipped,
    List<SltFailure> failures, boolean halted, boolean timedOut, boolean abandoned, long millis) {
  public SltFileResult {
    failures = List.copyOf(failures);
  }

  /** Every record counted: passed, failed and skipped. */
  public int total() {
    return passed + failed + skipped;
  }

  /** {@code N passed, M failed, K skipped}. */
  public String counts() {
    return SltMain.counts(passed, failed, skipped);
  }
}
