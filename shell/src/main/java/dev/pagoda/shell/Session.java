package dev.pagoda.shell;

import dev.pagoda.Connection;
import dev.pagoda.PagodaException;
import dev.pagoda.PreparedStatement;
import dev.pagoda.Rows;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the shell over one connection: reads lines, collects SQL until a statement is
 * complete, runs it, prints the rows, and runs dot-commands. Counts errors for the exit status.
 *
 * <p>Errors read like sqlite3's: {@code Parse error near line 3: no such table: t} when reading a
 * script, {@code Parse error: ...} interactively; {@code Runtime error ...} when a statement fails
 * while running. The rest of the failing input chunk is skipped, and the shell goes on with the
 * next one (unless {@code .bail on}).
 */
final class Session {
  static final String PROMPT = "pagoda> ";
  static final String CONTINUATION_PROMPT = "   ...> ";

  private final Connection connection;
  private final Settings settings;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean interactive;
  private int errors;
  private Integer exitCode;

  Session(
      Connection connection,
      Settings settings,
      PrintStream out,
      PrintStream err,
      boolean interactive) {
    this.connection = connection;
    this.settings = settings;
    this.out = out;
    this.err = err;
    this.interactive = interactive;
  }

  Connection connection() {
    return connection;
  }

  Settings settings() {
    return settings;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  boolean interactive() {
    return interactive;
  }

  /** Reports an error on standard error (after flushing the output, to keep them in order). */
  void error(String message) {
    errors++;
    warn(message);
  }

  /** Prints a message on standard error without counting it as an error. */
  void warn(String message) {
    out.flush();
    err.print(message + "\n");
    err.flush();
  }

  /** Makes the shell exit with {@code code} once the current command is done. */
  void exitWith(int code) {
    exitCode = code;
  }

  /** The exit status: what {@code .exit CODE} asked for, else 1 after any error, else 0. */
  int status() {
    if (exitCode != null) {
      return exitCode;
    }
    return errors > 0 ? 1 : 0;
  }

  private boolean shouldStop() {
    return exitCode != null || (settings.bail && errors > 0);
  }

  /** Reads and runs {@code input} to its end, a {@code .quit}, or (with bail) an error. */
  void process(BufferedReader input) throws IOException {
    StringBuilder sql = new StringBuilder();
    int lineNumber = 0;
    int startLine = 0;
    while (true) {
      prompt(sql.length() == 0 ? PROMPT : CONTINUATION_PROMPT);
      String line = input.readLine();
      if (line == null) {
        break;
      }
      lineNumber++;
      if (sql.length() == 0) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        if (trimmed.startsWith(".")) {
          if (runCommand(trimmed) == DotCommands.Next.STOP) {
            return;
          }
          continue;
        }
        startLine = lineNumber;
      }
      sql.append(line).append('\n');
      if (SqlScanner.isComplete(sql.toString())) {
        runSql(sql.toString(), startLine);
        sql.setLength(0);
        if (shouldStop()) {
          return;
        }
      }
    }
    if (!SqlScanner.isBlank(sql.toString())) {
      runSql(sql.toString(), startLine);
    }
  }

  /** Runs one command-line argument: a dot-command or SQL (which needs no final {@code ;}). */
  DotCommands.Next runArgument(String argument) {
    String trimmed = argument.strip();
    if (trimmed.startsWith(".")) {
      return runCommand(trimmed);
    }
    runSql(argument, 1);
    return shouldStop() ? DotCommands.Next.STOP : DotCommands.Next.CONTINUE;
  }

  private DotCommands.Next runCommand(String line) {
    DotCommands.Next next = DotCommands.run(line, this);
    return shouldStop() ? DotCommands.Next.STOP : next;
  }

  private void prompt(String prompt) {
    if (interactive) {
      out.print(prompt);
      out.flush();
    }
  }

  /**
   * Runs every statement in {@code sql} in turn, printing the rows of queries; the first failure is
   * reported and skips the rest.
   */
  void runSql(String sql, int startLine) {
    String rest = sql;
    while (!SqlScanner.isBlank(rest)) {
      PreparedStatement statement;
      try {
        statement = connection.prepare(rest);
      } catch (PagodaException e) {
        report("Parse error", e, startLine);
        return;
      }
      try (statement) {
        rest = statement.tail();
        if (statement.isQuery()) {
          print(statement);
        } else {
          statement.executeUpdate();
        }
      } catch (PagodaException e) {
        report("Runtime error", e, startLine);
        return;
      }
    }
  }

  private void print(PreparedStatement statement) {
    try (Rows rows = statement.query()) {
      int count = rows.columnCount();
      List<String> columns = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        columns.add(rows.columnName(i));
      }
      OutputMode.RowWriter writer = settings.mode.writer(columns, settings, out);
      String[] values = new String[count];
      while (rows.next()) {
        for (int i = 0; i < count; i++) {
          values[i] = rows.getString(i);
        }
        writer.row(values);
      }
    }
  }

  /** Reports a failed statement the way sqlite3 does, the result code added when it is not 1. */
  private void report(String kind, PagodaException e, int startLine) {
    String where = interactive ? "" : " near line " + startLine;
    int code = e.code().primary().code();
    String message = e.getMessage() + (code > 1 ? " (" + code + ")" : "");
    error(kind + where + ": " + message);
  }
}
