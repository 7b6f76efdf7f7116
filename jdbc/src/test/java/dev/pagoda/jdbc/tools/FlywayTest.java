package dev.pagoda.jdbc.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pagoda.jdbc.PagodaDriver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway 13, unchanged (its SQLite support is in flyway-core and chosen by the product name
 * "SQLite"), migrates a Pagoda database through a HikariCP pool, and leaves the same schema history
 * as with sqlite-jdbc.
 */
class FlywayTest {
  private static final String LOCATION = "classpath:db/migration/sample";
  private static final String HISTORY =
      "SELECT installed_rank, version, description, type, script, checksum, installed_by, success"
          + " FROM flyway_schema_history ORDER BY installed_rank";

  @TempDir Path dir;

  private static Flyway flyway(DataSource dataSource) {
    return Flyway.configure().dataSource(dataSource).locations(LOCATION).load();
  }

  private HikariDataSource pagoda() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:pagoda:" + dir.resolve("flyway.db"));
    config.setMaximumPoolSize(2);
    return new HikariDataSource(config);
  }

  @Test
  void migrate_threeScripts_thenNothing_infoAndValidateAgree() throws SQLException {
    try (HikariDataSource ds = pagoda()) {
      MigrateResult first = flyway(ds).migrate();
      assertEquals(3, first.migrationsExecuted);
      assertTrue(first.success);
      assertEquals(0, flyway(ds).migrate().migrationsExecuted);
      MigrationInfo[] applied = flyway(ds).info().applied();
      assertEquals(3, applied.length);
      List<String> versions = new ArrayList<>();
      for (MigrationInfo info : applied) {
        assertEquals(MigrationState.SUCCESS, info.getState(), info.getScript());
        versions.add(info.getVersion().getVersion());
      }
      assertEquals(List.of("1", "2", "3"), versions);
      assertEquals("3", flyway(ds).info().current().getVersion().getVersion());
      ValidateResult validate = flyway(ds).validateWithResult();
      assertTrue(validate.validationSuccessful, String.valueOf(validate.invalidMigrations));
      try (Connection c = ds.getConnection()) {
        assertEquals(List.of(List.of("4")), rows(c, "SELECT count(*) FROM book"));
        assertEquals(
            List.of(List.of("book_author"), List.of("book_title")),
            rows(c, "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'book'"
                + " AND name NOT LIKE 'sqlite_%' ORDER BY name"));
      }
    }
  }

  @Test
  void schemaHistory_sameAsSqliteJdbc_exceptTimes() throws SQLException {
    List<List<String>> pagodaHistory;
    try (HikariDataSource ds = pagoda()) {
      flyway(ds).migrate();
      try (Connection c = ds.getConnection()) {
        pagodaHistory = rows(c, HISTORY);
      }
    }
    String sqliteUrl = "jdbc:sqlite:" + dir.resolve("sqlite-jdbc.db");
    Flyway.configure().dataSource(sqliteUrl, null, null).locations(LOCATION).load().migrate();
    List<List<String>> sqliteHistory;
    try (Connection c = new org.sqlite.JDBC().connect(sqliteUrl, new java.util.Properties())) {
      sqliteHistory = rows(c, HISTORY);
    }
    assertEquals(3, pagodaHistory.size());
    assertEquals(sqliteHistory, pagodaHistory);
  }

  /**
   * Flyway configured by URL: it knows databases by URL prefix, so a Pagoda database is named with
   * sqlite-jdbc's {@code jdbc:sqlite:} (accepted with {@code pagoda.jdbc.sqliteUrls}) and Flyway is
   * told the driver class, as for any driver it does not ship a default for.
   */
  @Test
  void migrate_byJdbcSqliteUrlWithPagodaDriver() throws SQLException {
    System.setProperty(PagodaDriver.SQLITE_URLS, "true");
    try {
      String url = "jdbc:sqlite:" + dir.resolve("by-url.db");
      Flyway flyway =
          Flyway.configure()
              .driver(PagodaDriver.class.getName())
              .dataSource(url, null, null)
              .locations(LOCATION)
              .load();
      assertEquals(3, flyway.migrate().migrationsExecuted);
      try (Connection c = new PagodaDriver().connect(url, new java.util.Properties())) {
        assertEquals(List.of(List.of("4")), rows(c, "SELECT count(*) FROM book"));
      }
    } finally {
      System.clearProperty(PagodaDriver.SQLITE_URLS);
    }
  }

  /** Every row of {@code sql} as strings, null as "NULL". */
  private static List<List<String>> rows(Connection c, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          String v = rs.getString(i);
          row.add(v == null ? "NULL" : v);
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
