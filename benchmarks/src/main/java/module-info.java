/** JMH benchmarks for Pagoda's hot paths and comparisons with other engines. */
module dev.pagoda.benchmarks {
  requires dev.pagoda.engine;
  requires dev.pagoda.executor;
  requires dev.pagoda.btree;
  requires dev.pagoda.parser;
  requires jmh.core;
  requires java.sql;
  requires org.xerial.sqlitejdbc;

  exports dev.pagoda.benchmarks;
  exports dev.pagoda.benchmarks.jmh_generated;
}
