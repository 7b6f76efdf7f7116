package dev.pagoda.wal;

import static dev.pagoda.wal.WalTestDb.PS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.Checkpoint;
import dev.pagoda.pager.CheckpointMode;
import dev.pagoda.pager.DbFile;
import dev.pagoda.pager.Journal;
import dev.pagoda.pager.Journal.Snapshot;
import dev.pagoda.pager.MemoryVfs;
import dev.pagoda.pager.StorageException;
import dev.pagoda.pager.Synchronous;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Readers taking snapshots on several threads while one thread writes and another checkpoints in
 * every mode (the automatic checkpoint and WAL restarts included): every reader must see one
 * committed version whole. Page 1 of version v holds the version of every page (a manifest); each
 * page's bytes are derived from its number and version, so a page of another version, a torn page
 * or a page cut off by a truncation is caught. Readers also check {@code changedPages}: the pages
 * it does not list are byte for byte what they were in the reader's previous snapshot.
 */
class WalConcurrencyTest {
  private static final int MAX_PAGES = 40;
  private static final int READERS = 4;
  private static final long RUN_NANOS = TimeUnit.MILLISECONDS.toNanos(1500);

  private final MemoryVfs vfs = new MemoryVfs();
  private final DbFile db = vfs.open("c.db", false);
  private final WalJournal j = new WalJournal(vfs, "c.db", Synchronous.NORMAL);
  private final ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
  private final AtomicLong snapshots = new AtomicLong();
  private final AtomicLong exactRefreshes = new AtomicLong();
  private final AtomicInteger commits = new AtomicInteger();
  private final AtomicInteger writerBusy = new AtomicInteger();
  private final Map<String, AtomicInteger> checkpoints = new HashMap<>();
  private volatile boolean stop;

  /** Page 1 of a version: count at 28, page versions at 100 + 4 * (p - 2). */
  private static byte[] page1(long version, int[] versions, int count) {
    byte[] p = WalTestDb.page1(version, count);
    for (int pg = 2; pg <= count; pg++) {
      BigEndian.putI32(p, 100 + 4 * (pg - 2), versions[pg]);
    }
    return p;
  }

  @Test
  @Timeout(60)
  void readersSeeWholeVersions_whileWritingAndCheckpointing() throws Exception {
    j.setAutoCheckpoint(25);
    j.recover(db);
    for (CheckpointMode m : CheckpointMode.values()) {
      checkpoints.put(m.name(), new AtomicInteger());
    }
    checkpoints.put("busy", new AtomicInteger());
    List<Thread> threads = new ArrayList<>();
    threads.add(new Thread(guard(this::write), "writer"));
    threads.add(new Thread(guard(this::checkpoint), "checkpointer"));
    for (int i = 0; i < READERS; i++) {
      long seed = i;
      threads.add(new Thread(guard(() -> read(new Random(seed))), "reader-" + i));
    }
    threads.forEach(Thread::start);
    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(RUN_NANOS));
    stop = true;
    for (Thread t : threads) {
      t.join(20_000);
      assertTrue(!t.isAlive(), t.getName() + " did not stop");
    }
    System.out.println("[WalConcurrencyTest] commits " + commits + " (writer busy " + writerBusy
        + "), snapshots read " + snapshots + " (exact cache refreshes " + exactRefreshes
        + "), checkpoints " + checkpoints);
    if (!errors.isEmpty()) {
      AssertionError e = new AssertionError(errors.size() + " thread failures");
      errors.forEach(e::addSuppressed);
      throw e;
    }
    assertTrue(commits.get() > 50 && snapshots.get() > 100, "enough work was done");
    j.close();
    assertTrue(!vfs.exists("c.db-wal"));
  }

  private Runnable guard(Runnable r) {
    return () -> {
      try {
        r.run();
      } catch (Throwable t) {
        errors.add(t);
        stop = true;
      }
    };
  }

  private void write() {
    Random rnd = new Random(99);
    int[] versions = new int[MAX_PAGES + 1];
    int count = 1;
    for (int v = 1; !stop; v++) {
      int newCount = Math.max(2, Math.min(MAX_PAGES, count + rnd.nextInt(7) - 3));
      List<Integer> pages = new ArrayList<>();
      for (int p = 2; p <= newCount; p++) {
        if (p > count || rnd.nextInt(4) == 0) {
          pages.add(p);
        }
      }
      int[] pg = new int[pages.size() + 1];
      byte[][] data = new byte[pg.length][];
      int[] next = versions.clone();
      for (int i = 0; i < pages.size(); i++) {
        pg[i + 1] = pages.get(i);
        next[pages.get(i)] = v;
        data[i + 1] = WalTestDb.page(pages.get(i), v);
      }
      pg[0] = 1;
      data[0] = page1(v, next, newCount);
      if (commit(new Journal.Commit(PS, count, newCount, pg, data, p -> null))) {
        versions = next;
        count = newCount;
        commits.incrementAndGet();
      } else {
        v--;
      }
    }
  }

  /** One commit in its own read transaction; false when a FULL+ checkpoint kept the lock. */
  private boolean commit(Journal.Commit c) {
    Snapshot s = j.beginRead(db, 0);
    try {
      j.beginWrite(db, s, 20);
      try {
        s = j.commit(db, s, c, 0);
      } finally {
        j.endWrite(s);
      }
      return true;
    } catch (StorageException e) {
      if (e.kind() != StorageException.Kind.BUSY) {
        throw e;
      }
      writerBusy.incrementAndGet();
      return false;
    } finally {
      j.endRead(s);
    }
  }

  private void checkpoint() {
    Random rnd = new Random(7);
    CheckpointMode[] modes = CheckpointMode.values();
    while (!stop) {
      CheckpointMode m = modes[rnd.nextInt(modes.length)];
      Checkpoint c = j.checkpoint(db, m, rnd.nextInt(5));
      checkpoints.get(m.name()).incrementAndGet();
      if (c.busy()) {
        checkpoints.get("busy").incrementAndGet();
      }
      assertTrue(c.checkpointedFrames() <= c.logFrames(), c::toString);
      sleepQuietly(1);
    }
  }

  private void read(Random rnd) {
    Snapshot prev = null;
    Map<Integer, byte[]> cache = new HashMap<>(); // the pages read in prev
    long lastVersion = 0;
    while (!stop) {
      Snapshot s = j.beginRead(db, 0);
      Map<Integer, byte[]> pages = new HashMap<>();
      try {
        Set<Integer> changed = new HashSet<>();
        boolean exact = prev != null && j.changedPages(prev, s, changed::add);
        byte[] p1 = WalTestDb.readPage(j, db, s, 1);
        long version = WalTestDb.version(p1);
        assertTrue(version >= lastVersion, "versions only grow");
        int count = BigEndian.i32(p1, 28);
        int fromJournal = j.pageCount(s);
        assertTrue(fromJournal == 0 || fromJournal == count, "page count " + fromJournal);
        if (exact && !changed.isEmpty()) {
          assertTrue(changed.contains(1), "page 1 listed");
        }
        if (exact && changed.isEmpty()) {
          assertEquals(lastVersion, version, "nothing changed, same version");
        }
        for (int p = 2; p <= count; p++) {
          byte[] page = WalTestDb.readPage(j, db, s, p);
          int v = BigEndian.i32(p1, 100 + 4 * (p - 2));
          assertArrayEquals(WalTestDb.page(p, v), page, "page " + p + " of version " + version);
          pages.put(p, page);
          byte[] cached = cache.get(p);
          if (exact && cached != null && !changed.contains(p)) {
            assertArrayEquals(cached, page, "page " + p + " changed but was not listed");
          }
          if (rnd.nextInt(20) == 0) {
            sleepQuietly(1); // hold the snapshot while others work
          }
        }
        if (exact) {
          exactRefreshes.incrementAndGet();
        }
        lastVersion = version;
        snapshots.incrementAndGet();
      } finally {
        j.endRead(s);
      }
      prev = s;
      cache = pages;
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
