/**
 * The JDBC driver for Pagoda: {@code jdbc:pagoda:<path>}, {@code jdbc:pagoda::memory:} and SQLite
 * URI filenames ({@code jdbc:pagoda:file:...?mode=ro}); {@code jdbc:sqlite:} too with {@code
 * -Dpagoda.jdbc.sqliteUrls=true}.
 */
module dev.pagoda.jdbc {
  requires transitive java.sql;
  requires dev.pagoda.engine;

  exports dev.pagoda.jdbc;

  provides java.sql.Driver with dev.pagoda.jdbc.PagodaDriver;
}
