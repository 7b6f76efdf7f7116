package dev.pagoda;

import dev.pagoda.executor.ForeignKeyCheck;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code PRAGMA foreign_key_check[(table)]} ({@link ForeignKeyCheck}), and {@code PRAGMA
 * foreign_keys} and {@code PRAGMA defer_foreign_keys}: read (0 or 1) and set
 * (ON/OFF, YES/NO, TRUE/FALSE or a number), per connection. Setting {@code foreign_keys} inside a
 * transaction does nothing, as in SQLite; {@code defer_foreign_keys} switches off again when a
 * transaction ends (so outside one, setting it has no lasting effect).
 */
final class ForeignKeyPragmas {
  private ForeignKeyPragmas() {}

  /** The result columns: the pragma's name when read, none when set; check's four. */
  static List<String> columns(String name, boolean setting) {
    if (name.equals("foreign_key_check")) {
      return List.of("table", "rowid", "parent", "fkid");
    }
    return setting ? List.of() : List.of(name);
  }

  /** Reads or sets the pragma {@code name} on {@code conn}. Connection lock held. */
  static List<List<Value>> run(Connection conn, String name, String value) {
    if (name.equals("foreign_key_check")) {
      return conn.withRead(() -> check(conn, value == null ? null : unquote(value)));
    }
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

  /** {@code PRAGMA foreign_key_check[(table)]}: table, rowid, parent, fkid per violation. */
  private static List<List<Value>> check(Connection conn, String table) {
    SchemaCatalog catalog = conn.catalog();
    List<List<Value>> rows = new ArrayList<>();
    for (ForeignKeyCheck.Violation v
        : ForeignKeyCheck.check(conn.pager(), catalog, catalog.functions(), table)) {
      rows.add(List.of(Value.of(v.table()), Value.of(v.rowid()), Value.of(v.parent()),
          Value.of(v.fkid())));
    }
    return rows;
  }

  private static String unquote(String value) {
    String v = value.strip();
    if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"')
        && v.charAt(v.length() - 1) == v.charAt(0)) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  /** SQLite's {@code sqlite3GetBoolean}: a name, else an integer prefix; anything else is off. */
  static boolean bool(String value) {
    String v = unquote(value).toLowerCase(Locale.ROOT);
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
