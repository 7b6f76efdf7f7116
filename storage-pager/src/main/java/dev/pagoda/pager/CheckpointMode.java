package dev.pagoda.pager;

/**
 * {@code PRAGMA wal_checkpoint(...)} modes, as SQLite's {@code sqlite3_wal_checkpoint_v2} defines
 * them.
 *
 * <ul>
 *   <li>PASSIVE: copy as many frames as can be copied without waiting for anyone (never past the
 *       oldest live reader's snapshot, never while a writer is committing frames).
 *   <li>FULL: wait (up to the busy timeout) for the writer and for readers of older snapshots,
 *       then copy every frame.
 *   <li>RESTART: as FULL, then wait until no reader uses the WAL, so that the next writer starts
 *       the WAL again from its beginning (new salts).
 *   <li>TRUNCATE: as RESTART, and truncate the WAL file to zero bytes.
 * </ul>
 */
public enum CheckpointMode {
  PASSIVE,
  FULL,
  RESTART,
  TRUNCATE
}
