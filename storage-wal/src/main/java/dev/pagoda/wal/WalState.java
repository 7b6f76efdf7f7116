package dev.pagoda.wal;

/**
 * The published state of a WAL: what a reader beginning now sees. Replaced, never changed: a
 * commit publishes a new state with more frames, a restart a new generation with none.
 *
 * @param index the generation's wal-index (its identity is the generation)
 * @param header the header the generation's frames carry; null before the first WAL header (a
 *     header is written with the first commit of a generation, so with {@code maxFrame == 0} it is
 *     the previous generation's, from which the next one is derived)
 * @param maxFrame the last committed frame (SQLite's <i>mxFrame</i>); 0: the database file alone
 *     is current
 * @param dbSize the commit size of frame {@code maxFrame} (0 when {@code maxFrame == 0})
 * @param checksum the running checksum after frame {@code maxFrame}, where the next frame chains
 *     from (unused when {@code maxFrame == 0}: the next commit writes a new header)
 * @param version the number of commits published by this journal: two states with the same
 *     version show the same database content, whatever their generations
 */
record WalState(
    WalIndex index, WalHeader header, int maxFrame, int dbSize, long checksum, long version) {
  /** The state of a database with an empty WAL (or none). */
  static WalState empty(WalHeader header, long version) {
    return new WalState(new WalIndex(version), header, 0, 0, WalChecksum.INITIAL, version);
  }

  /** A new, empty generation after this state, with the same content (the file holds it all). */
  WalState restart() {
    return empty(header, version);
  }

  /** The page size of the frames, 0 when there are none. */
  int pageSize() {
    return maxFrame > 0 ? header.pageSize() : 0;
  }
}
