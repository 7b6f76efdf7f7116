/** The JDBC driver for Pagoda: {@code jdbc:pagoda:<path>} and {@code jdbc:pagoda::memory:}. */
module dev.pagoda.jdbc {
  requires transitive java.sql;
  requires dev.pagoda.engine;

  exports dev.pagoda.jdbc;

  provides java.sql.Driver with dev.pagoda.jdbc.PagodaDriver;
}
