package dev.pagoda.shell;

import dev.pagoda.Connection;
import dev.pagoda.Database;
import dev.pagoda.PagodaException;
import dev.pagoda.PreparedStatement;
import dev.pagoda.Rows;
import dev.pagoda.spi.Value;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the shell: the open database, the settings, where output goes, and the error count.
 * Reads lines, collects SQL until a statement is complete, runs it and prints its rows, and runs
 * dot-commands.
 *
 * <p>Errors read like sqlite3's: {@code Parse error near line 3: no such table: t} when reading a
 * script, {@code Parse error: ...} interactively; {@code Runtime error ...} when a statement fails
 * while running; {@code Error: in prepare, ...} / {@code Error: stepping, ...} for SQL given as a
 * command-line argument. The rest of the failing chunk is skipped, and the shell goes on with the
 * next one (unless {@code .bail on}).
 */
final class Session {
  static final String PROMPT = "pagoda> ";
  static final String CONTINUATION_PROMPT = "   ...> ";

  /** How a chunk of SQL reports its first error. */
  enum Source {
    /** Read from input: {@code Parse error near line N: ...}. */
    INPUT,
    /** A command-line argument or {@code -cmd}: {@code Error: in prepare, ...}. */
    ARGUMENT
  }

  private final Settings settings;
  private final Output output;
  private final PrintStream err;
  private final boolean interactive;
  private final StatementTimer timer = new StatementTimer();
  private final QueryPlanPrinter plans = new QueryPlanPrinter();
  private Database database;
  private Connection connection;
  /** The database file name as given, {@code :memory:} for none; what {@code .show} prints. */
  private String filename;
  private int errors;
  private Integer exitCode;
  /** The result code of the last failed statement (sqlite3 exits with it after a failed argument). */
  private int lastCode = 1;

  Session(Database database, String filename, Settings settings, PrintStream out,
      PrintStream err, boolean interactive) {
    this.database = database;
    this.filename = filename;
    this.connection = database.connect();
    this.settings = settings;
    this.output = new Output(out);
    this.err = err;
    this.interactive = interactive;
  }

  Connection connection() {
    return connection;
  }

  Database database() {
    return database;
  }

  String filename() {
    return filename;
  }

  /** Closes the current database and uses {@code next} (opened from {@code name}) from now on. */
  void replaceDatabase(Database next, String name) {
    Database old = database;
    connection.close();
    old.close();
    database = next;
    filename = name;
    connection = next.connect();
  }

  /** Closes the database. */
  void close() {
    connection.close();
    database.close();
    output.close();
  }

  Settings settings() {
    return settings;
  }

  /** Where results go now: standard output, or the file of {@code .output} / {@code .once}. */
  PrintStream out() {
    return output.current();
  }

  Output output() {
    return output;
  }

  boolean interactive() {
    return interactive;
  }

  PrintStream err() {
    return err;
  }

  /** Reports an error on standard error (after flushing the output, to keep them in order). */
  void error(String message) {
    errors++;
    warn(message);
  }

  /** Counts an error whose message went elsewhere. */
  void countError() {
    errors++;
  }

  /** Prints a message on standard error without counting it as an error. */
  void warn(String message) {
    output.current().flush();
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

  /** Forgets the errors so far (those of -cmd commands do not make the exit status 1). */
  void forgetErrors() {
    errors = 0;
  }

  int errors() {
    return errors;
  }

  int lastCode() {
    return lastCode;
  }

  boolean shouldStop() {
    return exitCode != null || (settings.bail && errors > 0);
  }

  /** Reads and runs {@code input} to its end, a {@code .quit}, or (with bail) an error. */
  DotCommands.Next process(BufferedReader input) throws IOException {
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
        if (SqlScanner.isWhitespaceLine(line)) {
          echo(line);
          continue;
        }
        if (trimmed.startsWith(".") || line.startsWith("#")) {
          echo(line);
          if (!line.startsWith("#") && runCommand(line) == DotCommands.Next.STOP) {
            return DotCommands.Next.STOP;
          }
          continue;
        }
        startLine = lineNumber;
      } else {
        sql.append('\n');
      }
      sql.append(line);
      if (SqlScanner.isComplete(sql.toString())) {
        runChunk(sql.toString(), startLine, Source.INPUT);
        sql.setLength(0);
        if (shouldStop()) {
          return DotCommands.Next.STOP;
        }
      }
    }
    if (!SqlScanner.isBlank(sql.toString())) {
      runChunk(sql.toString(), startLine, Source.INPUT);
    }
    return shouldStop() ? DotCommands.Next.STOP : DotCommands.Next.CONTINUE;
  }

  /** Runs one command-line argument: a dot-command or SQL (which needs no final {@code ;}). */
  DotCommands.Next runArgument(String argument) {
    if (argument.startsWith(".")) {
      return runCommand(argument);
    }
    runChunk(argument, 1, Source.ARGUMENT);
    return shouldStop() ? DotCommands.Next.STOP : DotCommands.Next.CONTINUE;
  }

  private DotCommands.Next runCommand(String line) {
    boolean once = output.onceArmed();
    DotCommands.Next next = DotCommands.run(line, this);
    if (once) {
      output.endOnce();
    }
    return shouldStop() ? DotCommands.Next.STOP : next;
  }

  private void echo(String text) {
    if (settings.echo) {
      output.current().print(text + "\n");
    }
  }

  private void prompt(String prompt) {
    if (interactive) {
      output.current().print(prompt);
      output.current().flush();
    }
  }

  /**
   * Runs one chunk of input (every statement in {@code sql} in turn, printing the rows of
   * queries), timed when {@code .timer on}; the first failure is reported and skips the rest.
   */
  void runChunk(String sql, int startLine, Source source) {
    boolean once = output.onceArmed();
    echo(sql);
    timer.start();
    boolean ok = runStatements(sql, startLine, source);
    if (settings.timer) {
      output.current().print(timer.report());
    }
    if (ok && settings.changes) {
      output.current().print("changes: " + connection.changes()
          + "   total_changes: " + connection.totalChanges() + "\n");
    }
    if (once) {
      output.endOnce();
    }
  }

  private boolean runStatements(String sql, int startLine, Source source) {
    String rest = sql;
    while (!SqlScanner.isBlank(rest)) {
      PreparedStatement statement;
      try {
        statement = connection.prepare(rest);
      } catch (PagodaException e) {
        report(true, e, ErrorContext.of(e, rest), startLine, source);
        return false;
      }
      try (statement) {
        rest = statement.tail();
        if (settings.eqp) {
          plans.print(statement.sql(), this);
        }
        if (statement.isQuery()) {
          print(statement);
        } else {
          statement.executeUpdate();
        }
      } catch (PagodaException e) {
        report(false, e, "", startLine, source);
        return false;
      }
    }
    return true;
  }

  private void print(PreparedStatement statement) {
    try (Rows rows = statement.query()) {
      int count = rows.columnCount();
      List<String> columns = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        columns.add(rows.columnName(i));
      }
      PrintStream out = output.current();
      ResultPrinter printer = settings.mode.printer(columns, settings, out);
      Value[] values = new Value[count];
      while (rows.next()) {
        for (int i = 0; i < count; i++) {
          values[i] = rows.get(i);
        }
        printer.row(values);
      }
      printer.end();
    }
  }

  /** Reports a failed statement the way sqlite3 does, the result code added when it is not 1. */
  private void report(boolean prepare, PagodaException e, String context, int startLine,
      Source source) {
    int code = e.code().primary().code();
    lastCode = code;
    String message = e.getMessage() + (code > 1 ? " (" + code + ")" : "") + context;
    if (source == Source.ARGUMENT) {
      error("Error: " + (prepare ? "in prepare, " : "stepping, ") + message);
      return;
    }
    String where = interactive ? "" : " near line " + startLine;
    error((prepare ? "Parse error" : "Runtime error") + where + ": " + message);
  }
}
