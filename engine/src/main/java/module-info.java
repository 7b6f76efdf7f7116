/** The embedded API of Pagoda: open a database, run SQL, read rows. */
module dev.pagoda.engine {
  requires transitive dev.pagoda.spi;
  requires dev.pagoda.parser;
  requires dev.pagoda.planner;
  requires dev.pagoda.executor;
  requires dev.pagoda.pager;
  requires dev.pagoda.btree;
  requires dev.pagoda.wal;

  exports dev.pagoda;
}
