package dev.pagoda.pager;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.RollbackJournal.Mode;
import dev.pagoda.pager.Synchronous;
import dev.pagoda.pager.testing.FaultyVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rollback journal's file format, commit protocol, finalization and hot-journal playback. */
class RollbackJournalTest {
  private static final int PS = 512;
  private static final String DB = "a.db";
  private static final String J = "a.db-journal";
  private static final PagerOptions OPTS = new PagerOptions(PS, false);

  @TempDir Path dir;

  private static Pager open(Vfs vfs, Mode mode, Synchronous sync) {
    return Pager.open(vfs.open(DB, false), OPTS, new RollbackJournal(vfs, J, mode, sync, new Random(3)));
  }

  /** A database of {@code pages} pages, each page after 1 filled with its number. */
  private static void populate(Vfs vfs, int pages) {
    try (Pager p = open(vfs, Mode.DELETE, Synchronous.FULL)) {
      p.beginWrite();
      for (int i = 2; i <= pages; i++) {
        Arrays.fill(p.getPage(p.allocatePage()).data(), (byte) i);
      }
      p.commit();
    }
  }

  /** Changes pages 2 and 4 and page 1 (user version 5): three journal records. */
  private static void change(Pager p) {
    p.beginWrite();
    for (int pgno : new int[] {4, 2}) {
      Page page = p.getPage(pgno);
      p.makeWritable(page);
      Arrays.fill(page.data(), (byte) 0x77);
    }
    p.setUserVersion(5);
  }

  @Test
  void journalFormat_headerPaddedToTheSector_recordsWithSqlitesChecksum() {
    MemoryVfs disk = new MemoryVfs();
    populate(disk, 5);
    byte[] pre = disk.contents(DB);
    FaultyVfs vfs = new FaultyVfs(disk);
    Pager p = open(vfs, Mode.DELETE, Synchronous.FULL);
    change(p);
    // header, 3 records, sync, record count, sync, directory sync: power lost at the first db write
    vfs.failFrom(9);
    assertThrows(StorageException.class, p::commit);
    vfs.crash(new Random(1), 1, false, 0);
    byte[] j = disk.contents(J);
    assertNotNull(j);
    assertArrayEquals(RollbackJournal.MAGIC, Arrays.copyOf(j, 8));
    assertEquals(3, BigEndian.i32(j, 8), "record count written after the records were synced");
    int nonce = BigEndian.i32(j, 12);
    assertEquals(5, BigEndian.i32(j, 16), "original database size in pages");
    assertEquals(RollbackJournal.SECTOR_SIZE, BigEndian.i32(j, 20));
    assertEquals(PS, BigEndian.i32(j, 24));
    for (int i = 28; i < RollbackJournal.SECTOR_SIZE; i++) {
      assertEquals(0, j[i], "header padding at " + i);
    }
    assertEquals(RollbackJournal.SECTOR_SIZE + 3 * (PS + 8), j.length);
    int[] expectedPages = {1, 2, 4};
    for (int r = 0; r < 3; r++) {
      int off = RollbackJournal.SECTOR_SIZE + r * (PS + 8);
      int pgno = BigEndian.i32(j, off);
      assertEquals(expectedPages[r], pgno);
      byte[] original = Arrays.copyOfRange(pre, (pgno - 1) * PS, pgno * PS);
      assertArrayEquals(original, Arrays.copyOfRange(j, off + 4, off + 4 + PS), "original image");
      int sum = nonce;
      for (int i = PS - 200; i > 0; i -= 200) {
        sum += original[i] & 0xff;
      }
      assertEquals(sum, BigEndian.i32(j, off + 4 + PS), "checksum of record " + r);
    }
    // the hot journal brings the file back
    try (Pager q = open(new FaultyVfs(disk), Mode.DELETE, Synchronous.FULL)) {
      assertEquals(0, q.userVersion());
    }
    assertArrayEquals(pre, disk.contents(DB));
    assertFalse(disk.exists(J));
  }

  @Test
  void synchronousOff_writesRecordCountMinusOne_andPlaybackCountsToTheEnd() {
    MemoryVfs disk = new MemoryVfs();
    populate(disk, 5);
    byte[] pre = disk.contents(DB);
    FaultyVfs vfs = new FaultyVfs(disk);
    Pager p = open(vfs, Mode.DELETE, Synchronous.OFF);
    change(p);
    vfs.failFrom(6); // header, 3 records, then: the second database write fails
    assertThrows(StorageException.class, p::commit);
    vfs.crash(new Random(1), 1, false, 0);
    byte[] j = disk.contents(J);
    assertEquals(-1, BigEndian.i32(j, 8));
    assertFalse(Arrays.equals(pre, disk.contents(DB)), "one page reached the file");
    open(new FaultyVfs(disk), Mode.DELETE, Synchronous.OFF).close();
    assertArrayEquals(pre, disk.contents(DB));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void finalization_perJournalMode(Mode mode) {
    MemoryVfs disk = new MemoryVfs();
    populate(disk, 5);
    try (Pager p = open(disk, mode, Synchronous.FULL)) {
      change(p);
      p.commit();
    }
    switch (mode) {
      case DELETE -> assertFalse(disk.exists(J));
      case TRUNCATE -> assertEquals(0, disk.contents(J).length);
      case PERSIST -> {
        byte[] j = disk.contents(J);
        assertEquals(RollbackJournal.SECTOR_SIZE + 3 * (PS + 8), j.length);
        assertArrayEquals(new byte[28], Arrays.copyOf(j, 28), "header zeroed: not hot");
      }
    }
    try (Pager p = open(disk, mode, Synchronous.FULL)) {
      assertEquals(5, p.userVersion(), "a finalized journal is never played back");
      assertEquals(0x77, p.getPage(2).data()[0]);
    }
  }

  @Test
  void failedCommit_whenRecoveryFailsToo_refusesNewTransactions_theNextOpenRollsBack() {
    MemoryVfs disk = new MemoryVfs();
    populate(disk, 5);
    byte[] pre = disk.contents(DB);
    FaultyVfs vfs = new FaultyVfs(disk);
    try (Pager p = open(vfs, Mode.DELETE, Synchronous.FULL)) {
      change(p);
      // every call fails from the second database write on: the immediate playback fails too
      long calls = vfs.callCount();
      vfs.failFrom(10);
      assertThrows(StorageException.class, p::commit);
      assertTrue(vfs.callCount() > calls);
      assertTrue(p.inWriteTransaction());
      p.rollback();
      assertEquals(StorageException.Kind.IOERR,
          assertThrows(StorageException.class, p::beginWrite).kind());
    }
    // vfs fails every call from the 10th on: the file is not recovered yet; a new open does it
    try (Pager p = open(new FaultyVfs(disk), Mode.DELETE, Synchronous.FULL)) {
      assertEquals(0, p.userVersion());
    }
    assertArrayEquals(pre, disk.contents(DB));
  }

  @Test
  void failedCommit_withWorkingFiles_isRolledBackInPlace_andTheNextCommitWorks() {
    MemoryVfs disk = new MemoryVfs();
    populate(disk, 5);
    byte[] pre = disk.contents(DB);
    Vfs failingOnce = new Vfs() {
      int dbWrites;

      @Override
      public DbFile open(String name, boolean readOnly) {
        DbFile f = disk.open(name, readOnly);
        if (!name.equals(DB)) {
          return f;
        }
        dev.pagoda.pager.testing.FaultyFile ff = new dev.pagoda.pager.testing.FaultyFile(f);
        return ff.onIo(op -> {
          if (op == dev.pagoda.pager.testing.FaultyFile.Op.WRITE && ++dbWrites == 2) {
            throw new StorageException(StorageException.Kind.IOERR, "injected once");
          }
        });
      }

      @Override
      public boolean exists(String name) {
        return disk.exists(name);
      }

      @Override
      public void delete(String name) {
        disk.delete(name);
      }

      @Override
      public void syncDirectory(String name) {}
    };
    try (Pager p = open(failingOnce, Mode.DELETE, Synchronous.FULL)) {
      change(p);
      assertThrows(StorageException.class, p::commit);
      assertArrayEquals(pre, disk.contents(DB), "played back at once");
      assertFalse(disk.exists(J));
      assertTrue(p.inWriteTransaction());
      p.rollback();
      assertEquals(0, p.userVersion());
      change(p);
      p.commit();
    }
    try (Pager p = open(disk, Mode.DELETE, Synchronous.FULL)) {
      assertEquals(5, p.userVersion());
    }
  }

  /** A Vfs on {@code disk} whose delete or (n-th) directory sync fails once. */
  private static Vfs failingOnce(MemoryVfs disk, boolean delete, int dirSync) {
    return new Vfs() {
      int deletes;
      int syncs;

      @Override
      public DbFile open(String name, boolean readOnly) {
        return disk.open(name, readOnly);
      }

      @Override
      public boolean exists(String name) {
        return disk.exists(name);
      }

      @Override
      public void delete(String name) {
        if (delete && ++deletes == 1) {
          throw new StorageException(StorageException.Kind.IOERR, "injected: delete");
        }
        disk.delete(name);
      }

      @Override
      public void syncDirectory(String name) {
        if (++syncs == dirSync) {
          throw new StorageException(StorageException.Kind.IOERR, "injected: directory sync");
        }
      }
    };
  }

  @Test
  void failureBeforeTheCommitPoint_journalDeleteFails_isPlayedBackAtOnce() {
    MemoryVfs disk = new MemoryVfs();
    populate(disk, 5);
    byte[] pre = disk.contents(DB);
    try (Pager p = open(failingOnce(disk, true, 0), Mode.DELETE, Synchronous.FULL)) {
      change(p);
      assertThrows(StorageException.class, p::commit);
      assertArrayEquals(pre, disk.contents(DB));
      assertFalse(disk.exists(J));
      p.rollback();
      change(p);
      p.commit();
      assertEquals(5, p.userVersion());
    }
  }

  @Test
  void failureAfterTheCommitPoint_directorySyncFails_keepsTheCommit_andTheMemoryPagerNeedsAReopen() {
    MemoryVfs disk = new MemoryVfs();
    populate(disk, 5);
    try (Pager p = open(failingOnce(disk, false, 2), Mode.DELETE, Synchronous.FULL)) {
      change(p);
      assertThrows(StorageException.class, p::commit);
      assertFalse(disk.exists(J));
      p.rollback();
      assertEquals(StorageException.Kind.IOERR,
          assertThrows(StorageException.class, p::beginWrite).kind());
    }
    try (Pager p = open(disk, Mode.DELETE, Synchronous.FULL)) {
      assertEquals(5, p.userVersion(), "the file has the new database");
    }
  }

  @Test
  void hotJournal_besideAReadOnlyFile_refusesToOpen() {
    MemoryVfs disk = new MemoryVfs();
    populate(disk, 5);
    FaultyVfs vfs = new FaultyVfs(disk);
    Pager p = open(vfs, Mode.DELETE, Synchronous.FULL);
    change(p);
    vfs.failFrom(10);
    assertThrows(StorageException.class, p::commit);
    vfs.crash(new Random(1), 1, false, 0);
    StorageException e = assertThrows(StorageException.class,
        () -> Pager.open(disk.open(DB, true), new PagerOptions(PS, true),
            RollbackJournal.forDatabase(disk, DB)));
    assertEquals(StorageException.Kind.READONLY, e.kind());
    assertTrue(disk.exists(J), "left for a writer to roll back");
  }

  @Test
  void journalBesideAnEmptyDatabase_isNotHot_andIsDeleted() {
    MemoryVfs disk = new MemoryVfs();
    disk.put(J, new byte[] {1, 2, 3});
    try (Pager p = Pager.open(disk, DB, OPTS)) {
      assertEquals(1, p.pageCount());
    }
    assertFalse(disk.exists(J));
  }

  @Test
  void playback_readsSegments_firstRecordOfAPageWins_stopsAtABadChecksum() {
    MemoryVfs disk = new MemoryVfs();
    populate(disk, 4);
    byte[] pre = disk.contents(DB);
    int sector = 512;
    byte[] j = new byte[sector + 2 * (PS + 8) + 100 + sector + 2 * (PS + 8)];
    // segment 1 at 0: page 2 (its original), page 3 (original)
    header(j, 0, 2, 11, 4, sector);
    record(j, sector, 2, Arrays.copyOfRange(pre, PS, 2 * PS), 11);
    record(j, sector + PS + 8, 3, Arrays.copyOfRange(pre, 2 * PS, 3 * PS), 11);
    // segment 2 at the next sector boundary: page 2 again (must lose), page 4 with a bad checksum
    int seg2 = ((sector + 2 * (PS + 8) + sector - 1) / sector) * sector;
    j = Arrays.copyOf(j, seg2 + sector + 2 * (PS + 8));
    header(j, seg2, 2, 12, 99, sector);
    byte[] junk = new byte[PS];
    Arrays.fill(junk, (byte) 9);
    record(j, seg2 + sector, 2, junk, 12);
    record(j, seg2 + sector + PS + 8, 4, junk, 13);
    // the file: pages 2..4 scribbled, and grown by two pages
    byte[] db = Arrays.copyOf(pre, pre.length + 2 * PS);
    Arrays.fill(db, PS, db.length, (byte) 0x44);
    byte[] page4 = Arrays.copyOfRange(db, 3 * PS, 4 * PS);
    disk.put(DB, db);
    disk.put(J, j);
    RollbackJournal rj = RollbackJournal.forDatabase(disk, DB);
    Pager.open(disk.open(DB, false), OPTS, rj).close();
    byte[] after = disk.contents(DB);
    assertEquals(pre.length, after.length, "truncated to the first header's size");
    assertArrayEquals(Arrays.copyOf(pre, 3 * PS), Arrays.copyOf(after, 3 * PS));
    assertArrayEquals(page4, Arrays.copyOfRange(after, 3 * PS, 4 * PS), "bad checksum: not played");
    assertEquals(2, rj.pagesPlayedBack());
    assertFalse(disk.exists(J));
  }

  private static void header(byte[] j, int off, int nRec, int nonce, int dbSize, int sector) {
    System.arraycopy(RollbackJournal.MAGIC, 0, j, off, 8);
    BigEndian.putI32(j, off + 8, nRec);
    BigEndian.putI32(j, off + 12, nonce);
    BigEndian.putI32(j, off + 16, dbSize);
    BigEndian.putI32(j, off + 20, sector);
    BigEndian.putI32(j, off + 24, PS);
  }

  private static void record(byte[] j, int off, int pgno, byte[] page, int nonce) {
    BigEndian.putI32(j, off, pgno);
    System.arraycopy(page, 0, j, off + 4, PS);
    BigEndian.putI32(j, off + 4 + PS, RollbackJournal.checksum(nonce, page, 0, PS));
  }

  @Test
  void shrinkingCommit_truncatesTheFile_andAHotJournalGrowsItBack() {
    MemoryVfs disk = new MemoryVfs();
    populate(disk, 8);
    byte[] pre = disk.contents(DB);
    try (Pager p = open(disk, Mode.DELETE, Synchronous.FULL)) {
      p.beginWrite();
      p.truncateTo(5);
      assertEquals(5, p.pageCount());
      p.rollback();
      assertEquals(8, p.pageCount());
      assertEquals(8, p.getPage(8).data()[0]);
    }
    // a dry run counts the calls of the commit; the power then goes at its database sync
    FaultyVfs dry = new FaultyVfs(new MemoryVfs());
    dry.disk().put(DB, pre);
    long calls;
    try (Pager d = open(dry, Mode.DELETE, Synchronous.FULL)) {
      d.beginWrite();
      d.truncateTo(5);
      long before = dry.callCount();
      d.commit();
      calls = dry.callCount() - before;
    }
    FaultyVfs vfs = new FaultyVfs(disk);
    Pager p = open(vfs, Mode.DELETE, Synchronous.FULL);
    p.beginWrite();
    p.truncateTo(5);
    vfs.failFrom(calls - 2); // the last three: sync the database, delete the journal, sync the dir
    assertThrows(StorageException.class, p::commit);
    vfs.crash(new Random(1), 1, false, 0);
    assertEquals(5 * PS, disk.contents(DB).length);
    open(new FaultyVfs(disk), Mode.DELETE, Synchronous.FULL).close();
    assertArrayEquals(pre, disk.contents(DB));
    try (Pager q = open(disk, Mode.DELETE, Synchronous.FULL)) {
      q.beginWrite();
      q.truncateTo(3);
      q.commit();
    }
    assertEquals(3 * PS, disk.contents(DB).length);
  }

  @Test
  void journalReadPage_servesPagesBeforeTheFile_theHookAWalNeeds() {
    MemoryVfs disk = new MemoryVfs();
    populate(disk, 3);
    Journal base = Journal.none();
    Journal overlay = new Journal() {
      @Override
      public boolean recover(DbFile db) {
        return false;
      }

      @Override
      public Snapshot beginRead(DbFile db, long timeout) {
        return base.beginRead(db, timeout);
      }

      @Override
      public void endRead(Snapshot s) {
        base.endRead(s);
      }

      @Override
      public boolean changedPages(Snapshot from, Snapshot to, IntConsumer changed) {
        return base.changedPages(from, to, changed);
      }

      @Override
      public void beginWrite(DbFile db, Snapshot s, long timeout) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Snapshot commit(DbFile db, Snapshot s, Commit c, long timeout) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void endWrite(Snapshot s) {}

      @Override
      public boolean readPage(DbFile db, Snapshot s, int pgno, byte[] buf) {
        if (pgno != 3) {
          return false;
        }
        Arrays.fill(buf, (byte) 0x3c);
        return true;
      }

      @Override
      public Synchronous synchronous() {
        return Synchronous.FULL;
      }

      @Override
      public void setSynchronous(Synchronous level) {}

      @Override
      public String modeName() {
        return "overlay";
      }

      @Override
      public void close() {}
    };
    try (Pager p = Pager.open(disk.open(DB, false), OPTS, overlay)) {
      assertEquals(2, p.getPage(2).data()[0]);
      assertEquals(0x3c, p.getPage(3).data()[0]);
    }
  }

  @Test
  void diskFile_getsARollbackJournalBesideIt_deletedAfterEachCommit() throws Exception {
    Path f = dir.resolve("d.db");
    try (Pager p = Pager.open(DiskFile.open(f, false), OPTS)) {
      p.beginWrite();
      Arrays.fill(p.getPage(p.allocatePage()).data(), (byte) 1);
      p.commit();
      assertFalse(Files.exists(dir.resolve("d.db-journal")));
      p.beginWrite();
      p.setUserVersion(3);
      p.commit();
    }
    try (Pager p = Pager.open(DiskVfs.get(), f.toString(), OPTS)) {
      assertEquals(3, p.userVersion());
      assertEquals(2, p.pageCount());
    }
    assertFalse(Files.exists(dir.resolve("d.db-journal")));
  }
}
