package dev.pagoda.shell;

import dev.pagoda.Database;
import dev.pagoda.PagodaException;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;

/**
 * The {@code pagoda} command: a shell like {@code sqlite3}. {@code pagoda [FILENAME]} opens the
 * database file (creating it when missing), or a transient in-memory database without one, then
 * reads SQL statements ending in {@code ;} and dot-commands ({@code .help}) from standard input.
 *
 * <p>On a terminal it is interactive: a banner and {@code pagoda> } prompts. From a pipe or file it
 * reads a script silently, reports each error on standard error and goes on; the exit status is 1
 * when any error happened.
 */
public final class Shell {
  private Shell() {}

  public static void main(String[] args) {
    PrintStream out =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
            false,
            StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    int status = run(args, System.in, out, err);
    out.flush();
    System.exit(status);
  }

  /**
   * Runs the shell with {@code args} on the given streams and returns the exit status. It is
   * interactive when {@code in} is {@link System#in} and there is a console, unless the options
   * {@code -interactive} or {@code -batch} say otherwise.
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.print("pagoda: Error: " + e.getMessage() + "\n");
      if (e.getMessage().startsWith("unknown option")) {
        err.print("Use -help for a list of options.\n");
      }
      return 1;
    }
    if (options.help) {
      err.print(Options.USAGE);
      return 1;
    }
    if (options.version) {
      out.print(Version.VERSION + "\n");
      return 0;
    }
    boolean interactive =
        options.interactive != null
            ? options.interactive
            : options.commands.isEmpty() && in == System.in && hasTerminal();
    try {
      return session(options, in, out, err, interactive);
    } finally {
      out.flush();
    }
  }

  private static int session(
      Options options, InputStream in, PrintStream out, PrintStream err, boolean interactive) {
    Database database;
    try {
      database = FileCommands.openDatabase(options.isMemory() ? null : options.file,
          options.readOnly, false);
    } catch (PagodaException | InvalidPathException | IOException e) {
      err.print(
          "Error: unable to open database \"" + options.file + "\": " + e.getMessage() + "\n");
      return 1;
    }
    Session session = new Session(database, options.file == null ? "" : options.file,
        options.settings, out, err, interactive);
    try {
      return run(session, options, in, interactive, out);
    } catch (IOException e) {
      err.print("Error: cannot read input: " + e.getMessage() + "\n");
      return 1;
    } catch (PagodaException e) {
      err.print("Error: " + e.getMessage() + "\n");
      return 1;
    } finally {
      session.close();
    }
  }

  /**
   * The -cmd commands (their errors end the run only with -bail), then the SQL arguments (the
   * first error ends the run, with the statement's result code), or else standard input.
   */
  private static int run(Session session, Options options, InputStream in, boolean interactive,
      PrintStream out) throws IOException {
    for (String command : options.initCommands) {
      DotCommands.Next next = session.runArgument(command);
      if (session.errors() > 0 && session.settings().bail) {
        return command.startsWith(".") ? 1 : session.lastCode();
      }
      if (next == DotCommands.Next.STOP) {
        return session.status();
      }
    }
    session.forgetErrors();
    if (!options.commands.isEmpty()) {
      for (String command : options.commands) {
        DotCommands.Next next = session.runArgument(command);
        if (session.errors() > 0) {
          return command.startsWith(".") ? 1 : session.lastCode();
        }
        if (next == DotCommands.Next.STOP) {
          break;
        }
      }
      return session.status();
    }
    if (interactive) {
      banner(options, out);
    }
    if (interactive && in == System.in && hasTerminal()) {
      Interactive.runOnSystemTerminal(session);
    } else {
      session.process(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    }
    if (interactive) {
      out.print("\n");
    }
    return session.status();
  }

  /**
   * Whether standard input and output are a terminal. Before JDK 22 that is whether there is a
   * console; from JDK 22 on there may be a console without a terminal, and {@code
   * Console.isTerminal()} (looked up reflectively, as this code targets Java 17) tells.
   */
  @SuppressWarnings("SystemConsoleNull") // handled: isTerminal() is asked where it exists
  private static boolean hasTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | ClassCastException e) {
      return false;
    }
  }

  private static void banner(Options options, PrintStream out) {
    out.print("Pagoda version " + Version.VERSION + "\n");
    out.print("Enter \".help\" for usage hints.\n");
    if (options.isMemory()) {
      out.print("Connected to a transient in-memory database.\n");
      out.print("Use \"pagoda FILENAME\" to open a persistent database.\n");
    }
  }
}
