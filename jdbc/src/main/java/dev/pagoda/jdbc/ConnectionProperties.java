package dev.pagoda.jdbc;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The connection properties the driver understands, under sqlite-jdbc's names ({@code
 * SQLiteConfig.Pragma}) so that sqlite-jdbc users' configurations carry over. They come from the
 * {@link Properties} given to {@code connect} and from the URL's query (the URL wins); names are
 * matched case-insensitively and unknown names are ignored, as sqlite-jdbc ignores them. A known
 * name with a value outside its choices fails the connection with an {@link SQLException} (SQLSTATE
 * HY024) naming the property, the value and the choices.
 *
 * <table>
 *   <caption>Properties</caption>
 *   <tr><th>name</th><th>values</th><th>effect</th></tr>
 *   <tr><td>{@code journal_mode}</td><td>delete, truncate, persist, wal, memory, off</td>
 *       <td>the journal mode of a new file, and {@code PRAGMA journal_mode} on connect</td></tr>
 *   <tr><td>{@code synchronous}</td><td>off, normal, full, extra</td>
 *       <td>{@code PRAGMA synchronous} on connect</td></tr>
 *   <tr><td>{@code busy_timeout}</td><td>milliseconds, 0 or more</td>
 *       <td>how long a statement waits for another connection's lock</td></tr>
 *   <tr><td>{@code foreign_keys}</td><td>true, false (on, off, yes, no, 1, 0)</td>
 *       <td>{@code PRAGMA foreign_keys} on connect</td></tr>
 *   <tr><td>{@code transaction_mode}</td><td>deferred, immediate, exclusive</td>
 *       <td>how {@code setAutoCommit(false)}, {@code commit} and {@code rollback} begin the next
       transaction; the driver begins it at once (sqlite-jdbc at its first statement), so with
       immediate or exclusive a connection in manual-commit mode holds the write lock until it
       commits into auto-commit or closes</td></tr>
 *   <tr><td>{@code open_mode}</td><td>SQLite's open flags as an integer</td>
 *       <td>1 (READONLY) opens read-only; 2 (READWRITE) without 4 (CREATE): the file must
 *       exist</td></tr>
 *   <tr><td>{@code readOnly}</td><td>true, false</td><td>opens the file read-only</td></tr>
 * </table>
 *
 * @param journalMode the journal mode asked for, lower case, or null
 * @param synchronous the synchronous level asked for, lower case, or null
 * @param busyTimeout the busy timeout in milliseconds, or -1 for the engine's default
 * @param foreignKeys {@code TRUE}/{@code FALSE} as asked, or null to leave the default
 * @param transactionMode DEFERRED, IMMEDIATE or EXCLUSIVE
 * @param readOnly whether to open the file read-only
 * @param mustExist whether opening fails when the file is missing
 */
record ConnectionProperties(
    String journalMode,
    String synchronous,
    long busyTimeout,
    Boolean foreignKeys,
    String transactionMode,
    boolean readOnly,
    boolean mustExist) {

  static final String JOURNAL_MODE = "journal_mode";
  static final String SYNCHRONOUS = "synchronous";
  static final String BUSY_TIMEOUT = "busy_timeout";
  static final String FOREIGN_KEYS = "foreign_keys";
  static final String TRANSACTION_MODE = "transaction_mode";
  static final String OPEN_MODE = "open_mode";
  static final String READ_ONLY = "readOnly";

  /** SQLite's {@code SQLITE_OPEN_READONLY}, {@code _READWRITE} and {@code _CREATE} flags. */
  private static final int OPEN_READONLY = 0x1;

  private static final int OPEN_READWRITE = 0x2;
  private static final int OPEN_CREATE = 0x4;

  private static final List<String> JOURNAL_MODES =
      List.of("delete", "truncate", "persist", "memory", "wal", "off");
  private static final List<String> SYNCHRONOUS_LEVELS = List.of("off", "normal", "full", "extra");
  private static final List<String> TRANSACTION_MODES = List.of("deferred", "immediate", "exclusive");
  private static final List<String> BOOLEANS = List.of("true", "false");

  /**
   * Reads the properties of {@code info} and {@code url}'s query together with the URL's access
   * mode.
   */
  static ConnectionProperties of(JdbcUrl url, Properties info) throws SQLException {
    Map<String, String> all = merged(url, info);
    boolean readOnly = url.mode().equals("ro") || bool(all, READ_ONLY, false);
    boolean mustExist = url.mode().equals("rw");
    String openMode = all.get(OPEN_MODE.toLowerCase(Locale.ROOT));
    if (openMode != null) {
      int flags = integer(OPEN_MODE, openMode);
      readOnly |= (flags & OPEN_READONLY) != 0;
      mustExist |= (flags & OPEN_READWRITE) != 0 && (flags & OPEN_CREATE) == 0;
    }
    String busy = all.get(BUSY_TIMEOUT);
    long busyTimeout = busy == null ? -1 : integer(BUSY_TIMEOUT, busy);
    String fk = all.get(FOREIGN_KEYS);
    return new ConnectionProperties(
        choice(all, JOURNAL_MODE, JOURNAL_MODES),
        choice(all, SYNCHRONOUS, SYNCHRONOUS_LEVELS),
        busyTimeout,
        fk == null ? null : bool(all, FOREIGN_KEYS, false),
        transactionMode(all),
        readOnly,
        mustExist || readOnly);
  }

  private static String transactionMode(Map<String, String> all) throws SQLException {
    String mode = choice(all, TRANSACTION_MODE, TRANSACTION_MODES);
    return mode == null ? "DEFERRED" : mode.toUpperCase(Locale.ROOT);
  }

  /** The properties, then the URL's query over them, under lower-case names. */
  private static Map<String, String> merged(JdbcUrl url, Properties info) {
    Map<String, String> all = new java.util.HashMap<>();
    if (info != null) {
      for (String name : info.stringPropertyNames()) {
        all.put(name.toLowerCase(Locale.ROOT), info.getProperty(name));
      }
    }
    all.putAll(url.parameters());
    return all;
  }

  private static String choice(Map<String, String> all, String name, List<String> choices)
      throws SQLException {
    String value = all.get(name);
    if (value == null) {
      return null;
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (!choices.contains(v)) {
      throw badValue(name, value, String.join(", ", choices));
    }
    return v;
  }

  private static boolean bool(Map<String, String> all, String name, boolean absent)
      throws SQLException {
    String value = all.get(name.toLowerCase(Locale.ROOT));
    if (value == null) {
      return absent;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "on", "yes", "1" -> true;
      case "false", "off", "no", "0" -> false;
      default -> throw badValue(name, value, "true, false");
    };
  }

  private static int integer(String name, String value) throws SQLException {
    try {
      int n = Integer.parseInt(value.strip());
      if (n < 0) {
        throw badValue(name, value, "an integer, 0 or more");
      }
      return n;
    } catch (NumberFormatException e) {
      throw badValue(name, value, "an integer, 0 or more");
    }
  }

  private static SQLException badValue(String name, String value, String choices) {
    return Errors.invalidArgument(
        "invalid value for connection property " + name + ": '" + value + "' (valid: " + choices
            + ")");
  }

  /** What {@link java.sql.Driver#getPropertyInfo} answers: each property, its value and choices. */
  static DriverPropertyInfo[] info(Properties given) {
    Properties p = given == null ? new Properties() : given;
    List<DriverPropertyInfo> all = new ArrayList<>();
    all.add(property(p, JOURNAL_MODE, "Journal mode (PRAGMA journal_mode); a new file gets it",
        JOURNAL_MODES));
    all.add(property(p, SYNCHRONOUS, "PRAGMA synchronous", SYNCHRONOUS_LEVELS));
    all.add(property(p, BUSY_TIMEOUT,
        "Milliseconds to wait for another connection's lock before failing with SQLITE_BUSY",
        List.of()));
    all.add(property(p, FOREIGN_KEYS, "PRAGMA foreign_keys: enforce foreign key constraints",
        BOOLEANS));
    all.add(property(p, TRANSACTION_MODE,
        "How a JDBC transaction begins: BEGIN DEFERRED, IMMEDIATE or EXCLUSIVE",
        TRANSACTION_MODES));
    all.add(property(p, OPEN_MODE,
        "SQLite open flags: 1 READONLY, 2 READWRITE, 4 CREATE (6, the default, creates)",
        List.of()));
    all.add(property(p, READ_ONLY, "Open the database file read-only", BOOLEANS));
    return all.toArray(new DriverPropertyInfo[0]);
  }

  private static DriverPropertyInfo property(
      Properties given, String name, String description, List<String> choices) {
    String value = null;
    for (String key : given.stringPropertyNames()) {
      if (key.equalsIgnoreCase(name)) {
        value = given.getProperty(key);
      }
    }
    DriverPropertyInfo info = new DriverPropertyInfo(name, value);
    info.description = description;
    info.choices = choices.isEmpty() ? null : choices.toArray(new String[0]);
    return info;
  }
}
