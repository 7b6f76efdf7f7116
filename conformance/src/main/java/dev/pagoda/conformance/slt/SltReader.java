package dev.pagoda.conformance.slt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a sqllogictest script into records, as {@code sqllogictest.c} does.
 *
 * <p>Records are runs of non-blank lines; lines starting with {@code #} are invisible (they
 * neither separate records nor belong to them). A record may open with {@code skipif <engine>} /
 * {@code onlyif <engine>} lines (engine names compare without regard to case; words after the name
 * are a comment); then comes {@code statement ok|error} and one SQL text, {@code query <types>
 * [nosort|rowsort|valuesort] [label]} with its SQL up to a {@code ----} line and the expected values
 * after it, {@code hash-threshold N}, or {@code halt}. Conditions that leave a statement or query
 * out for this engine turn it into {@link SltRecord.Skipped}; excluded control records vanish.
 * Reading stops after a {@code halt} that applies.
 */
public final class SltReader {
  /** The engine name Pagoda answers to: SQLite's. */
  public static final String SQLITE = "sqlite";

  private static final Pattern WHITE = Pattern.compile("\\s+");

  private final String engine;

  public SltReader(String engine) {
    this.engine = engine;
  }

  /** A reader for the engine name {@code sqlite}. */
  public static SltReader forSqlite() {
    return new SltReader(SQLITE);
  }

  /** The records of a script file (UTF-8; lines may end with LF, CRLF or CR). */
  public List<SltRecord> read(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /** The records of a script given as text. */
  public List<SltRecord> parse(String text) {
    return parse(text.lines().toList());
  }

  /** The records of a script given as its lines, without line terminators. */
  public List<SltRecord> parse(List<String> lines) {
    List<SltRecord> out = new ArrayList<>();
    int i = 0;
    int n = lines.size();
    while (i < n) {
      while (i < n && lines.get(i).isBlank()) {
        i++;
      }
      // one record: the next run of non-blank lines; comment lines dropped, their numbers kept
      List<String> rec = new ArrayList<>();
      List<Integer> numbers = new ArrayList<>();
      while (i < n && !lines.get(i).isBlank()) {
        String l = lines.get(i);
        if (!l.startsWith("#")) {
          rec.add(l);
          numbers.add(i + 1);
        }
        i++;
      }
      if (rec.isEmpty()) {
        continue;
      }
      SltRecord r = record(rec, numbers);
      if (r != null) {
        out.add(r);
        if (r instanceof SltRecord.Halt) {
          break;
        }
      }
    }
    return out;
  }

  /** One record from its lines, or null for a control record left out for this engine. */
  private SltRecord record(List<String> rec, List<Integer> numbers) {
    boolean applies = true;
    int k = 0;
    while (k < rec.size()) {
      String[] w = words(rec.get(k));
      if (w[0].equals("skipif")) {
        if (w.length > 1 && w[1].equalsIgnoreCase(engine)) {
          applies = false;
        }
      } else if (w[0].equals("onlyif")) {
        if (w.length < 2 || !w[1].equalsIgnoreCase(engine)) {
          applies = false;
        }
      } else {
        break;
      }
      k++;
    }
    if (k == rec.size()) {
      return new SltRecord.Malformed(
          numbers.get(0), rec.get(0), "skipif/onlyif without a command");
    }
    int line = numbers.get(k);
    String commandLine = rec.get(k);
    String[] command = words(commandLine);
    List<String> body = rec.subList(k + 1, rec.size());
    switch (command[0]) {
      case "statement" -> {
        if (!applies) {
          return new SltRecord.Skipped(line, commandLine);
        }
        if (command.length < 2 || !(command[1].equals("ok") || command[1].equals("error"))) {
          return new SltRecord.Malformed(line, commandLine, "statement must be ok or error");
        }
        return new SltRecord.Statement(line, command[1].equals("error"), String.join("\n", body));
      }
      case "query" -> {
        if (!applies) {
          return new SltRecord.Skipped(line, commandLine);
        }
        return query(line, commandLine, command, body);
      }
      case "hash-threshold" -> {
        if (!applies) {
          return null;
        }
        try {
          return new SltRecord.HashThreshold(line, Integer.parseInt(command[1]));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
          return new SltRecord.Malformed(line, commandLine, "hash-threshold needs a number");
        }
      }
      case "halt" -> {
        return applies ? new SltRecord.Halt(line) : null;
      }
      default -> {
        if (!applies) {
          return null;
        }
        return new SltRecord.Malformed(line, commandLine, "unknown command: " + command[0]);
      }
    }
  }

  private static SltRecord query(int line, String commandLine, String[] command, List<String> body) {
    if (command.length < 2) {
      return new SltRecord.Malformed(line, commandLine, "query without a type string");
    }
    String types = command[1];
    for (int c = 0; c < types.length(); c++) {
      char t = types.charAt(c);
      if (t != 'I' && t != 'R' && t != 'T') {
        return new SltRecord.Malformed(
            line, commandLine, "unknown character in type-string: " + t);
      }
    }
    SortMode mode = SortMode.NOSORT;
    if (command.length > 2) {
      mode = SortMode.parse(command[2]);
      if (mode == null) {
        return new SltRecord.Malformed(
            line, commandLine, "unknown sort method: " + command[2].toLowerCase(Locale.ROOT));
      }
    }
    String label = command.length > 3 ? command[3] : null;
    int end = body.indexOf("----");
    List<String> sql = end < 0 ? body : body.subList(0, end);
    List<String> expected = end < 0 ? null : body.subList(end + 1, body.size());
    return new SltRecord.Query(line, types, mode, label, String.join("\n", sql), expected);
  }

  /** The whitespace-separated words of line; {@code {""}} for none. */
  static String[] words(String line) {
    String trimmed = line.strip();
    return trimmed.isEmpty() ? new String[] {""} : WHITE.split(trimmed);
  }
}
