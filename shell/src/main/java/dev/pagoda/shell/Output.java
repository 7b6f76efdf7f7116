package dev.pagoda.shell;

import java.io.PrintStream;

/**
 * Where results go: standard output, a file for {@code .output FILE} until {@code .output}, or a
 * file for the next command only ({@code .once FILE}). Errors always go to standard error.
 *
 * <p>States: STDOUT; FILE ({@link #redirect}); ONCE ({@link #once}: armed for the next command,
 * which {@link #endOnce} ends, back to STDOUT). {@link #reset} goes back to STDOUT from any.
 */
final class Output {
  private final PrintStream stdout;
  private PrintStream current;
  private String name = "stdout";
  private boolean once;

  Output(PrintStream stdout) {
    this.stdout = stdout;
    this.current = stdout;
  }

  PrintStream current() {
    return current;
  }

  /** {@code stdout} or the file name, as {@code .show} prints it. */
  String name() {
    return name;
  }

  void redirect(PrintStream file, String fileName) {
    reset();
    current = file;
    name = fileName;
  }

  void once(PrintStream file, String fileName) {
    redirect(file, fileName);
    once = true;
  }

  /** Whether a {@code .once} waits for the command about to run. */
  boolean onceArmed() {
    return once;
  }

  void endOnce() {
    if (once) {
      reset();
    }
  }

  /** Back to standard output, closing any file. */
  void reset() {
    if (current != stdout) {
      current.close();
      current = stdout;
    }
    name = "stdout";
    once = false;
  }

  void close() {
    reset();
    stdout.flush();
  }
}
