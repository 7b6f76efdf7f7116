package dev.pagoda.shell;

import dev.pagoda.Connection;
import dev.pagoda.PagodaException;
import dev.pagoda.PreparedStatement;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code .import FILE TABLE}: rows of a CSV (or {@code --ascii}) file inserted into a table, as
 * sqlite3 3.40 does it. When the table does not exist the first row names its columns (all {@code
 * TEXT}, duplicates renamed {@code name_N}); otherwise every row is data ({@code --skip 1} skips a
 * header). Rows with too few fields are filled with NULL and rows with too many cut, each with
 * sqlite3's warning on standard error. All rows go through one prepared INSERT in one transaction
 * (unless one is already open), streaming the file.
 *
 * <p>Without {@code --csv} or {@code --ascii} the separators come from the output mode: {@code ,}
 * in csv mode, {@code |} otherwise. {@code FILE} starting with {@code |} is a command whose output
 * is read. Beyond sqlite3: {@code --progress} draws a progress line on standard error, which an
 * interactive session also gets for files over {@value #AUTO_PROGRESS_BYTES} bytes.
 */
final class CsvImport {
  static final String USAGE =
      """
      .import FILE TABLE       Import data from FILE into TABLE
         Options:
           --ascii               Use \\037 and \\036 as column and row separators
           --csv                 Use , and \\n as column and row separators
           --skip N              Skip the first N rows of input
           --schema S            Target table to be S.TABLE
           --progress            Show a progress line on standard error
           -v                    "Verbose" - increase auxiliary output
         Notes:
           *  If TABLE does not exist, it is created.  The first row of input
              determines the column names.
           *  If neither --csv or --ascii are used, the input mode is derived
              from the ".mode" output mode
           *  If FILE begins with "|" then it is a command that generates the
              input text.""";

  /** An interactive session shows progress by itself for files larger than this. */
  static final long AUTO_PROGRESS_BYTES = 16L << 20;

  private final Session session;
  private final Connection connection;
  private String file;
  private String table;
  private String schema = "main";
  private long skip;
  private int verbose;
  private boolean progress;
  private int columnSeparator;
  private int rowSeparator;
  private boolean quoting = true;
  private long rows;
  private long failures;

  private CsvImport(Session session) {
    this.session = session;
    this.connection = session.connection();
    boolean csv = session.settings().mode == OutputMode.CSV;
    this.columnSeparator = csv ? ',' : '|';
    this.rowSeparator = '\n';
  }

  /** The {@code .import} command. */
  static DotCommands.Next command(List<String> args, Session session) {
    CsvImport importer = new CsvImport(session);
    String problem = importer.parse(args);
    if (problem != null) {
      session.error("ERROR: " + problem + ".  Usage:\n" + USAGE);
      return DotCommands.Next.CONTINUE;
    }
    importer.run();
    return DotCommands.Next.CONTINUE;
  }

  /** Reads the arguments; returns what is wrong with them, or null. */
  private String parse(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String z = arg.startsWith("--") ? arg.substring(1) : arg;
      boolean hasValue = i < args.size() - 1;
      if (!z.startsWith("-")) {
        if (file == null) {
          file = z;
        } else if (table == null) {
          table = z;
        } else {
          return "extra argument: \"" + z + "\"";
        }
      } else if (z.equals("-v")) {
        verbose++;
      } else if (z.equals("-schema") && hasValue) {
        schema = args.get(++i);
      } else if (z.equals("-skip") && hasValue) {
        skip = leadingInteger(args.get(++i));
      } else if (z.equals("-ascii")) {
        columnSeparator = 0x1f;
        rowSeparator = 0x1e;
        quoting = false;
      } else if (z.equals("-csv")) {
        columnSeparator = ',';
        rowSeparator = '\n';
        quoting = true;
      } else if (z.equals("-progress")) {
        progress = true;
      } else {
        return "unknown option: \"" + z + "\"";
      }
    }
    if (table == null) {
      return "missing " + (file == null ? "FILE" : "TABLE") + " argument";
    }
    return null;
  }

  /** The leading decimal integer of {@code text} (0 when none), like sqlite3's integerValue. */
  private static long leadingInteger(String text) {
    int end = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
    while (end < text.length() && Character.isDigit(text.charAt(end))) {
      end++;
    }
    try {
      return Long.parseLong(text.substring(0, end));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void run() {
    Process process = null;
    InputStream in;
    long size = -1;
    try {
      if (file.startsWith("|")) {
        process = new ProcessBuilder("sh", "-c", file.substring(1))
            .redirectInput(ProcessBuilder.Redirect.INHERIT)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        in = process.getInputStream();
      } else {
        Path path = Path.of(file);
        in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        size = Files.size(path);
      }
    } catch (IOException | InvalidPathException e) {
      session.error("Error: cannot open \"" + file + "\"");
      return;
    }
    boolean show = progress || (session.interactive() && size > AUTO_PROGRESS_BYTES);
    ImportProgress bar = show ? new ImportProgress(session.err(), size) : null;
    try (in) {
      importFrom(new CsvReader(in, file, columnSeparator, rowSeparator, quoting, this::warn), bar);
    } catch (IOException e) {
      session.error("Error: cannot read \"" + file + "\": " + e.getMessage());
    } catch (PagodaException e) {
      session.error("Error: " + e.getMessage());
    } finally {
      if (bar != null) {
        bar.finish();
      }
      if (process != null) {
        process.destroy();
      }
    }
  }

  private void warn(String message) {
    session.warn(message);
  }

  private void importFrom(CsvReader reader, ImportProgress bar) throws IOException {
    for (long n = skip; n > 0; n--) {
      while (reader.next() != null && reader.isColumnSeparator(reader.term())) {
        // the fields of a skipped row
      }
    }
    String target = quoteName(schema) + "." + quoteName(table);
    int columns;
    try (PreparedStatement probe = connection.prepare("SELECT * FROM " + target)) {
      columns = probe.columnCount();
    } catch (PagodaException e) {
      if (!e.getMessage().startsWith("no such table: ")) {
        throw e;
      }
      if (!createTable(reader)) {
        return;
      }
      try (PreparedStatement probe = connection.prepare("SELECT * FROM " + target)) {
        columns = probe.columnCount();
      }
    }
    if (columns == 0) {
      return;
    }
    String insert = "INSERT INTO " + target + " VALUES(?" + ",?".repeat(columns - 1) + ")";
    if (verbose >= 2) {
      session.out().print("Insert using: " + insert + "\n");
    }
    boolean ownTransaction = connection.isAutoCommit();
    if (ownTransaction) {
      connection.execute("BEGIN");
    }
    try (PreparedStatement statement = connection.prepare(insert)) {
      insertRows(reader, statement, columns, bar);
    } finally {
      if (ownTransaction && !connection.isAutoCommit()) {
        connection.execute("COMMIT");
      }
    }
    if (verbose > 0) {
      session.out().print("Added " + rows + " rows with " + failures
          + " errors using " + (reader.line() - 1) + " lines of input\n");
    }
  }

  /** sqlite3's row loop: fill short rows with NULL, cut long ones, insert, count. */
  private void insertRows(CsvReader reader, PreparedStatement statement, int columns,
      ImportProgress bar) throws IOException {
    do {
      int startLine = reader.line();
      int i;
      for (i = 0; i < columns; i++) {
        String z = reader.next();
        if (z == null && i == 0) {
          break;
        }
        if (!quoting && (z == null || z.isEmpty()) && i == 0) {
          break;
        }
        if (z == null) {
          statement.bindNull(i + 1);
        } else {
          statement.bind(i + 1, z);
        }
        if (i < columns - 1 && !reader.isColumnSeparator(reader.term())) {
          warn(file + ":" + startLine + ": expected " + columns + " columns but found " + (i + 1)
              + " - filling the rest with NULL");
          for (i += 2; i <= columns; i++) {
            statement.bindNull(i);
          }
        }
      }
      if (reader.isColumnSeparator(reader.term())) {
        do {
          reader.next();
          i++;
        } while (reader.isColumnSeparator(reader.term()));
        warn(file + ":" + startLine + ": expected " + columns + " columns but found " + i
            + " - extras ignored");
      }
      if (i >= columns) {
        insertRow(statement, startLine);
      }
      if (bar != null) {
        bar.update(reader.bytesRead(), rows);
      }
    } while (reader.term() != CsvReader.EOF);
  }

  private void insertRow(PreparedStatement statement, int startLine) {
    try {
      statement.executeUpdate();
      rows++;
    } catch (PagodaException e) {
      if (e.code().primary().code() == 9) { // SQLITE_INTERRUPT: Ctrl-C stops the import
        throw e;
      }
      failures++;
      session.error(file + ":" + startLine + ": INSERT failed: " + e.getMessage());
    }
  }

  /**
   * Creates the table from the first row (sqlite3's {@code zAutoColumn}): every column {@code
   * TEXT}, four to a line; false (after the error) when the input is empty.
   */
  private boolean createTable(CsvReader reader) throws IOException {
    List<String> names = new ArrayList<>();
    String z;
    while ((z = reader.next()) != null) {
      names.add(z.isEmpty() ? "?" : z);
      if (!reader.isColumnSeparator(reader.term())) {
        break;
      }
    }
    if (names.isEmpty()) {
      session.error(file + ": empty file");
      return false;
    }
    List<String> renames = renameDuplicates(names);
    if (!renames.isEmpty()) {
      session.warn("Columns renamed during .import " + file + " due to duplicates:\n"
          + String.join(",\n", renames));
    }
    StringBuilder sql = new StringBuilder("CREATE TABLE ");
    if (!schema.equalsIgnoreCase("main")) {
      sql.append(quoteName(schema)).append('.');
    }
    sql.append(quoteName(table)).append("(\n");
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        sql.append(i % 4 == 0 ? ",\n " : ", ");
      }
      sql.append(quoteName(names.get(i))).append(" TEXT");
    }
    sql.append(')');
    if (verbose >= 1) {
      session.out().print(sql + "\n");
    }
    try {
      connection.execute(sql.toString());
    } catch (PagodaException e) {
      session.error(sql + " failed:\n" + e.getMessage());
      return false;
    }
    return true;
  }

  /**
   * Renames, in place, every column whose name (ignoring case) occurs more than once to {@code
   * name_N}, N its position, with as many leading zeros as it takes to make all names distinct;
   * returns the {@code "old" to "new"} lines.
   */
  static List<String> renameDuplicates(List<String> names) {
    Set<String> repeated = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      String key = name.toLowerCase(Locale.ROOT);
      if (!seen.add(key)) {
        repeated.add(key);
      }
    }
    if (repeated.isEmpty()) {
      return List.of();
    }
    for (int zeros = 0; ; zeros++) {
      List<String> renamed = new ArrayList<>(names.size());
      Set<String> distinct = new HashSet<>();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        boolean rename = repeated.contains(name.toLowerCase(Locale.ROOT));
        renamed.add(rename ? name + "_" + "0".repeat(zeros) + (i + 1) : name);
        distinct.add(renamed.get(i).toLowerCase(Locale.ROOT));
      }
      if (distinct.size() == names.size() || zeros > 20) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
          if (!renamed.get(i).equals(names.get(i))) {
            lines.add(quoteName(names.get(i)) + " to " + quoteName(renamed.get(i)));
          }
        }
        names.clear();
        names.addAll(renamed);
        return lines;
      }
    }
  }

  /** {@code "name"}, inner quotes doubled (sqlite3's {@code "%w"}). */
  static String quoteName(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
