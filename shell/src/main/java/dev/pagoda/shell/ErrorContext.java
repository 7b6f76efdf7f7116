package dev.pagoda.shell;

import dev.pagoda.PagodaException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * shell.c's {@code shell_error_context}: for a syntax error, the statement's text around the
 * error (at most 78 bytes, the error at most 50 bytes in) and a marker under it, as sqlite3 3.40
 * prints after the message:
 *
 * <pre>
 * Parse error near line 4: near "form": syntax error
 *   select * form nums;
 *            ^--- error here
 * </pre>
 *
 * <p>The error's offset is the engine parser's {@code ParseException.position()}, the cause of
 * the {@link PagodaException}; the engine API has no {@code sqlite3_error_offset} yet, so it is
 * read reflectively (the parser's package is exported). Other errors have no context, as in
 * sqlite3 3.40.
 */
final class ErrorContext {
  private ErrorContext() {}

  /** The context to append to the message of {@code e} raised preparing {@code sql}, or "". */
  static String of(PagodaException e, String sql) {
    int position = position(e);
    if (position < 0 || position > sql.length()) {
      return "";
    }
    byte[] z = sql.getBytes(StandardCharsets.UTF_8);
    int offset = sql.substring(0, position).getBytes(StandardCharsets.UTF_8).length;
    int start = 0;
    while (offset > 50) {
      offset--;
      start++;
      while (start < z.length && (z[start] & 0xc0) == 0x80) {
        start++;
        offset--;
      }
    }
    int len = z.length - start;
    if (len > 78) {
      len = 78;
      while ((z[start + len] & 0xc0) == 0x80) {
        len--;
      }
    }
    byte[] code = Arrays.copyOfRange(z, start, start + len);
    for (int i = 0; i < code.length; i++) {
      if (code[i] == ' ' || (code[i] >= '\t' && code[i] <= '\r')) {
        code[i] = ' ';
      }
    }
    String line = new String(code, StandardCharsets.UTF_8);
    return offset < 25
        ? "\n  " + line + "\n  " + " ".repeat(offset) + "^--- error here"
        : "\n  " + line + "\n  " + " ".repeat(Math.max(0, offset - 14)) + "error here ---^";
  }

  private static int position(PagodaException e) {
    Throwable cause = e.getCause();
    if (cause == null || !cause.getClass().getSimpleName().equals("ParseException")) {
      return -1;
    }
    try {
      Method position = cause.getClass().getMethod("position");
      return (Integer) position.invoke(cause);
    } catch (ReflectiveOperationException | RuntimeException ex) {
      return -1;
    }
  }
}
