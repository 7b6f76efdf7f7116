package dev.pagoda.pager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several pagers on one {@link PagerFile} with a rollback journal (or {@link Journal#none()}):
 * SQLite's rollback-mode locking and each pager's cache following the others' commits.
 */
@Timeout(30)
class SharedPagerTest {
  private static final String DB = "shared.db";
  private static final PagerOptions OPTS = new PagerOptions(512, false);

  private static PagerFile rollbackFile(MemoryVfs vfs) {
    return PagerFile.open(vfs.open(DB, false), RollbackJournal.forDatabase(vfs, DB));
  }

  /** Writes {@code v} into the first byte of page 2 (allocating it if needed) and commits. */
  private static void writePage2(Pager p, int v) {
    p.beginWrite();
    if (p.pageCount() < 2) {
      p.allocatePage();
    }
    Page page = p.getPage(2);
    p.makeWritable(page);
    page.data()[0] = (byte) v;
    p.commit();
  }

  private static int readPage2(Pager p) {
    p.beginRead();
    try {
      return p.getPage(2).data()[0];
    } finally {
      p.endRead();
    }
  }

  @Test
  void aReader_seesTheOtherPagersCommit_atItsNextReadTransaction() {
    MemoryVfs vfs = new MemoryVfs();
    try (PagerFile f = rollbackFile(vfs); Pager a = f.openPager(OPTS); Pager b = f.openPager(OPTS)) {
      writePage2(a, 1);
      assertEquals(1, readPage2(b));
      writePage2(a, 2);
      assertEquals(2, readPage2(b), "b's cached page 2 was dropped when the file changed");
      writePage2(b, 3);
      assertEquals(3, readPage2(a));
      assertEquals(2, f.openPagers());
    }
  }

  @Test
  void whileOneWrites_othersReadTheCommittedState_andCannotWrite() {
    MemoryVfs vfs = new MemoryVfs();
    try (PagerFile f = rollbackFile(vfs); Pager a = f.openPager(OPTS); Pager b = f.openPager(OPTS)) {
      writePage2(a, 1);
      a.beginWrite();
      Page page = a.getPage(2);
      a.makeWritable(page);
      page.data()[0] = 9;
      assertEquals(1, readPage2(b), "uncommitted changes stay in the writer's memory");
      StorageException busy = assertThrows(StorageException.class, b::beginWrite);
      assertEquals(StorageException.Kind.BUSY, busy.kind());
      a.commit();
      assertEquals(9, readPage2(b));
    }
  }

  @Test
  void commit_isBusy_whileAnotherPagerReads_andSucceedsAfter() {
    MemoryVfs vfs = new MemoryVfs();
    try (PagerFile f = rollbackFile(vfs); Pager a = f.openPager(OPTS); Pager b = f.openPager(OPTS)) {
      writePage2(a, 1);
      b.beginRead();
      assertEquals(1, b.getPage(2).data()[0]);
      a.beginWrite();
      Page page = a.getPage(2);
      a.makeWritable(page);
      page.data()[0] = 5;
      StorageException busy = assertThrows(StorageException.class, a::commit);
      assertEquals(StorageException.Kind.BUSY, busy.kind());
      assertTrue(a.inWriteTransaction(), "nothing was written; the transaction stays open");
      assertEquals(1, b.getPage(2).data()[0]);
      // a reader that wants to write while the writer waits for it: BUSY at once, no deadlock
      b.setBusyTimeout(10_000);
      assertEquals(StorageException.Kind.BUSY,
          assertThrows(StorageException.class, b::beginWrite).kind());
      b.endRead();
      a.commit();
      assertEquals(5, readPage2(b));
    }
  }

  @Test
  void commit_waitsForAReaderToFinish_withinTheBusyTimeout() throws Exception {
    MemoryVfs vfs = new MemoryVfs();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (PagerFile f = rollbackFile(vfs); Pager a = f.openPager(OPTS); Pager b = f.openPager(OPTS)) {
      writePage2(a, 1);
      b.beginRead();
      b.getPage(2);
      CountDownLatch waiting = new CountDownLatch(1);
      Future<?> writer = pool.submit(() -> {
        a.setBusyTimeout(20_000);
        a.beginWrite();
        Page page = a.getPage(2);
        a.makeWritable(page);
        page.data()[0] = 7;
        waiting.countDown();
        a.commit(); // PENDING until b ends its read
      });
      assertTrue(waiting.await(10, TimeUnit.SECONDS));
      Thread.sleep(50);
      assertFalse(writer.isDone(), "the commit waits for the reader");
      b.endRead();
      writer.get(10, TimeUnit.SECONDS);
      assertEquals(7, readPage2(b));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void newReaders_waitWhileACommitIsPending_thenSeeIt() throws Exception {
    MemoryVfs vfs = new MemoryVfs();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (PagerFile f = rollbackFile(vfs);
        Pager a = f.openPager(OPTS);
        Pager b = f.openPager(OPTS);
        Pager c = f.openPager(OPTS)) {
      writePage2(a, 1);
      b.beginRead();
      b.getPage(2);
      Future<?> writer = pool.submit(() -> {
        a.setBusyTimeout(20_000);
        a.beginWrite();
        Page page = a.getPage(2);
        a.makeWritable(page);
        page.data()[0] = 4;
        a.commit();
      });
      // wait until a is PENDING: a new reader with no timeout is then refused
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (true) {
        try {
          c.beginRead();
          c.endRead();
        } catch (StorageException e) {
          assertEquals(StorageException.Kind.BUSY, e.kind());
          break;
        }
        assertTrue(System.nanoTime() < deadline, "the writer never became PENDING");
        Thread.sleep(1);
      }
      c.setBusyTimeout(20_000);
      Future<Integer> reader = pool.submit(() -> readPage2(c));
      b.endRead();
      writer.get(10, TimeUnit.SECONDS);
      assertEquals(4, reader.get(10, TimeUnit.SECONDS), "the waiting reader sees the commit");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void inMemoryJournal_keepsPagersApartTheSameWay() {
    try (PagerFile f = PagerFile.open(new MemoryFile(), Journal.none());
        Pager a = f.openPager(OPTS);
        Pager b = f.openPager(OPTS)) {
      writePage2(a, 1);
      b.beginRead();
      assertEquals(1, b.getPage(2).data()[0]);
      a.beginWrite();
      a.setUserVersion(3);
      assertEquals(StorageException.Kind.BUSY, assertThrows(StorageException.class, a::commit).kind());
      b.endRead();
      a.commit();
      b.beginRead();
      assertEquals(3, b.userVersion(), "page 1 reloaded after the other pager's commit");
      b.endRead();
    }
  }

  @Test
  void endRead_insideAWriteOfTheSameRead_isMisuse() {
    MemoryVfs vfs = new MemoryVfs();
    try (PagerFile f = rollbackFile(vfs); Pager a = f.openPager(OPTS)) {
      a.beginRead();
      a.beginWrite();
      assertEquals(StorageException.Kind.MISUSE,
          assertThrows(StorageException.class, a::endRead).kind());
      a.rollback();
      a.endRead();
      assertFalse(a.inReadTransaction());
    }
  }

  @Test
  void openingAPager_readsNothing_soACommitInProgressDoesNotMakeItBusy() throws Exception {
    MemoryVfs vfs = new MemoryVfs();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (PagerFile f = rollbackFile(vfs); Pager a = f.openPager(OPTS); Pager b = f.openPager(OPTS)) {
      writePage2(a, 1);
      b.beginRead();
      b.getPage(2);
      // Opened before the writer starts: the first open after the file got its header reads it
      // (and makes it known to every later open); after that, opens read nothing.
      Future<?> writer;
      try (Pager probe = f.openPager(OPTS)) {
        writer = pool.submit(() -> {
          a.setBusyTimeout(20_000);
          writePage2(a, 6); // PENDING until b's read ends
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) { // wait until a is PENDING: new readers are refused
          try {
            probe.beginRead();
            probe.endRead();
          } catch (StorageException e) {
            break;
          }
          assertTrue(System.nanoTime() < deadline, "the writer never became PENDING");
          Thread.sleep(1);
        }
      }
      try (Pager c = f.openPager(OPTS)) { // no read at open: no BUSY
        b.endRead();
        writer.get(10, TimeUnit.SECONDS);
        assertEquals(6, readPage2(c), "c's first read loads the header and sees the commit");
        assertEquals(2, c.pageCount());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
