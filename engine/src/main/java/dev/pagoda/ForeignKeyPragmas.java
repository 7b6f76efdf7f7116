package dev.pagoda;

import dev.pagoda.spi.Value;
import java.util.List;
import java.util.Locale;

/**
 * {@code PRAGMA foreign_keys} and {@code PRAGMA defer_foreign_keys}: read (0 or 1) and set
 * (ON/OFF, YES/NO, TRUE/FALSE or a number), per connection. Setting {@code foreign_keys} inside a
 * transaction does nothing, as in SQLite; {@code defer_foreign_keys} switches off again when a
 * transaction ends (so outside one, setting it has no lasting effect).
 */
final class ForeignKeyPragmas {
  private ForeignKeyPragmas() {}

  /** Whether {@code name} is one of these pragmas. */
  static boolean handles(String name) {
    return name.equals("foreign_keys") || name.equals("defer_foreign_keys");
  }

  /** The result column: the pragma's name when read, none when set. */
  static List<String> columns(String name, boolean setting) {
    return setting ? List.of() : List.of(name);
  }

  /** Reads or sets the pragma {@code name} on {@code conn}. Connection lock held. */
  static List<List<Value>> run(Connection conn, String name, String value) {
    boolean defer = name.equals("defer_foreign_keys");
    if (value == null) {
      boolean on = defer ? conn.foreignKeyState().deferAll() : conn.foreignKeys();
      return List.of(List.of(Value.of(on ? 1 : 0)));
    }
    boolean on = bool(value);
    if (defer) {
      // outside a transaction the statement's own end switches it off again, as in SQLite
      conn.foreignKeyState().setDeferAll(on && !conn.isAutoCommit());
    } else {
      conn.setForeignKeys(on);
    }
    return List.of();
  }

  /** SQLite's {@code sqlite3GetBoolean}: a name, else an integer prefix; anything else is off. */
  static boolean bool(String value) {
    String v = value.strip();
    if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"')
        && v.charAt(v.length() - 1) == v.charAt(0)) {
      v = v.substring(1, v.length() - 1);
    }
    v = v.toLowerCase(Locale.ROOT);
    switch (v) {
      case "on", "yes", "true":
        return true;
      case "off", "no", "false":
        return false;
      default:
        break;
    }
    int end = 0;
    if (end < v.length() && (v.charAt(end) == '-' || v.charAt(end) == '+')) {
      end++;
    }
    while (end < v.length() && Character.isDigit(v.charAt(end))) {
      end++;
    }
    try {
      return Long.parseLong(v.substring(0, end)) != 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
