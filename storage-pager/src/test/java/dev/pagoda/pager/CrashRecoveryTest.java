package dev.pagoda.pager;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pagoda.pager.testing.FaultyVfs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Power loss at random points, with the rollback journal at synchronous FULL: after every crash and
 * reopen (hot journal playback), the database file must be exactly the image after the last
 * transaction whose commit returned, or (when the crash hit inside a commit) the image that commit
 * was writing. Never anything else, never a mix.
 *
 * <p>The workload is raw pages through the Pager API: each transaction overwrites random pages with
 * a self-checking pattern (page number, stamp, CRC32), appends pages, shrinks the database
 * ({@link Pager#truncateTo}), sets the user version, and uses savepoints. The expected image of a
 * transaction comes from replaying it on a fault-free twin ({@link Journal#none()} on a copy).
 */
class CrashRecoveryTest {
  private static final int PS = 512;
  private static final String DB = "test.db";
  private static final String JOURNAL = DB + "-journal";
  private static final PagerOptions OPTIONS = new PagerOptions(PS, false);

  /** Figures across the run, printed at the end. */
  private static final class Stats {
    int crashes;
    int inCommit;
    int rolledBackToBefore;
    int keptAfter;
    int hotJournals;
    long pagesPlayedBack;
    int dirReverts;
    int crashesDuringRecovery;
    int commits;
    int tornSectors;
    int lastCommitLost;

    @Override
    public String toString() {
      return "crashes=" + crashes + " (inside a commit " + inCommit + ": rolled back to the old image "
          + rolledBackToBefore + ", new image kept " + keptAfter + "), hot journals played back "
          + hotJournals + " (" + pagesPlayedBack + " pages), directory entries reverted " + dirReverts
          + ", crashes during recovery " + crashesDuringRecovery + ", crashes with a torn sector "
          + tornSectors + ", commits " + commits
          + (lastCommitLost > 0 ? ", last commit lost (not durable) " + lastCommitLost : "");
    }
  }

  @Test
  void randomCrashes_alwaysRecoverTheLastCommittedImage_deleteTruncatePersist() {
    Stats total = new Stats();
    long seed = Long.getLong("pagoda.crashSeed", 20261124L);
    RollbackJournal.Mode[] modes = RollbackJournal.Mode.values();
    for (int m = 0; m < modes.length; m++) {
      RollbackJournal.Mode mode = modes[m];
      Stats s = new Stats();
      run(new Random(seed + m), mode, Synchronous.FULL, 1500, s);
      System.out.println("[CrashRecoveryTest] " + mode + ": " + s);
      total.crashes += s.crashes;
      total.inCommit += s.inCommit;
      total.rolledBackToBefore += s.rolledBackToBefore;
      total.keptAfter += s.keptAfter;
      total.hotJournals += s.hotJournals;
      total.pagesPlayedBack += s.pagesPlayedBack;
      total.dirReverts += s.dirReverts;
      total.crashesDuringRecovery += s.crashesDuringRecovery;
      total.commits += s.commits;
      total.tornSectors += s.tornSectors;
    }
    System.out.println("[CrashRecoveryTest] total (seed " + seed + "): " + total);
    assertTrue(total.crashes >= 4500);
    assertTrue(total.hotJournals > 100, "enough crashes hit a commit: " + total);
    assertTrue(total.rolledBackToBefore > 500 && total.keptAfter > 20, total.toString());
  }

  /**
   * synchronous=NORMAL skips the sync between the records and the record count, so the count can
   * reach the disk before its records. When the missing records read as zeros or as an earlier
   * transaction's (other nonce), playback stops at them and the database, not yet written, is
   * intact. NORMAL also skips the directory sync after deleting the journal, so a crash can bring
   * a finalized journal back and roll back a commit that had returned: atomic but not durable (as
   * in SQLite). So this test accepts any image some commit produced, never a mix, and crashes
   * without torn sectors. With a torn sector of garbage in a
   * record, SQLite's checksum (it samples one byte in 200) often misses it and playback writes
   * garbage into the database: the test with garbage fails within a few crashes. That is why FULL
   * is the default (and SQLite's documented risk of NORMAL in rollback mode).
   */
  @Test
  void randomCrashes_synchronousNormal_withoutTornSectors_recoverTheLastCommittedImage() {
    Stats s = new Stats();
    run(new Random(77), RollbackJournal.Mode.DELETE, Synchronous.NORMAL, 600, s);
    System.out.println("[CrashRecoveryTest] DELETE, synchronous NORMAL: " + s);
  }

  private static void run(
      Random rnd, RollbackJournal.Mode mode, Synchronous sync, int crashes, Stats s) {
    MemoryVfs disk = new MemoryVfs();
    byte[] committed = new byte[0];
    // NORMAL: every image ever committed (a journal delete that was never directory-synced can come
    // back and roll back a commit that returned: atomic, not durable)
    java.util.Set<java.nio.ByteBuffer> history = new java.util.HashSet<>();
    history.add(java.nio.ByteBuffer.wrap(committed));
    while (s.crashes < crashes) {
      FaultyVfs vfs = new FaultyVfs(disk);
      Pager p = open(vfs, mode, sync, rnd);
      vfs.failFrom(1 + rnd.nextInt(160));
      byte[] pending = null;
      for (int t = 0; t < 6 && !vfs.failed(); t++) {
        List<long[]> tx = randomTransaction(rnd, p.pageCount());
        byte[] after = twin(committed, tx);
        try {
          p.beginWrite();
          apply(p, tx);
          p.commit();
          committed = after;
          if (sync != Synchronous.FULL) {
            history.add(java.nio.ByteBuffer.wrap(after));
          }
          checkImage(committed, "after " + ops(tx));
          s.commits++;
          assertArrayEquals(after, disk.contents(DB), "image after a successful commit");
        } catch (StorageException e) {
          assertEquals(StorageException.Kind.IOERR, e.kind(), e::toString);
          if (p.inWriteTransaction()) {
            pending = after;
            p.rollback();
          }
          break;
        }
      }
      // power loss
      double keep = new double[] {0, 1, 0.5}[rnd.nextInt(3)];
      boolean garbage = sync == Synchronous.FULL && rnd.nextBoolean();
      s.tornSectors += garbage ? 1 : 0;
      s.dirReverts += vfs.crash(rnd, keep, garbage, 0.5);
      closeQuietly(p);
      s.crashes++;
      if (pending != null) {
        s.inCommit++;
      }
      // sometimes the power goes again while the hot journal is being played back
      if (rnd.nextInt(4) == 0 && isHot(disk)) {
        FaultyVfs again = new FaultyVfs(disk);
        again.failFrom(1 + rnd.nextInt(12));
        try {
          closeQuietly(open(again, mode, sync, rnd));
        } catch (StorageException e) {
          assertEquals(StorageException.Kind.IOERR, e.kind(), e::toString);
        }
        again.crash(rnd, new double[] {0, 1, 0.5}[rnd.nextInt(3)],
            sync == Synchronous.FULL && rnd.nextBoolean(), 0.5);
        s.crashesDuringRecovery++;
      }
      boolean hot = isHot(disk);
      FaultyVfs clean = new FaultyVfs(disk);
      RollbackJournal j = new RollbackJournal(clean, JOURNAL, mode, sync, rnd);
      Pager q = Pager.open(clean.open(DB, false), OPTIONS, j);
      if (hot) {
        s.hotJournals++;
        s.pagesPlayedBack += j.pagesPlayedBack();
      }
      byte[] image = disk.contents(DB);
      image = image == null ? new byte[0] : image;
      if (Arrays.equals(image, committed)) {
        if (pending != null) {
          s.rolledBackToBefore++;
        }
      } else if (pending != null && Arrays.equals(image, pending)) {
        s.keptAfter++;
        committed = pending;
      } else if (sync != Synchronous.FULL
          && history.contains(java.nio.ByteBuffer.wrap(image))) {
        // NORMAL does not sync the directory after deleting the journal: the delete can revert,
        // and a commit that returned is rolled back (atomic, not durable; as in SQLite)
        s.lastCommitLost++;
        committed = image;
      } else {
        fail("after crash " + s.crashes + " (" + mode + ", keep " + keep + ", garbage " + garbage
            + ", hot journal " + hot + "): the file is neither the committed image (" + committed.length
            + " bytes) nor the pending one (" + (pending == null ? "none" : pending.length + " bytes")
            + "), but " + image.length + " bytes; first difference at byte " + mismatch(image, committed));
      }
      checkPatterns(q);
      assertTrue(!disk.exists(JOURNAL) || !isHot(disk), "no hot journal after recovery");
      q.close();
    }
  }

  private static Pager open(
      FaultyVfs vfs, RollbackJournal.Mode mode, Synchronous sync, Random rnd) {
    RollbackJournal j = new RollbackJournal(vfs, JOURNAL, mode, sync, rnd);
    return Pager.open(vfs.open(DB, false), OPTIONS, j);
  }

  private static boolean isHot(MemoryVfs disk) {
    byte[] j = disk.contents(JOURNAL);
    byte[] db = disk.contents(DB);
    return j != null && j.length > 0 && j[0] != 0 && db != null && db.length > 0;
  }

  private static void closeQuietly(Pager p) {
    try {
      p.close();
    } catch (StorageException e) {
      // the crashed files refuse everything
    }
  }

  private static long mismatch(byte[] a, byte[] b) {
    return Arrays.mismatch(a, b);
  }

  // ops: {kind, arg, stamp}
  private static final long WRITE = 0;
  private static final long ALLOC = 1;
  private static final long TRUNCATE = 2;
  private static final long USER_VERSION = 3;
  private static final long SAVEPOINT = 4;
  private static final long ROLLBACK_TO = 5;
  private static final long RELEASE = 6;

  private static List<long[]> randomTransaction(Random rnd, int startCount) {
    List<long[]> ops = new ArrayList<>();
    int n = startCount;
    List<Integer> spCounts = new ArrayList<>();
    int k = 1 + rnd.nextInt(10);
    for (int i = 0; i < k; i++) {
      int r = rnd.nextInt(20);
      if (r < 9 && n >= 2) {
        ops.add(new long[] {WRITE, 2 + rnd.nextInt(n - 1), rnd.nextLong()});
      } else if (r < 14 && n < 70) {
        ops.add(new long[] {ALLOC, 0, rnd.nextLong()});
        n++;
      } else if (r < 16 && n > 3) {
        int m = 2 + rnd.nextInt(n - 2);
        ops.add(new long[] {TRUNCATE, m, 0});
        n = m;
      } else if (r < 17) {
        ops.add(new long[] {USER_VERSION, rnd.nextInt(), 0});
      } else if (r < 18) {
        ops.add(new long[] {SAVEPOINT, 0, 0});
        spCounts.add(n);
      } else if (!spCounts.isEmpty()) {
        int sp = rnd.nextInt(spCounts.size());
        if (r == 18) {
          ops.add(new long[] {ROLLBACK_TO, sp, 0});
          n = spCounts.get(sp);
          spCounts.subList(sp + 1, spCounts.size()).clear();
        } else {
          ops.add(new long[] {RELEASE, sp, 0});
          spCounts.subList(sp, spCounts.size()).clear();
        }
      }
    }
    return ops;
  }

  private static void apply(Pager p, List<long[]> ops) {
    for (long[] op : ops) {
      int kind = (int) op[0];
      switch (kind) {
        case 0 -> {
          Page page = p.getPage((int) op[1]);
          p.makeWritable(page);
          fillPattern(page.data(), page.number(), op[2]);
        }
        case 1 -> {
          Page page = p.getPage(p.allocatePage());
          fillPattern(page.data(), page.number(), op[2]);
        }
        case 2 -> p.truncateTo((int) op[1]);
        case 3 -> p.setUserVersion((int) op[1]);
        case 4 -> p.savepoint();
        case 5 -> p.rollbackTo((int) op[1]);
        case 6 -> p.releaseSavepoint((int) op[1]);
        default -> throw new AssertionError(kind);
      }
    }
  }

  /** The image {@code ops} commit on top of {@code before}, computed without faults or journal. */
  private static byte[] twin(byte[] before, List<long[]> ops) {
    MemoryFile f = new MemoryFile();
    f.write(0, before, 0, before.length);
    try (Pager p = Pager.open(f, OPTIONS, Journal.none())) {
      p.beginWrite();
      apply(p, ops);
      p.commit();
      if (f.size() != (long) p.pageCount() * PS) {
        StringBuilder sb = new StringBuilder();
        for (long[] op : ops) {
          sb.append(Arrays.toString(op)).append(' ');
        }
        throw new AssertionError("file " + f.size() / PS + " pages, count " + p.pageCount() + ", before "
            + before.length / PS + ": " + sb);
      }
      byte[] out = new byte[(int) f.size()];
      f.read(0, out, 0, out.length);
      return out;
    }
  }

  private static String ops(List<long[]> ops) {
    StringBuilder sb = new StringBuilder();
    for (long[] op : ops) {
      sb.append(Arrays.toString(op)).append(' ');
    }
    return sb.toString();
  }

  private static void checkImage(byte[] img, String what) {
    if (img.length >= 100 && BigEndian.i32(img, 28) * PS != img.length) {
      throw new AssertionError("bad image " + what + ": header " + BigEndian.i32(img, 28) + " file " + img.length / PS);
    }
  }

  static void fillPattern(byte[] data, int pgno, long stamp) {
    Random r = new Random(stamp);
    r.nextBytes(data);
    BigEndian.putI32(data, 0, pgno);
    for (int i = 0; i < 8; i++) {
      data[4 + i] = (byte) (stamp >>> (56 - 8 * i));
    }
    CRC32 crc = new CRC32();
    crc.update(data, 0, data.length - 4);
    BigEndian.putI32(data, data.length - 4, (int) crc.getValue());
  }

  /** Every page after page 1 holds a whole pattern of its own number: no torn or misplaced page. */
  private static void checkPatterns(Pager p) {
    for (int pgno = 2; pgno <= p.pageCount(); pgno++) {
      byte[] d = p.getPage(pgno).data();
      CRC32 crc = new CRC32();
      crc.update(d, 0, d.length - 4);
      assertEquals((int) crc.getValue(), BigEndian.i32(d, d.length - 4), "checksum of page " + pgno);
      assertEquals(pgno, BigEndian.i32(d, 0), "page number in page " + pgno);
    }
  }
}
