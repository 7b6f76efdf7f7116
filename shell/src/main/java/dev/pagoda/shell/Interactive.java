package dev.pagoda.shell;

import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The shell at a terminal: JLine line editing, history kept in {@code ~/.pagoda_history} (as
 * sqlite3 keeps {@code ~/.sqlite_history}), the prompt {@code pagoda> } and {@code    ...> } while
 * a statement is unfinished (as {@link SqlScanner} tells).
 *
 * <p>Ctrl-C: at the prompt it drops the line being typed (and any unfinished statement) and the
 * shell goes on, as sqlite3 does; while a statement runs, the terminal's INT signal interrupts the
 * thread running it, so the engine stops it with SQLITE_INTERRUPT and the prompt comes back.
 * Ctrl-D on an empty line ends the session.
 *
 * <p>Only pure-Java terminal providers are used: {@code exec} (stty through a subprocess) for the
 * real terminal, {@code dumb} otherwise; never JNI or FFM ones, as Pagoda ships no native code.
 */
final class Interactive {
  /** The history file's name in the user's home directory. */
  static final String HISTORY_FILE = ".pagoda_history";

  private final Session session;
  private final LineReader reader;
  private volatile Thread runner;
  private volatile boolean running;

  /** A loop reading from {@code terminal}, history in {@code historyFile} (null: none). */
  Interactive(Session session, Terminal terminal, Path historyFile) {
    this.session = session;
    LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("pagoda");
    if (historyFile != null) {
      builder.variable(LineReader.HISTORY_FILE, historyFile);
    }
    this.reader = builder.build();
    terminal.handle(Terminal.Signal.INT, signal -> interrupt());
  }

  /** The system terminal through the exec provider. */
  static Terminal systemTerminal() throws IOException {
    return TerminalBuilder.builder()
        .system(true)
        .exec(true)
        .jni(false)
        .ffm(false)
        .jansi(false)
        .jna(false)
        .nativeSignals(true)
        .build();
  }

  /** Runs the shell on the system terminal with the history in the user's home directory. */
  static void runOnSystemTerminal(Session session) throws IOException {
    try (Terminal terminal = systemTerminal()) {
      Path history = Path.of(System.getProperty("user.home"), HISTORY_FILE);
      new Interactive(session, terminal, history).run();
    }
  }

  /** Whether a statement is running now (so Ctrl-C would interrupt it). */
  boolean isRunning() {
    return running;
  }

  private void interrupt() {
    if (running) {
      runner.interrupt();
    }
  }

  /** Reads and runs lines until Ctrl-D, the end of input, or {@code .quit}. */
  void run() {
    runner = Thread.currentThread();
    session.out().flush(); // the banner, before JLine draws on the same terminal
    StringBuilder sql = new StringBuilder();
    try {
      while (true) {
        String line;
        try {
          line = reader.readLine(sql.length() == 0 ? Session.PROMPT : Session.CONTINUATION_PROMPT);
        } catch (UserInterruptException e) {
          sql.setLength(0); // Ctrl-C at the prompt: drop what was typed, stay in the shell
          continue;
        } catch (EndOfFileException e) {
          return;
        }
        if (!accept(line, sql)) {
          return;
        }
      }
    } finally {
      saveHistory();
    }
  }

  /** Takes one line; false when the session should end. */
  private boolean accept(String line, StringBuilder sql) {
    if (sql.length() == 0) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        return true;
      }
      if (trimmed.startsWith(".")) {
        return execute(trimmed);
      }
    }
    sql.append(line).append('\n');
    if (!SqlScanner.isComplete(sql.toString())) {
      return true;
    }
    String statement = sql.toString();
    sql.setLength(0);
    return execute(statement);
  }

  /** Runs a statement or dot-command, interruptible by Ctrl-C; false when the session ends. */
  private boolean execute(String input) {
    DotCommands.Next next;
    Thread.interrupted(); // JLine's own Ctrl-C handling at the prompt may leave the flag set
    running = true;
    try {
      next = session.runArgument(input);
    } finally {
      running = false;
      Thread.interrupted(); // a Ctrl-C that came as the statement ended
      session.out().flush();
    }
    return next != DotCommands.Next.STOP;
  }

  private void saveHistory() {
    History history = reader.getHistory();
    try {
      history.save();
    } catch (IOException e) {
      session.warn("Warning: cannot save history: " + e.getMessage());
    }
  }
}
