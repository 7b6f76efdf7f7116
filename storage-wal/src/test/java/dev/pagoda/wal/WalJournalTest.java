package dev.pagoda.wal;

import static dev.pagoda.wal.WalTestDb.PS;
import static dev.pagoda.wal.WalTestDb.autocommit;
import static dev.pagoda.wal.WalTestDb.build;
import static dev.pagoda.wal.WalTestDb.change;
import static dev.pagoda.wal.WalTestDb.read;
import static dev.pagoda.wal.WalTestDb.readAt;
import static dev.pagoda.wal.WalTestDb.readPage;
import static dev.pagoda.wal.WalTestDb.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.Checkpoint;
import dev.pagoda.pager.CheckpointMode;
import dev.pagoda.pager.DbFile;
import dev.pagoda.pager.Journal.Snapshot;
import dev.pagoda.pager.MemoryFile;
import dev.pagoda.pager.MemoryVfs;
import dev.pagoda.pager.StorageException;
import dev.pagoda.pager.Synchronous;
import dev.pagoda.pager.testing.FaultyVfs;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The WAL journal driven through the Journal API, page by page, on in-memory files. */
class WalJournalTest {
  private static final String DB = "t.db";
  private static final String WAL = DB + "-wal";

  private final MemoryVfs vfs = new MemoryVfs();
  private final DbFile db = vfs.open(DB, false);
  private final WalJournal j = open(vfs, db, Synchronous.FULL);

  static WalJournal open(MemoryVfs vfs, DbFile db, Synchronous sync) {
    WalJournal j = new WalJournal(vfs, DB, sync);
    j.recover(db);
    return j;
  }

  static WalScan scan(byte[] wal) {
    MemoryFile f = new MemoryFile();
    f.write(0, wal, 0, wal.length);
    return WalReader.scan(f);
  }

  private WalScan scanWal() {
    return scan(vfs.contents(WAL));
  }

  private static Set<Integer> changed(WalJournal j, Snapshot a, Snapshot b, boolean exact) {
    Set<Integer> pages = new TreeSet<>();
    assertEquals(exact, j.changedPages(a, b, pages::add));
    return pages;
  }

  @Test
  void commit_appendsOneFramePerPage_inSqlitesFormat() {
    assertFalse(vfs.exists(WAL));
    byte[] v1 = build(1, 3);
    autocommit(j, db, new byte[0], v1);
    byte[] wal = vfs.contents(WAL);
    assertEquals(32 + 3 * (24 + PS), wal.length);
    WalScan s = scan(wal);
    assertEquals(PS, s.header().orElseThrow().pageSize());
    assertEquals(0, s.header().orElseThrow().checkpointSequence());
    assertEquals(3, s.maxFrame());
    assertEquals(1, s.commitCount());
    assertEquals(List.of(1, 2, 3), s.frames().stream().map(WalFrame::pageNumber).toList());
    assertEquals(List.of(0, 0, 3), s.frames().stream().map(WalFrame::commitSize).toList());
    assertEquals(0, db.size(), "the database file is not written at commit");
    assertArrayEquals(v1, read(j, db));
    assertEquals(PS, j.pageSize());
  }

  @Test
  void laterCommits_chainFromThePreviousFrame() {
    byte[] v1 = build(1, 3);
    byte[] v2 = change(v1, 2, 5, 2);
    byte[] v3 = change(v2, 3, 4, 3);
    autocommit(j, db, new byte[0], v1);
    autocommit(j, db, v1, v2);
    autocommit(j, db, v2, v3);
    WalScan s = scanWal();
    assertEquals(WalScan.End.END_OF_FILE, s.end());
    assertEquals(3, s.commitCount());
    assertEquals(3 + 4 + 2, s.maxFrame());
    assertEquals(4, s.databaseSize());
    assertArrayEquals(v3, read(j, db));
  }

  @Test
  void emptyWal_snapshotHoldsNoFrame() {
    Snapshot s = j.beginRead(db, 0);
    assertEquals(0, j.pageCount(s));
    assertFalse(j.readPage(db, s, 1, new byte[PS]));
    assertEquals(0, j.pageSize());
    j.endRead(s);
  }

  @Test
  void oldSnapshot_keepsSeeingItsCommit_pageCountPerSnapshot() {
    byte[] v1 = build(1, 3);
    byte[] v2 = change(v1, 2, 5, 2);
    byte[] v3 = change(v2, 3, 2, 2);
    autocommit(j, db, new byte[0], v1);
    Snapshot s1 = j.beginRead(db, 0);
    autocommit(j, db, v1, v2);
    Snapshot s2 = j.beginRead(db, 0);
    autocommit(j, db, v2, v3);
    Snapshot s3 = j.beginRead(db, 0);
    assertEquals(3, j.pageCount(s1));
    assertEquals(5, j.pageCount(s2));
    assertEquals(2, j.pageCount(s3));
    assertArrayEquals(v1, readAt(j, db, s1));
    assertArrayEquals(v2, readAt(j, db, s2));
    assertArrayEquals(v3, readAt(j, db, s3));
    assertFalse(j.readPage(db, s1, 4, new byte[PS]), "page 4 has no frame as of s1");
    j.endRead(s1);
    j.endRead(s2);
    j.endRead(s3);
  }

  @Test
  void changedPages_listsThePagesOfLaterFrames_andPage1() {
    byte[] v1 = build(1, 4);
    byte[] v2 = change(v1, 2, 4, 3);
    byte[] v3 = change(v2, 3, 6, 4);
    autocommit(j, db, new byte[0], v1);
    Snapshot s1 = j.beginRead(db, 0);
    j.endRead(s1);
    autocommit(j, db, v1, v2);
    autocommit(j, db, v2, v3);
    Snapshot s3 = j.beginRead(db, 0);
    j.endRead(s3);
    assertEquals(new TreeSet<>(List.of(1, 3, 4, 5, 6)), changed(j, s1, s3, true));
    assertEquals(new TreeSet<>(), changed(j, s3, s3, true));
    assertFalse(j.changedPages(s3, s1, p -> {}), "backwards is not exact");
  }

  @Test
  void changedPages_acrossARestart_exactFromTheRestartPoint() {
    byte[] v1 = build(1, 4);
    byte[] v2 = change(v1, 2, 4, 3);
    byte[] v3 = change(v2, 3, 4, 2);
    autocommit(j, db, new byte[0], v1);
    Snapshot s1 = j.beginRead(db, 0);
    j.endRead(s1);
    autocommit(j, db, v1, v2);
    Snapshot s2 = j.beginRead(db, 0);
    j.endRead(s2);
    assertEquals(new Checkpoint(false, 6, 6), j.checkpoint(db, CheckpointMode.PASSIVE, 0));
    autocommit(j, db, v2, v3); // restarts the WAL
    assertEquals(2, scanWal().maxFrame());
    Snapshot s3 = j.beginRead(db, 0);
    j.endRead(s3);
    assertEquals(new TreeSet<>(List.of(1, 2)), changed(j, s2, s3, true));
    changed(j, s1, s3, false); // the frames between s1 and the restart are gone
  }

  @Test
  void secondWriter_busyAfterTheTimeout_thenBusySnapshot() {
    autocommit(j, db, new byte[0], build(1, 2));
    Snapshot a = j.beginRead(db, 0);
    Snapshot b = j.beginRead(db, 0);
    j.beginWrite(db, a, 0);
    long t0 = System.nanoTime();
    StorageException e = assertThrows(StorageException.class, () -> j.beginWrite(db, b, 60));
    assertEquals(StorageException.Kind.BUSY, e.kind());
    assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(50), "waited the timeout");
    Snapshot a2 = j.commit(db, a, WalTestDb.diff(build(1, 2), build(2, 2)), 0);
    j.endWrite(a2);
    e = assertThrows(StorageException.class, () -> j.beginWrite(db, b, 1000));
    assertEquals(StorageException.Kind.BUSY_SNAPSHOT, e.kind());
    j.endRead(b);
    j.endRead(a2);
  }

  @Test
  void waitingWriter_getsTheLockWhenTheWriterRollsBack() throws Exception {
    autocommit(j, db, new byte[0], build(1, 2));
    Snapshot a = j.beginRead(db, 0);
    Snapshot b = j.beginRead(db, 0);
    j.beginWrite(db, a, 0);
    CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> j.beginWrite(db, b, 10_000));
    Thread.sleep(50);
    assertFalse(waiter.isDone());
    j.endWrite(a); // rollback: nothing committed
    waiter.get(10, TimeUnit.SECONDS);
    j.endWrite(b);
    j.endRead(a);
    j.endRead(b);
  }

  @Test
  void checkpoint_stopsAtTheOldestLiveReader() {
    byte[] v1 = build(1, 3);
    byte[] v2 = change(v1, 2, 4, 2);
    autocommit(j, db, new byte[0], v1);
    Snapshot r1 = j.beginRead(db, 0);
    autocommit(j, db, v1, v2);
    assertEquals(new Checkpoint(false, 6, 3), j.checkpoint(db, CheckpointMode.PASSIVE, 0));
    assertArrayEquals(v1, vfs.contents(DB), "the database holds v1 only");
    assertArrayEquals(v1, readAt(j, db, r1));
    assertArrayEquals(v2, read(j, db));
    j.endRead(r1);
    assertEquals(new Checkpoint(false, 6, 6), j.checkpoint(db, CheckpointMode.PASSIVE, 0));
    assertArrayEquals(v2, vfs.contents(DB));
  }

  @Test
  void fullCheckpoint_waitsForOlderReaders_busyAfterTheTimeout() throws Exception {
    byte[] v1 = build(1, 3);
    byte[] v2 = change(v1, 2, 3, 2);
    autocommit(j, db, new byte[0], v1);
    Snapshot r1 = j.beginRead(db, 0);
    autocommit(j, db, v1, v2);
    assertEquals(new Checkpoint(true, 5, 3), j.checkpoint(db, CheckpointMode.FULL, 50));
    CompletableFuture<Checkpoint> full =
        CompletableFuture.supplyAsync(() -> j.checkpoint(db, CheckpointMode.FULL, 10_000));
    Thread.sleep(50);
    // meanwhile FULL holds the writer lock: a writer waits, then fails
    Snapshot w = j.beginRead(db, 0);
    StorageException e = assertThrows(StorageException.class, () -> j.beginWrite(db, w, 30));
    assertEquals(StorageException.Kind.BUSY, e.kind());
    assertFalse(full.isDone());
    j.endRead(r1);
    assertEquals(new Checkpoint(false, 5, 5), full.get(10, TimeUnit.SECONDS));
    j.beginWrite(db, w, 0);
    j.endWrite(w);
    j.endRead(w);
    assertArrayEquals(v2, vfs.contents(DB));
  }

  @Test
  void restart_afterACompleteCheckpoint_newSaltsAndFrame1() {
    byte[] v1 = build(1, 3);
    byte[] v2 = change(v1, 2, 3, 2);
    autocommit(j, db, new byte[0], v1);
    WalHeader h1 = WalHeader.decode(vfs.contents(WAL));
    j.checkpoint(db, CheckpointMode.PASSIVE, 0);
    autocommit(j, db, v1, v2);
    WalHeader h2 = WalHeader.decode(vfs.contents(WAL));
    assertEquals(h1.checkpointSequence() + 1, h2.checkpointSequence());
    assertEquals(h1.salt1() + 1, h2.salt1());
    assertNotEquals(h1.salt2(), h2.salt2());
    WalScan s = scanWal();
    assertEquals(2, s.maxFrame(), "v2's frames from frame 1");
    assertEquals(WalScan.End.SALT_MISMATCH, s.end(), "v1's frame 3 is left and fails the salts");
    assertArrayEquals(v2, read(j, db));
    assertArrayEquals(v2, read(open(vfs, db, Synchronous.FULL), db), "recovered the same");
  }

  @Test
  void restart_waitsForReadersOfWalFrames() {
    byte[] v1 = build(1, 3);
    byte[] v2 = change(v1, 2, 3, 2);
    byte[] v3 = change(v2, 3, 3, 3);
    autocommit(j, db, new byte[0], v1);
    Snapshot r = j.beginRead(db, 0); // reads frames 1..3
    assertEquals(new Checkpoint(false, 3, 3), j.checkpoint(db, CheckpointMode.PASSIVE, 0));
    autocommit(j, db, v1, v2);
    assertEquals(5, scanWal().maxFrame(), "no restart while r may read frames");
    assertEquals(new Checkpoint(true, 5, 3), j.checkpoint(db, CheckpointMode.RESTART, 30));
    assertArrayEquals(v1, readAt(j, db, r));
    j.endRead(r);
    assertEquals(new Checkpoint(false, 5, 5), j.checkpoint(db, CheckpointMode.RESTART, 0));
    autocommit(j, db, v2, v3);
    assertEquals(2, scanWal().maxFrame(), "restarted");
    assertArrayEquals(v3, read(j, db));
  }

  @Test
  void writerWaitedForByARestartCheckpoint_failsAtOnce() throws Exception {
    byte[] v1 = build(1, 3);
    autocommit(j, db, new byte[0], v1);
    Snapshot w = j.beginRead(db, 0); // reads WAL frames
    CompletableFuture<Checkpoint> restart =
        CompletableFuture.supplyAsync(() -> j.checkpoint(db, CheckpointMode.RESTART, 10_000));
    Thread.sleep(50);
    long t0 = System.nanoTime();
    StorageException e = assertThrows(StorageException.class, () -> j.beginWrite(db, w, 10_000));
    assertEquals(StorageException.Kind.BUSY, e.kind());
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "no deadlock wait");
    j.endRead(w);
    assertEquals(new Checkpoint(false, 3, 3), restart.get(10, TimeUnit.SECONDS));
  }

  @Test
  void readerOfAnOlderGeneration_keepsItsPagesInTheFile() {
    byte[] v1 = build(1, 3);
    byte[] v2 = change(v1, 2, 3, 2, 3);
    autocommit(j, db, new byte[0], v1);
    j.checkpoint(db, CheckpointMode.PASSIVE, 0);
    Snapshot old = j.beginRead(db, 0); // everything backfilled: reads the file only
    assertEquals(0, j.pageCount(old));
    autocommit(j, db, v1, v2); // restarts: old does not hold the WAL
    assertEquals(2 + 1, scanWal().maxFrame());
    assertEquals(new Checkpoint(false, 3, 0), j.checkpoint(db, CheckpointMode.PASSIVE, 0));
    assertArrayEquals(v1, vfs.contents(DB), "nothing of the new generation is copied");
    assertArrayEquals(v1, readAt(j, db, old));
    j.endRead(old);
    assertEquals(new Checkpoint(false, 3, 3), j.checkpoint(db, CheckpointMode.PASSIVE, 0));
    assertArrayEquals(v2, vfs.contents(DB));
  }

  @Test
  void truncate_leavesAnEmptyWal_andWritingStartsAgain() {
    byte[] v1 = build(1, 5);
    byte[] v2 = change(v1, 2, 3, 2);
    byte[] v3 = change(v2, 3, 3, 3);
    autocommit(j, db, new byte[0], v1);
    autocommit(j, db, v1, v2);
    assertEquals(new Checkpoint(false, 0, 0), j.checkpoint(db, CheckpointMode.TRUNCATE, 0));
    assertEquals(0, vfs.contents(WAL).length);
    assertArrayEquals(v2, vfs.contents(DB), "copied and truncated to 3 pages");
    assertArrayEquals(v2, read(j, db));
    autocommit(j, db, v2, v3);
    WalScan s = scanWal();
    assertEquals(2, s.maxFrame());
    assertEquals(WalScan.End.END_OF_FILE, s.end());
    assertArrayEquals(v3, read(j, db));
    assertArrayEquals(v3, read(open(vfs, db, Synchronous.FULL), db));
  }

  @Test
  void truncate_busyWhileAReaderUsesTheWal() {
    byte[] v1 = build(1, 3);
    autocommit(j, db, new byte[0], v1);
    Snapshot r = j.beginRead(db, 0);
    int size = vfs.contents(WAL).length;
    assertEquals(new Checkpoint(true, 3, 3), j.checkpoint(db, CheckpointMode.TRUNCATE, 30));
    assertEquals(size, vfs.contents(WAL).length);
    assertArrayEquals(v1, readAt(j, db, r));
    j.endRead(r);
  }

  @Test
  void failedCommit_publishesNothing_nextCommitOverwritesItsFrames() {
    MemoryVfs disk = new MemoryVfs();
    FaultyVfs fvfs = new FaultyVfs(disk);
    DbFile fdb = fvfs.open(DB, false);
    WalJournal fj = new WalJournal(fvfs, DB, Synchronous.FULL);
    fj.recover(fdb);
    byte[] v1 = build(1, 3);
    byte[] v2 = change(v1, 2, 4, 2, 3);
    byte[] v3 = change(v1, 3, 3, 3);
    autocommit(fj, fdb, new byte[0], v1);
    Snapshot before = fj.beginRead(fdb, 0);
    fvfs.failFrom(3); // the third frame of v2
    Snapshot s = fj.beginRead(fdb, 0);
    StorageException e = assertThrows(StorageException.class, () -> write(fj, fdb, s, v1, v2));
    assertEquals(StorageException.Kind.IOERR, e.kind());
    fvfs.failFrom(Long.MAX_VALUE / 2);
    fj.endRead(s);
    assertArrayEquals(v1, read(fj, fdb));
    Snapshot after = fj.beginRead(fdb, 0);
    assertTrue(fj.changedPages(before, after, p -> {}), "the same version");
    fj.endRead(after);
    fj.endRead(before);
    autocommit(fj, fdb, v1, v3);
    assertArrayEquals(v3, read(fj, fdb));
    WalScan scan = scan(disk.contents(WAL));
    assertEquals(2, scan.commitCount(), "v1 and v3; v2's frames overwritten or dropped");
    DbFile again = disk.open(DB, false);
    assertArrayEquals(v3, read(open(disk, again, Synchronous.FULL), again));
  }

  @Test
  void recover_indexesTheCommittedPrefix() {
    byte[] v1 = build(1, 3);
    byte[] v2 = change(v1, 2, 4, 2);
    autocommit(j, db, new byte[0], v1);
    autocommit(j, db, v1, v2);
    byte[] wal = vfs.contents(WAL);
    MemoryVfs copy = new MemoryVfs();
    copy.put(DB, vfs.contents(DB));
    copy.put(WAL, wal);
    WalJournal k = new WalJournal(copy, DB, Synchronous.FULL);
    DbFile cdb = copy.open(DB, false);
    assertTrue(k.recover(cdb));
    assertFalse(k.recover(cdb), "once");
    assertArrayEquals(v2, read(k, cdb));
    copy.put(WAL, Arrays.copyOf(wal, wal.length - 10)); // torn last frame: v2 is lost
    WalJournal torn = new WalJournal(copy, DB, Synchronous.FULL);
    assertTrue(torn.recover(cdb));
    assertArrayEquals(v1, read(torn, cdb));
  }

  @Test
  void recover_walOfAnotherPageSize_isCorrupt_unlessTheDatabaseIsEmpty() {
    byte[] v1 = build(1, 3);
    autocommit(j, db, new byte[0], v1);
    MemoryVfs other = new MemoryVfs();
    other.put(WAL, vfs.contents(WAL));
    byte[] page1 = new byte[1024];
    BigEndian.putU16(page1, 16, 1024);
    other.put(DB, page1);
    WalJournal k = new WalJournal(other, DB, Synchronous.FULL);
    StorageException e =
        assertThrows(StorageException.class, () -> k.recover(other.open(DB, false)));
    assertEquals(StorageException.Kind.CORRUPT, e.kind());
    k.close(); // as PagerFile does when recovery fails: the WAL must survive
    assertArrayEquals(vfs.contents(WAL), other.contents(WAL));
    other.put(DB, new byte[0]);
    WalJournal k2 = new WalJournal(other, DB, Synchronous.FULL);
    DbFile odb = other.open(DB, false);
    assertTrue(k2.recover(odb));
    assertArrayEquals(v1, read(k2, odb));
  }

  @Test
  void close_checkpointsDeletesTheWal() {
    byte[] v1 = build(1, 6);
    byte[] v2 = change(v1, 2, 4, 2);
    autocommit(j, db, new byte[0], v1);
    autocommit(j, db, v1, v2);
    j.close();
    assertFalse(vfs.exists(WAL));
    assertArrayEquals(v2, vfs.contents(DB));
    assertNull(j.lastCheckpointFailure());
  }

  @Test
  void close_whenTheCheckpointFails_keepsTheWal() {
    MemoryVfs disk = new MemoryVfs();
    FaultyVfs fvfs = new FaultyVfs(disk);
    DbFile fdb = fvfs.open(DB, false);
    WalJournal fj = new WalJournal(fvfs, DB, Synchronous.FULL);
    fj.recover(fdb);
    byte[] v1 = build(1, 3);
    autocommit(fj, fdb, new byte[0], v1);
    fvfs.failFrom(2); // the copy's first database write
    fj.close();
    assertTrue(disk.exists(WAL));
    assertEquals(StorageException.Kind.IOERR,
        ((StorageException) fj.lastCheckpointFailure()).kind());
    DbFile again = disk.open(DB, false);
    assertArrayEquals(v1, read(open(disk, again, Synchronous.FULL), again));
  }

  @Test
  void autoCheckpoint_afterEnoughFrames_andItsFailureDoesNotFailTheCommit() {
    assertEquals(1000, j.autoCheckpoint());
    j.setAutoCheckpoint(5);
    byte[] v1 = build(1, 3);
    byte[] v2 = change(v1, 2, 3, 2);
    byte[] v3 = change(v2, 3, 3, 2);
    autocommit(j, db, new byte[0], v1);
    assertEquals(0, db.size());
    autocommit(j, db, v1, v2); // 5 frames
    assertArrayEquals(v2, vfs.contents(DB));

    MemoryVfs disk = new MemoryVfs();
    FaultyVfs fvfs = new FaultyVfs(disk);
    DbFile fdb = fvfs.open(DB, false);
    WalJournal fj = new WalJournal(fvfs, DB, Synchronous.NORMAL);
    fj.recover(fdb);
    fj.setAutoCheckpoint(4);
    autocommit(fj, fdb, new byte[0], v1);
    fvfs.failFrom(3); // NORMAL: two frame writes, then the checkpoint's WAL sync fails
    autocommit(fj, fdb, v1, v3);
    assertEquals(StorageException.Kind.IOERR,
        ((StorageException) fj.lastCheckpointFailure()).kind());
    fvfs.failFrom(Long.MAX_VALUE / 2);
    assertArrayEquals(v3, read(fj, fdb));
  }
}
