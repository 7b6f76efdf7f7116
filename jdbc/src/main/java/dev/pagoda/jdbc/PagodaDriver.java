package dev.pagoda.jdbc;

import dev.pagoda.Connection;
import dev.pagoda.Database;
import dev.pagoda.PagodaException;
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
 * database file, {@code jdbc:pagoda::memory:} or {@code jdbc:pagoda:} a private in-memory database.
 * Loading this class registers it with {@link DriverManager}; {@link java.util.ServiceLoader} finds
 * it too.
 *
 * <p>Connection properties: {@code readOnly=true} opens the file read-only.
 */
public final class PagodaDriver implements Driver {
  /** Connection property: {@code true} opens the database file read-only. */
  public static final String READ_ONLY = "readOnly";

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
    Database database = open(parsed, Boolean.parseBoolean(props.getProperty(READ_ONLY)));
    try {
      Connection connection = database.connect();
      return new PagodaConnection(parsed, props, database, connection);
    } catch (PagodaException e) {
      database.close();
      throw Errors.toSql(e);
    }
  }

  private static Database open(JdbcUrl url, boolean readOnly) throws SQLException {
    try {
      if (url.isMemory()) {
        return Database.openInMemory();
      }
      Path path = Path.of(url.name());
      return readOnly ? Database.openReadOnly(path) : Database.open(path);
    } catch (PagodaException e) {
      throw Errors.toSql(e);
    } catch (InvalidPathException e) {
      throw new SQLException("invalid database path: " + url.name(), "08001", e);
    }
  }

  @Override
  public boolean acceptsURL(String url) {
    return JdbcUrl.accepts(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    String readOnly = info == null ? null : info.getProperty(READ_ONLY);
    DriverPropertyInfo property =
        new DriverPropertyInfo(READ_ONLY, readOnly == null ? "false" : readOnly);
    property.description = "Open the database file read-only";
    property.choices = new String[] {"true", "false"};
    return new DriverPropertyInfo[] {property};
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
