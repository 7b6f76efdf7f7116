package dev.pagoda.jdbc;

import dev.pagoda.Connection;
import dev.pagoda.Database;
import dev.pagoda.PreparedStatement;
import dev.pagoda.Rows;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Applies {@link ConnectionProperties} to a new engine connection, in sqlite-jdbc's order: the
 * busy timeout first (so the pragmas after it wait for locks), then {@code journal_mode}, {@code
 * synchronous} and {@code foreign_keys} as pragmas.
 */
final class ConnectionSetup {
  private ConnectionSetup() {}

  /** Whether Pagoda keeps a database file in journal mode {@code mode} (lower case). */
  static boolean isFileJournalMode(String mode) {
    return switch (mode) {
      case "delete", "truncate", "persist", "wal" -> true;
      default -> false;
    };
  }

  static void apply(Connection connection, Database database, ConnectionProperties settings)
      throws SQLException {
    if (settings.busyTimeout() >= 0) {
      connection.setBusyTimeout(settings.busyTimeout());
    }
    if (settings.journalMode() != null) {
      journalMode(connection, database, settings.journalMode());
    }
    if (settings.synchronous() != null) {
      connection.execute("PRAGMA synchronous = " + settings.synchronous().toUpperCase(Locale.ROOT));
    }
    if (settings.foreignKeys() != null) {
      connection.execute("PRAGMA foreign_keys = " + (settings.foreignKeys() ? "ON" : "OFF"));
    }
  }

  /**
   * {@code PRAGMA journal_mode = mode}. SQLite answers with the mode in force and keeps the old one
   * when it cannot switch; a file left in another mode than asked fails the connection rather than
   * run with a journal the user did not choose. An in-memory database always answers {@code
   * memory}, as in SQLite.
   */
  private static void journalMode(Connection connection, Database database, String mode)
      throws SQLException {
    String inForce;
    try (PreparedStatement ps = connection.prepare("PRAGMA journal_mode = " + mode);
        Rows rows = ps.query()) {
      inForce = rows.next() ? rows.getString(0) : null;
    }
    if (database.name().equals(JdbcUrl.MEMORY)) {
      return;
    }
    if (inForce == null || !inForce.equalsIgnoreCase(mode)) {
      throw Errors.invalidArgument(
          "connection property journal_mode=" + mode + " is not supported by Pagoda for a file"
              + " (the database stays in " + inForce + "; supported: delete, truncate, persist,"
              + " wal)");
    }
  }
}
