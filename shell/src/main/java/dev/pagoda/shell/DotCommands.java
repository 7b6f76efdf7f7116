package dev.pagoda.shell;

import dev.pagoda.Connection;
import dev.pagoda.PagodaException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shell's own commands: lines starting with {@code .}, as in sqlite3. Each command is a {@link
 * Command} in {@link #COMMANDS}, with its usage and help text; adding one is adding an entry.
 */
final class DotCommands {
  /** What a command tells the shell to do next. */
  enum Next {
    CONTINUE,
    /** Stop reading input; the shell exits with its usual status. */
    STOP
  }

  /** A dot-command: the words after its name, and the session it acts on. */
  @FunctionalInterface
  private interface Action {
    Next run(List<String> args, Session session);
  }

  private record Command(String usage, String help, Action action) {}

  private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put(
        "bail",
        new Command("bail on|off", "Stop after hitting an error.  Default OFF", DotCommands::bail));
    COMMANDS.put(
        "exit",
        new Command("exit ?CODE?", "Exit this program with return-code CODE", DotCommands::exit));
    COMMANDS.put(
        "headers",
        new Command("headers on|off", "Turn display of headers on or off", DotCommands::headers));
    COMMANDS.put("dump", new Command("dump ?OBJECTS?", "Render database content as SQL", Dump::command));
    COMMANDS.put("help", new Command("help", "Show this message", DotCommands::help));
    COMMANDS.put("import", new Command("import FILE TABLE", "Import data from FILE into TABLE", CsvImport::command));
    COMMANDS.put(
        "mode",
        new Command("mode ?MODE?", "Set output mode: " + OutputMode.labels(), DotCommands::mode));
    COMMANDS.put(
        "nullvalue",
        new Command(
            "nullvalue STRING", "Use STRING in place of NULL values", DotCommands::nullValue));
    COMMANDS.put("quit", new Command("quit", "Exit this program", (args, s) -> Next.STOP));
    COMMANDS.put(
        "tables",
        new Command(
            "tables ?PATTERN?",
            "List names of tables matching LIKE pattern PATTERN",
            DotCommands::tables));
  }

  private DotCommands() {}

  /** Runs the dot-command {@code line} (starting with {@code .}). */
  static Next run(String line, Session session) {
    List<String> words = split(line.substring(1));
    String name = words.isEmpty() ? "" : words.get(0).toLowerCase(Locale.ROOT);
    Command command = COMMANDS.get(name);
    if (command == null) {
      session.error(
          "Error: unknown command or invalid arguments:  \""
              + name
              + "\". Enter \".help\" for help");
      return Next.CONTINUE;
    }
    return command.action().run(words.subList(1, words.size()), session);
  }

  /** Splits a command line into words; quotes ('...' or "...") keep white space in a word. */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int end;
      if (c == '\'' || c == '"') {
        end = line.indexOf(c, i + 1);
        end = end < 0 ? line.length() : end;
        words.add(line.substring(i + 1, end));
        i = end + 1;
      } else {
        end = i;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
          end++;
        }
        words.add(line.substring(i, end));
        i = end;
      }
    }
    return words;
  }

  private static Next usage(Session session, String name) {
    session.error("Usage: ." + COMMANDS.get(name).usage());
    return Next.CONTINUE;
  }

  /** sqlite3's boolean words: on/yes/true or a non-zero number, off/no/false or 0. */
  private static boolean parseBoolean(String word, Session session) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.equals("on") || w.equals("yes") || w.equals("true") || w.matches("[0-9]*[1-9][0-9]*")) {
      return true;
    }
    if (w.equals("off") || w.equals("no") || w.equals("false") || w.matches("0+")) {
      return false;
    }
    session.warn("ERROR: Not a boolean value: \"" + word + "\". Assuming \"no\".");
    return false;
  }

  private static Next bail(List<String> args, Session session) {
    if (args.size() != 1) {
      return usage(session, "bail");
    }
    session.settings().bail = parseBoolean(args.get(0), session);
    return Next.CONTINUE;
  }

  private static Next headers(List<String> args, Session session) {
    if (args.size() != 1) {
      return usage(session, "headers");
    }
    session.settings().headers = parseBoolean(args.get(0), session);
    return Next.CONTINUE;
  }

  private static Next nullValue(List<String> args, Session session) {
    if (args.size() != 1) {
      return usage(session, "nullvalue");
    }
    session.settings().nullValue = args.get(0);
    return Next.CONTINUE;
  }

  private static Next mode(List<String> args, Session session) {
    if (args.isEmpty()) {
      session.out().print("current output mode: " + session.settings().mode.label() + "\n");
      return Next.CONTINUE;
    }
    OutputMode mode = OutputMode.named(args.get(0).toLowerCase(Locale.ROOT));
    if (mode == null || args.size() > 1) {
      session.error("Error: mode should be one of: " + OutputMode.labels());
      return Next.CONTINUE;
    }
    session.settings().mode = mode;
    return Next.CONTINUE;
  }

  /** {@code .exit CODE} exits with CODE at once; {@code .exit} alone is {@code .quit}. */
  private static Next exit(List<String> args, Session session) {
    if (args.isEmpty()) {
      return Next.STOP;
    }
    try {
      session.exitWith(Integer.parseInt(args.get(0)));
    } catch (NumberFormatException e) {
      return usage(session, "exit");
    }
    return Next.STOP;
  }

  private static Next help(List<String> args, Session session) {
    PrintStream out = session.out();
    for (Command command : COMMANDS.values()) {
      out.print(String.format(Locale.ROOT, "%-25s%s\n", "." + command.usage(), command.help()));
    }
    return Next.CONTINUE;
  }

  private static Next tables(List<String> args, Session session) {
    if (args.size() > 1) {
      return usage(session, "tables");
    }
    String pattern = args.isEmpty() ? "%" : args.get(0);
    Connection connection = session.connection();
    List<String> names = new ArrayList<>();
    try {
      for (String name : connection.tableNames()) {
        if (Like.matches(pattern, name)) {
          names.add(name);
        }
      }
    } catch (PagodaException e) {
      session.error("Error: " + e.getMessage());
      return Next.CONTINUE;
    }
    printColumns(names, session.out());
    return Next.CONTINUE;
  }

  /** Prints {@code names} in columns down the page, as sqlite3's {@code .tables} does. */
  static void printColumns(List<String> names, PrintStream out) {
    if (names.isEmpty()) {
      return;
    }
    int width = 0;
    for (String name : names) {
      width = Math.max(width, name.length());
    }
    int columns = Math.max(1, 80 / (width + 2));
    int rows = (names.size() + columns - 1) / columns;
    String cell = "%-" + width + "s";
    for (int row = 0; row < rows; row++) {
      StringBuilder line = new StringBuilder();
      for (int i = row; i < names.size(); i += rows) {
        line.append(i == row ? "" : "  ").append(String.format(Locale.ROOT, cell, names.get(i)));
      }
      out.print(line.append('\n'));
    }
  }
}
