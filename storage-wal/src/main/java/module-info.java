/** SQLite's write-ahead log, a journal for the pager. Knows nothing of SQL. */
module dev.pagoda.wal {
  requires transitive dev.pagoda.pager;

  exports dev.pagoda.wal;
}
