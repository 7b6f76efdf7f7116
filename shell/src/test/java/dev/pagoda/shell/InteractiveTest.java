package dev.pagoda.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.Database;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JLine loop on a dumb terminal over piped streams. */
class InteractiveTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

  /** Runs the loop over {@code input} to its end; returns what the session printed. */
  private String runLoop(String input) throws IOException {
    try (Database db = Database.openInMemory();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Terminal terminal =
            new DumbTerminal(
                "test",
                "dumb",
                new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                screen,
                StandardCharsets.UTF_8)) {
      Session session = new Session(db, "", new Settings(), o, e, true);
      new Interactive(session, terminal, dir.resolve("history")).run();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void run_multiLineStatement_runsWhenCompleteWithContinuationPrompt() throws IOException {
    String printed =
        runLoop("create table t(a);\ninsert into t values (1),\n(2);\nselect sum(a)\n  from t;\n");
    assertEquals("3\n", printed);
    String shown = screen.toString(StandardCharsets.UTF_8);
    assertTrue(shown.contains("pagoda> "), shown);
    assertTrue(shown.contains("   ...> "), shown);
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void run_dotCommandsAndQuit_stopAtQuit() throws IOException {
    assertEquals("a|b\n1|2\n", runLoop(".headers on\nselect 1 a, 2 b;\n.quit\nselect 3;\n"));
  }

  @Test
  void run_lines_savedInHistoryFile() throws IOException {
    runLoop("select 1;\n.headers on\n");
    String history = Files.readString(dir.resolve("history"), StandardCharsets.UTF_8);
    assertTrue(history.contains("select 1;"), history);
    assertTrue(history.contains(".headers on"), history);
  }

  /** Ctrl-C (the terminal's INT) at the prompt does not end the shell, as in sqlite3. */
  @Test
  void run_ctrlCAtPrompt_shellGoesOn() throws Exception {
    PipedOutputStream feed = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(feed);
    try (Database db = Database.openInMemory();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Terminal terminal = new DumbTerminal("test", "dumb", in, screen, StandardCharsets.UTF_8)) {
      Session session = new Session(db, "", new Settings(), o, e, true);
      Thread thread = new Thread(new Interactive(session, terminal, null)::run, "shell");
      thread.start();
      while (!screen.toString(StandardCharsets.UTF_8).contains("pagoda> ")) {
        Thread.onSpinWait();
      }
      terminal.raise(Terminal.Signal.INT);
      write(feed, "select 7;\n");
      feed.close();
      thread.join();
    }
    assertEquals("7\n", out.toString(StandardCharsets.UTF_8), () -> err + "|" + screen);
  }

  @Test
  void run_endOfInput_endsSession() throws IOException {
    assertEquals("1\n", runLoop("select 1;\n"));
  }

  /** Ctrl-C while a statement runs interrupts it; the next statement then runs. */
  @Test
  void interrupt_longStatement_stopsItAndShellContinues() throws Exception {
    PipedOutputStream feed = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(feed);
    try (Database db = Database.openInMemory();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Terminal terminal = new DumbTerminal("test", "dumb", in, screen, StandardCharsets.UTF_8)) {
      Session session = new Session(db, "", new Settings(), o, e, true);
      Interactive loop = new Interactive(session, terminal, null);
      Thread thread = new Thread(loop::run, "shell");
      thread.start();
      // 10^12 rows through nested loops, which check for an interrupt between rows
      write(feed, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)"
          + " SELECT count(*) FROM n a, n b, n c, n d;\n");
      while (!loop.isRunning()) {
        Thread.onSpinWait();
      }
      terminal.raise(Terminal.Signal.INT);
      write(feed, "select 42;\n");
      feed.close();
      thread.join();
    }
    assertEquals("42\n", out.toString(StandardCharsets.UTF_8));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("interrupt"), err.toString());
  }

  private static void write(OutputStream feed, String text) throws IOException {
    feed.write(text.getBytes(StandardCharsets.UTF_8));
    feed.flush();
  }
}
