package dev.pagoda.jdbc;

import dev.pagoda.Connection;
import dev.pagoda.Database;
import dev.pagoda.PagodaException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The Pagoda JDBC driver: {@code jdbc:pagoda:<path>} opens (creating when missing) a SQLite 3
 * database file, {@code jdbc:pagoda::memory:} or {@code jdbc:pagoda:} a private in-memory database,
 * {@code jdbc:pagoda:file:<path>?mode=ro|rw|rwc|memory&...} a SQLite URI filename ({@link
 * JdbcUrl}). Loading this class registers it with {@link DriverManager}; {@link
 * java.util.ServiceLoader} finds it too.
 *
 * <p>With the system property {@code -Dpagoda.jdbc.sqliteUrls=true} it also accepts sqlite-jdbc's
 * {@code jdbc:sqlite:} URLs, so an application moves over without changing its configuration
 * (leave sqlite-jdbc off the class path then, or {@link DriverManager} may pick it first).
 *
 * <p>Connection properties, from the {@link Properties} and the URL's query, have sqlite-jdbc's
 * names ({@code journal_mode}, {@code synchronous}, {@code busy_timeout}, {@code foreign_keys},
 * {@code transaction_mode}, {@code open_mode}, and {@code readOnly}); {@link #getPropertyInfo}
 * lists them and {@link ConnectionProperties} says what each does.
 */
public final class PagodaDriver implements Driver {
  /** Connection property: {@code true} opens the database file read-only. */
  public static final String READ_ONLY = ConnectionProperties.READ_ONLY;

  /** The system property that, set to {@code true}, lets this driver take {@code jdbc:sqlite:}. */
  public static final String SQLITE_URLS = JdbcUrl.SQLITE_URLS_PROPERTY;

  static {
    try {
      DriverManager.registerDriver(new PagodaDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Public for {@link java.util.ServiceLoader}; applications use {@link DriverManager}. */
  public PagodaDriver() {}

  /**
   * Opens a connection, or returns null when {@code url} is not a Pagoda URL, as {@link
   * DriverManager} expects of a driver.
   */
  @Override
  public java.sql.Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    JdbcUrl parsed = JdbcUrl.parse(url);
    Properties props = info == null ? new Properties() : info;
    ConnectionProperties settings = ConnectionProperties.of(parsed, props);
    Database database = open(parsed, settings);
    Connection connection = null;
    try {
      connection = database.connect();
      ConnectionSetup.apply(connection, database, settings);
      return new PagodaConnection(parsed, props, settings, database, connection);
    } catch (PagodaException e) {
      closeQuietly(connection, database);
      throw Errors.toSql(e);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection, database);
      throw e;
    }
  }

  private static void closeQuietly(Connection connection, Database database) {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (PagodaException e) {
      // the open already failed; that failure is the one to report
    } finally {
      database.close();
    }
  }

  private static Database open(JdbcUrl url, ConnectionProperties settings) throws SQLException {
    try {
      if (url.isMemory()) {
        return Database.openInMemory();
      }
      Path path = Path.of(url.name());
      if (settings.mustExist() && !Files.exists(path)) {
        throw Errors.cantOpen("unable to open database file");
      }
      if (settings.readOnly()) {
        return Database.openReadOnly(path);
      }
      Database.Options options = Database.Options.defaults();
      String mode = settings.journalMode();
      if (mode != null && ConnectionSetup.isFileJournalMode(mode)) {
        options = options.withJournalMode(mode); // a new file starts in it: no switch needed
      }
      return Database.open(path, options);
    } catch (PagodaException e) {
      throw Errors.toSql(e);
    } catch (InvalidPathException e) {
      SQLException failure = Errors.cantOpen("invalid database path: " + url.name());
      failure.initCause(e);
      throw failure;
    }
  }

  @Override
  public boolean acceptsURL(String url) {
    return JdbcUrl.accepts(url);
  }

  /** The connection properties this driver reads, with descriptions, values and choices. */
  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Properties given = new Properties();
    if (info != null) {
      given.putAll(info);
    }
    if (acceptsURL(url)) {
      given.putAll(JdbcUrl.parse(url).parameters()); // the URL's values win, as in connect
    }
    return ConnectionProperties.info(given);
  }

  @Override
  public int getMajorVersion() {
    return DriverVersion.MAJOR;
  }

  @Override
  public int getMinorVersion() {
    return DriverVersion.MINOR;
  }

  /**
   * False: a compliant driver must pass the JDBC compliance suite and support SQL-92 entry level.
   */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw Errors.unsupported("java.util.logging");
  }
}
