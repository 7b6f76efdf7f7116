/** Files, page cache and pager for the SQLite 3 database file. Knows nothing of SQL. */
module dev.pagoda.pager {
  exports dev.pagoda.pager;
}
