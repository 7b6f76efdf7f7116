package dev.pagoda.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shell's own commands: lines starting with {@code .}, as in sqlite3. Each command is a {@link
 * Command} in {@link #COMMANDS}, with its help text as sqlite3 prints it; adding one is one {@code
 * put}. The actions live with their concern: {@link SettingsCommands} (output settings and
 * switches), {@link ModeCommand}, {@link SchemaCommands} (.tables, .schema, .indexes,
 * .databases), {@link FileCommands} (.open, .output, .once, .read).
 *
 * <p>A command's name may be shortened to any prefix ({@code .tab}); the first command in the
 * table's (alphabetical) order with that prefix runs, as sqlite3's chain of tests picks one.
 */
final class DotCommands {
  /** What a command tells the shell to do next. */
  enum Next {
    CONTINUE,
    /** Stop reading this input; the shell exits with its usual status. */
    STOP
  }

  /** A dot-command: the words after its name, and the session it acts on. */
  @FunctionalInterface
  interface Action {
    Next run(List<String> args, Session session);
  }

  /** One command: its help (the first line is the one {@code .help} lists) and its action. */
  record Command(String help, Action action) {}

  private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("bail", new Command(
        ".bail on|off             Stop after hitting an error.  Default OFF",
        SettingsCommands::bail));
    COMMANDS.put("changes", new Command(
        ".changes on|off          Show number of rows changed by SQL", SettingsCommands::changes));
    COMMANDS.put("databases", new Command(
        ".databases               List names and files of attached databases",
        SchemaCommands::databases));
    COMMANDS.put("dump", new Command(
        ".dump ?OBJECTS?          Render database content as SQL", Dump::command));
    COMMANDS.put("echo", new Command(
        ".echo on|off             Turn command echo on or off", SettingsCommands::echo));
    COMMANDS.put("eqp", new Command(
        ".eqp on|off|full|...     Enable or disable automatic EXPLAIN QUERY PLAN",
        SettingsCommands::eqp));
    COMMANDS.put("exit", new Command(
        ".exit ?CODE?             Exit this program with return-code CODE", DotCommands::exit));
    COMMANDS.put("headers", new Command(
        ".headers on|off          Turn display of headers on or off", SettingsCommands::headers));
    COMMANDS.put("help", new Command(
        ".help ?-all? ?PATTERN?   Show help text for PATTERN", DotCommands::help));
    COMMANDS.put("import", new Command(
        ".import FILE TABLE       Import data from FILE into TABLE", CsvImport::command));
    COMMANDS.put("indexes", new Command(
        ".indexes ?TABLE?         Show names of indexes", SchemaCommands::indexes));
    COMMANDS.put("mode", new Command(ModeCommand.HELP, ModeCommand::mode));
    COMMANDS.put("nullvalue", new Command(
        ".nullvalue STRING        Use STRING in place of NULL values",
        SettingsCommands::nullValue));
    COMMANDS.put("once", new Command(FileCommands.ONCE_HELP, FileCommands::once));
    COMMANDS.put("open", new Command(FileCommands.OPEN_HELP, FileCommands::open));
    COMMANDS.put("output", new Command(FileCommands.OUTPUT_HELP, FileCommands::output));
    COMMANDS.put("quit", new Command(
        ".quit                    Exit this program", (args, s) -> Next.STOP));
    COMMANDS.put("read", new Command(
        ".read FILE               Read input from FILE or command output", FileCommands::read));
    COMMANDS.put("schema", new Command(
        ".schema ?PATTERN?        Show the CREATE statements matching PATTERN",
        SchemaCommands::schema));
    COMMANDS.put("separator", new Command(
        ".separator COL ?ROW?     Change the column and row separators",
        SettingsCommands::separator));
    COMMANDS.put("show", new Command(
        ".show                    Show the current values for various settings",
        SettingsCommands::show));
    COMMANDS.put("tables", new Command(
        ".tables ?TABLE?          List names of tables matching LIKE pattern TABLE",
        SchemaCommands::tables));
    COMMANDS.put("timer", new Command(
        ".timer on|off            Turn SQL timer on or off", SettingsCommands::timer));
    COMMANDS.put("width", new Command(
        ".width NUM1 NUM2 ...     Set minimum column widths for columnar output\n"
            + "     Negative values right-justify", SettingsCommands::width));
  }

  private DotCommands() {}

  /** Runs the dot-command {@code line} (starting with {@code .}). */
  static Next run(String line, Session session) {
    List<String> words = split(line.strip().substring(1));
    if (words.isEmpty()) {
      return Next.CONTINUE; // a lone "." does nothing, as in sqlite3
    }
    String name = words.get(0);
    Command command = find(name);
    if (command == null) {
      session.error("Error: unknown command or invalid arguments:  \""
          + name + "\". Enter \".help\" for help");
      return Next.CONTINUE;
    }
    return command.action().run(words.subList(1, words.size()), session);
  }

  private static Command find(String name) {
    if (name.isEmpty()) {
      return null;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    Command exact = COMMANDS.get(lower);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, Command> e : COMMANDS.entrySet()) {
      if (e.getKey().startsWith(lower)) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * Splits a command line into words as sqlite3 does: {@code '...'} keeps its text as it is,
   * {@code "..."} and bare words have their backslash escapes resolved ({@code \t}, {@code \n},
   * {@code \\}, octal {@code \NNN}, ...).
   */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"') {
        int start = ++i;
        while (i < n && line.charAt(i) != c) {
          i += line.charAt(i) == '\\' && c == '"' && i + 1 < n ? 2 : 1;
        }
        String word = line.substring(start, Math.min(i, n));
        words.add(c == '"' ? resolveBackslashes(word) : word);
        i++;
      } else {
        int start = i;
        while (i < n && !Character.isWhitespace(line.charAt(i))) {
          i++;
        }
        words.add(resolveBackslashes(line.substring(start, i)));
      }
    }
    return words;
  }

  /** shell.c's {@code resolve_backslashes}. */
  static String resolveBackslashes(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        c = s.charAt(++i);
        switch (c) {
          case 'a' -> c = 7;
          case 'b' -> c = '\b';
          case 't' -> c = '\t';
          case 'n' -> c = '\n';
          case 'v' -> c = 11;
          case 'f' -> c = '\f';
          case 'r' -> c = '\r';
          default -> {
            if (c >= '0' && c <= '7') {
              int v = c - '0';
              for (int k = 0; k < 2 && i + 1 < s.length() && isOctal(s.charAt(i + 1)); k++) {
                v = (v << 3) + s.charAt(++i) - '0';
              }
              c = (char) (v & 0xff);
            }
          }
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }

  /** Prints {@code message} (if not null) on standard error and counts an error. */
  static Next usage(Session session, String message) {
    if (message == null) {
      session.countError();
    } else {
      session.error(message);
    }
    return Next.CONTINUE;
  }

  /** sqlite3's {@code booleanValue}: a number, on/yes, off/no; anything else is "no", with a warning. */
  static boolean parseBoolean(String word, Session session) {
    if (!word.isEmpty() && word.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      return integerValue(word) != 0;
    }
    if (word.equalsIgnoreCase("on") || word.equalsIgnoreCase("yes")) {
      return true;
    }
    if (!word.equalsIgnoreCase("off") && !word.equalsIgnoreCase("no")) {
      session.warn("ERROR: Not a boolean value: \"" + word + "\". Assuming \"no\".");
    }
    return false;
  }

  /** sqlite3's {@code integerValue}: an optional sign, then decimal or 0x hex digits; 0 if none. */
  static long integerValue(String word) {
    int i = 0;
    boolean negative = false;
    if (i < word.length() && (word.charAt(i) == '-' || word.charAt(i) == '+')) {
      negative = word.charAt(i++) == '-';
    }
    long v = 0;
    if (word.startsWith("0x", i)) {
      for (i += 2; i < word.length() && Character.digit(word.charAt(i), 16) >= 0; i++) {
        v = (v << 4) + Character.digit(word.charAt(i), 16);
      }
    } else {
      for (; i < word.length() && Character.isDigit(word.charAt(i)); i++) {
        v = v * 10 + (word.charAt(i) - '0');
      }
    }
    return negative ? -v : v;
  }

  /** {@code .exit CODE} exits with CODE at once; {@code .exit} alone (or 0) is {@code .quit}. */
  private static Next exit(List<String> args, Session session) {
    int code = args.isEmpty() ? 0 : (int) integerValue(args.get(0));
    if (code != 0) {
      session.exitWith(code);
    }
    return Next.STOP;
  }

  /** {@code .help}: the first line of every command; {@code .help PATTERN}: all of each match. */
  private static Next help(List<String> args, Session session) {
    List<String> words = new ArrayList<>(args);
    boolean all = words.remove("-all");
    all = words.remove("--all") || all;
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Command> e : COMMANDS.entrySet()) {
      String help = e.getValue().help();
      if (words.isEmpty()) {
        out.append(all ? help : help.lines().findFirst().orElse("")).append('\n');
      } else if (e.getKey().startsWith(words.get(0).replaceFirst("^\\.", ""))) {
        out.append(help).append('\n');
      }
    }
    if (out.length() == 0) {
      out.append("Nothing matches '").append(words.get(0)).append("'\n");
    }
    session.out().print(out);
    return Next.CONTINUE;
  }

  /** Prints {@code names} in columns down the page, as sqlite3's {@code .tables} does. */
  static void printColumns(List<String> names, Session session) {
    if (names.isEmpty()) {
      return;
    }
    int width = 0;
    for (String name : names) {
      width = Math.max(width, Cells.utf8(name).length);
    }
    int columns = Math.max(1, 80 / (width + 2));
    int rows = (names.size() + columns - 1) / columns;
    StringBuilder out = new StringBuilder();
    for (int row = 0; row < rows; row++) {
      for (int i = row; i < names.size(); i += rows) {
        out.append(i == row ? "" : "  ").append(names.get(i));
        out.append(" ".repeat(width - Cells.utf8(names.get(i)).length));
      }
      out.append('\n');
    }
    session.out().print(out);
  }
}
