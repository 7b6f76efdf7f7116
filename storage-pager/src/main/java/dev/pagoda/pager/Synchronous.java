package dev.pagoda.pager;

/**
 * {@code PRAGMA synchronous}: how often a journal syncs, as SQLite defines the levels for each
 * journal mode.
 *
 * <pre>
 * LEVEL   ROLLBACK JOURNAL                              WAL
 * OFF     no syncs (a power loss may corrupt the file)  no syncs
 * NORMAL  journal once, database after; no record sync  WAL and database only at checkpoints: a
 *                                                       power loss may drop the last commits
 * FULL    as NORMAL, and the journal's records before   WAL at every commit, as well
 *         its record count; directory after DELETE
 * EXTRA   as FULL                                        as FULL
 * </pre>
 */
public enum Synchronous {
  OFF,
  NORMAL,
  FULL,
  EXTRA;

  /** The level for {@code PRAGMA synchronous}'s number (0..3), or null when out of range. */
  public static Synchronous ofLevel(int level) {
    return level >= 0 && level < values().length ? values()[level] : null;
  }

  /** Whether this level is FULL or EXTRA. */
  public boolean atLeastFull() {
    return compareTo(FULL) >= 0;
  }
}
