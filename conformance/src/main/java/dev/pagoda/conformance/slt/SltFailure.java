package dev.pagoda.conformance.slt;

import java.nio.file.Path;

/**
 * A record that failed: where, its SQL, why, and (for a wrong result) what was expected and what
 * came, as lines of values or hash lines; empty strings where they do not apply.
 */
public record SltFailure(Path file, int line, String sql, String reason, String expected,
    String got) {
  /** {@code file:line: reason}, then the SQL and the values, indented. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append(file).append(':').append(line).append(": ").append(reason).append('\n');
    indent(b, "sql", sql);
    indent(b, "expected", expected);
    indent(b, "got", got);
    return b.toString();
  }

  private static void indent(StringBuilder b, String title, String text) {
    if (text == null || text.isEmpty()) {
      return;
    }
    b.append("  ").append(title).append(":\n");
    text.lines().forEach(l -> b.append("    ").append(l).append('\n'));
  }
}
