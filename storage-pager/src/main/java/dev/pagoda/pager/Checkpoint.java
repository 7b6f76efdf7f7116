package dev.pagoda.pager;

/**
 * What a checkpoint did, as {@code PRAGMA wal_checkpoint} reports it (SQLite's three columns).
 *
 * @param busy whether the checkpoint could not finish because of a reader or writer (1 in SQLite's
 *     first column)
 * @param logFrames frames in the WAL after the checkpoint, -1 when the database is not in WAL mode
 * @param checkpointedFrames frames of the WAL now copied back into the database, -1 when not in WAL
 *     mode
 */
public record Checkpoint(boolean busy, int logFrames, int checkpointedFrames) {
  /** The answer when the database is not in WAL mode. */
  public static final Checkpoint NOT_WAL = new Checkpoint(false, -1, -1);
}
