package dev.pagoda.wal;

import static dev.pagoda.wal.WalTestDb.autocommit;
import static dev.pagoda.wal.WalTestDb.build;
import static dev.pagoda.wal.WalTestDb.change;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagoda.pager.CheckpointMode;
import dev.pagoda.pager.DbFile;
import dev.pagoda.pager.MemoryVfs;
import dev.pagoda.pager.Synchronous;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which syncs each synchronous level makes, in order ("dir", "wal", "db"), as SQLite's WAL. */
class WalSyncTest {
  private static final String DB = "s.db";

  private final List<String> log = new ArrayList<>();
  private final SyncVfs vfs = new SyncVfs(new MemoryVfs(), log);
  private final DbFile db = vfs.open(DB, false);

  private WalJournal open(Synchronous level) {
    WalJournal j = new WalJournal(vfs, DB, level);
    j.recover(db);
    return j;
  }

  private List<String> take() {
    List<String> l = List.copyOf(log);
    log.clear();
    return l;
  }

  @Test
  void full_syncsTheWalAtEveryCommit_andTheHeader() {
    WalJournal j = open(Synchronous.FULL);
    byte[] v1 = build(1, 2);
    autocommit(j, db, new byte[0], v1);
    assertEquals(List.of("dir", "wal", "wal"), take(), "created, header, commit");
    autocommit(j, db, v1, change(v1, 2, 2, 2));
    assertEquals(List.of("wal"), take());
    j.checkpoint(db, CheckpointMode.PASSIVE, 0);
    assertEquals(List.of("wal", "db"), take(), "the WAL before the copy, the database after");
    j.close();
    assertEquals(List.of("db", "dir"), take(), "nothing left to copy; the delete is synced");
  }

  @Test
  void extra_isFull() {
    WalJournal j = open(Synchronous.EXTRA);
    autocommit(j, db, new byte[0], build(1, 2));
    assertEquals(List.of("dir", "wal", "wal"), take());
  }

  @Test
  void normal_syncsOnlyAtCheckpoints_andNewHeaders() {
    WalJournal j = open(Synchronous.NORMAL);
    byte[] v1 = build(1, 2);
    byte[] v2 = change(v1, 2, 2, 2);
    autocommit(j, db, new byte[0], v1);
    assertEquals(List.of("dir", "wal"), take(), "the header only");
    autocommit(j, db, v1, v2);
    assertEquals(List.of(), take());
    j.checkpoint(db, CheckpointMode.PASSIVE, 0);
    assertEquals(List.of("wal", "db"), take());
    autocommit(j, db, v2, change(v2, 3, 2, 2)); // restart: a new header
    assertEquals(List.of("wal"), take());
    j.close();
    assertEquals(List.of("wal", "db", "dir"), take());
  }

  @Test
  void off_neverSyncs() {
    WalJournal j = open(Synchronous.OFF);
    byte[] v1 = build(1, 2);
    autocommit(j, db, new byte[0], v1);
    autocommit(j, db, v1, change(v1, 2, 2, 2));
    j.checkpoint(db, CheckpointMode.TRUNCATE, 0);
    j.close();
    assertEquals(List.of(), take());
  }

  @Test
  void setSynchronous_appliesToLaterCommits() {
    WalJournal j = open(Synchronous.OFF);
    assertEquals("wal", j.modeName());
    byte[] v1 = build(1, 2);
    autocommit(j, db, new byte[0], v1);
    j.setSynchronous(Synchronous.FULL);
    assertEquals(Synchronous.FULL, j.synchronous());
    autocommit(j, db, v1, change(v1, 2, 2, 2));
    assertEquals(List.of("wal"), take());
  }
}
