/** SQLite table and index B-trees on pager pages. Sees byte payloads only, never SQL values. */
module dev.pagoda.btree {
  requires transitive dev.pagoda.pager;

  exports dev.pagoda.btree;
}
