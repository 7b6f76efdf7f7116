package dev.pagoda.wal;

import static dev.pagoda.wal.WalTestDb.autocommit;
import static dev.pagoda.wal.WalTestDb.read;
import static dev.pagoda.wal.WalTestDb.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pagoda.pager.Checkpoint;
import dev.pagoda.pager.CheckpointMode;
import dev.pagoda.pager.DbFile;
import dev.pagoda.pager.Journal.Snapshot;
import dev.pagoda.pager.MemoryVfs;
import dev.pagoda.pager.StorageException;
import dev.pagoda.pager.Synchronous;
import dev.pagoda.pager.testing.FaultyVfs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Power loss at random points of a page-level workload (commits, checkpoints of every mode, long
 * readers holding checkpoints back, closes), on {@link FaultyVfs}: unsynced writes are dropped,
 * kept or torn (a sector of garbage), unsynced directory entries revert. After each crash a new
 * journal recovers the files, and the database it shows must be:
 *
 * <ul>
 *   <li>FULL: exactly the last acknowledged commit, or the commit that was under way when the power
 *       went (never half of it);
 *   <li>NORMAL: one of the commits from the last completed checkpoint to the last acknowledged one
 *       (a prefix of the history; commits since the last WAL sync may be lost, never mixed).
 * </ul>
 */
class WalCrashTest {
  private static final String DB = "crash.db";
  private static final String WAL = DB + "-wal";
  private static final CheckpointMode[] MODES = CheckpointMode.values();

  /** Figures across a run, printed at the end. */
  private static final class Stats {
    int crashes;
    int commits;
    int inCommit;
    int pendingKept;
    int pendingLost;
    int tornSectors;
    int dirReverts;
    int checkpoints;
    int closes;
    int crashesInClose;
    int walsRecovered;
    long commitsLost;

    @Override
    public String toString() {
      return "crashes=" + crashes + " (inside a commit " + inCommit + ": kept " + pendingKept
          + ", lost " + pendingLost + "; with a torn sector " + tornSectors + "; during a close's"
          + " checkpoint " + crashesInClose + "), acknowledged commits " + commits
          + ", checkpoints " + checkpoints + ", closes " + closes + ", directory entries reverted "
          + dirReverts + ", recoveries finding WAL frames " + walsRecovered
          + ", acknowledged commits lost (NORMAL) " + commitsLost;
    }
  }

  /** The expected history: every image acknowledged since the last durable point. */
  private static final class History {
    final List<byte[]> images = new ArrayList<>();
    long nextVersion = 1;

    History() {
      images.add(new byte[0]);
    }

    byte[] last() {
      return images.get(images.size() - 1);
    }

    /** Everything up to now is durable: forget the older images. */
    void durable() {
      byte[] last = last();
      images.clear();
      images.add(last);
    }

    int indexOf(byte[] image) {
      for (int i = images.size() - 1; i >= 0; i--) {
        if (Arrays.equals(images.get(i), image)) {
          return i;
        }
      }
      return -1;
    }
  }

  @Test
  void randomCrashes_synchronousFull_everyAcknowledgedCommitSurvives() {
    Stats s = new Stats();
    run(new Random(Long.getLong("pagoda.crashSeed", 20261201L)), Synchronous.FULL, 3000, s);
    System.out.println("[WalCrashTest] synchronous FULL: " + s);
    assertTrue(s.inCommit > 100 && s.pendingKept > 10 && s.pendingLost > 10, s.toString());
    assertTrue(s.tornSectors > 300 && s.walsRecovered > 300, s.toString());
  }

  @Test
  void randomCrashes_synchronousNormal_recoverAPrefixOfTheHistory() {
    Stats s = new Stats();
    run(new Random(Long.getLong("pagoda.crashSeed", 20261202L)), Synchronous.NORMAL, 2000, s);
    System.out.println("[WalCrashTest] synchronous NORMAL: " + s);
    assertTrue(s.commitsLost > 0, "NORMAL does lose unsynced commits: " + s);
  }

  /**
   * A fixed workload (commits, automatic and explicit checkpoints, a restart, a TRUNCATE, close)
   * crashed at each of its I/O calls in turn, dropping all, none or half of the unsynced writes:
   * FULL always recovers the last acknowledged commit or the one under way.
   */
  @Test
  void crashAtEveryCall_ofAFixedWorkload_recoversTheAcknowledgedOrThePendingCommit() {
    int points = 0;
    int pendingKept = 0;
    for (int n = 1; ; n++) {
      for (double keep : new double[] {0, 1, 0.5}) {
        MemoryVfs disk = new MemoryVfs();
        FaultyVfs vfs = new FaultyVfs(disk);
        byte[][] state = {new byte[0], null}; // acknowledged, pending
        if (!fixedWorkload(vfs, n, state)) {
          System.out.println("[WalCrashTest] fixed workload: crashed at each of " + (n - 1)
              + " calls x 3 (" + points + " crashes), pending commit kept " + pendingKept);
          assertTrue(n > 60, "the workload makes enough calls");
          return;
        }
        vfs.crash(new Random(n), keep, false, 0.5);
        points++;
        FaultyVfs clean = new FaultyVfs(disk);
        DbFile db = clean.open(DB, false);
        WalJournal j = new WalJournal(clean, DB, Synchronous.FULL);
        j.recover(db);
        byte[] image = read(j, db);
        if (state[1] != null && Arrays.equals(image, state[1])) {
          pendingKept++;
        } else if (!Arrays.equals(image, state[0])) {
          fail("crash at call " + n + " (keep " + keep + "): recovered version " + version(image)
              + ", acknowledged " + version(state[0]));
        }
      }
    }
  }

  /** Runs the fixed workload failing from call {@code n}; whether the failure fired. */
  private static boolean fixedWorkload(FaultyVfs vfs, int n, byte[][] state) {
    DbFile db = vfs.open(DB, false);
    WalJournal j = new WalJournal(vfs, DB, Synchronous.FULL);
    j.setAutoCheckpoint(9);
    j.recover(db);
    vfs.failFrom(n);
    try {
      byte[] v = new byte[0];
      int[][] txs = {{3}, {3, 2}, {5, 2, 3}, {5, 4}, {2}, {6, 5, 6}, {6, 1}, {4, 3}, {8, 7}};
      for (int t = 0; t < txs.length; t++) {
        byte[] after = WalTestDb.change(
            v, t + 1, txs[t][0], Arrays.copyOfRange(txs[t], 1, txs[t].length));
        state[1] = after;
        autocommit(j, db, v, after);
        state[0] = after;
        state[1] = null;
        v = after;
        if (t == 2) {
          j.checkpoint(db, CheckpointMode.PASSIVE, 0); // the next commit restarts the WAL
        } else if (t == 5) {
          j.checkpoint(db, CheckpointMode.TRUNCATE, 0);
        }
      }
      j.close();
      if (j.lastCheckpointFailure() != null) {
        throw j.lastCheckpointFailure();
      }
      return vfs.failed();
    } catch (StorageException e) {
      assertEquals(StorageException.Kind.IOERR, e.kind(), e::toString);
      return true;
    }
  }

  private static void run(Random rnd, Synchronous sync, int crashes, Stats s) {
    MemoryVfs disk = new MemoryVfs();
    History h = new History();
    while (s.crashes < crashes) {
      FaultyVfs vfs = new FaultyVfs(disk);
      byte[][] pending = {null};
      try {
        workload(rnd, vfs, sync, h, pending, s);
      } catch (StorageException e) {
        assertEquals(StorageException.Kind.IOERR, e.kind(), e::toString);
      }
      boolean garbage = rnd.nextBoolean();
      s.tornSectors += garbage ? 1 : 0;
      s.dirReverts += vfs.crash(rnd, new double[] {0, 1, 0.5}[rnd.nextInt(3)], garbage, 0.5);
      s.crashes++;
      if (pending[0] != null) {
        s.inCommit++;
      }
      check(disk, sync, h, pending[0], s);
      if (rnd.nextInt(4) == 0) {
        crashInClose(rnd, disk, sync, s);
        check(disk, sync, h, null, s);
      }
    }
  }

  /** Commits, checkpoints, readers and closes until the armed failure fires. */
  private static void workload(
      Random rnd, FaultyVfs vfs, Synchronous sync, History h, byte[][] pending, Stats s) {
    DbFile db = vfs.open(DB, false);
    WalJournal j = open(vfs, db, sync, rnd);
    vfs.failFrom(1 + rnd.nextInt(80));
    Snapshot held = null;
    for (int t = 0; t < 10 && !vfs.failed(); t++) {
      int op = rnd.nextInt(12);
      if (op < 7) {
        byte[] before = h.last();
        byte[] after = WalTestDb.random(rnd, before, h.nextVersion++, 40);
        pending[0] = after;
        autocommit(j, db, before, after);
        pending[0] = null;
        h.images.add(after);
        s.commits++;
      } else if (op < 9) {
        Checkpoint c = j.checkpoint(db, MODES[rnd.nextInt(MODES.length)], 0);
        s.checkpoints++;
        if (!c.busy() && c.checkpointedFrames() == c.logFrames()) {
          h.durable(); // the WAL was synced before the copy, the database after it
        }
      } else if (op < 11) {
        if (held == null) {
          held = j.beginRead(db, 0);
        } else {
          j.endRead(held);
          held = null;
        }
      } else {
        if (held != null) {
          j.endRead(held);
          held = null;
        }
        j.close();
        s.closes++;
        if (j.lastCheckpointFailure() != null) {
          throw j.lastCheckpointFailure();
        }
        if (!vfs.exists(WAL)) {
          h.durable();
        }
        j = open(vfs, db, sync, rnd);
      }
    }
  }

  private static WalJournal open(FaultyVfs vfs, DbFile db, Synchronous sync, Random rnd) {
    WalJournal j = new WalJournal(vfs, DB, sync);
    j.setAutoCheckpoint(new int[] {0, 3, 8, 1000}[rnd.nextInt(4)]);
    j.recover(db);
    return j;
  }

  /** The power goes while the last connection's close checkpoints and deletes the WAL. */
  private static void crashInClose(Random rnd, MemoryVfs disk, Synchronous sync, Stats s) {
    FaultyVfs vfs = new FaultyVfs(disk);
    DbFile db = vfs.open(DB, false);
    WalJournal j = open(vfs, db, sync, rnd);
    vfs.failFrom(1 + rnd.nextInt(12));
    j.close();
    vfs.crash(rnd, new double[] {0, 1, 0.5}[rnd.nextInt(3)], rnd.nextBoolean(), 0.5);
    s.crashesInClose++;
    s.crashes++;
  }

  /** Recovers the crashed files and checks what they hold against the history. */
  private static void check(MemoryVfs disk, Synchronous sync, History h, byte[] pending, Stats s) {
    FaultyVfs clean = new FaultyVfs(disk);
    DbFile db = clean.open(DB, false);
    WalJournal j = new WalJournal(clean, DB, sync);
    j.setAutoCheckpoint(0);
    if (j.recover(db)) {
      s.walsRecovered++;
    }
    byte[] image = read(j, db);
    int at = h.indexOf(image);
    int last = h.images.size() - 1;
    if (pending != null && Arrays.equals(image, pending)) {
      s.pendingKept++;
      h.images.add(pending);
    } else if (at == last || (at >= 0 && sync != Synchronous.FULL)) {
      if (pending != null) {
        s.pendingLost++;
      }
      s.commitsLost += last - at;
    } else {
      fail("after crash " + s.crashes + " (" + sync + "): recovered version " + version(image)
          + " (" + image.length + " bytes); acknowledged " + version(h.last())
          + (pending != null ? ", pending " + version(pending) : "") + ", history from "
          + version(h.images.get(0)));
    }
    // what was recovered is on the disk now, durable; the workload goes on from it
    if (at >= 0) {
      byte[] keep = h.images.get(at);
      h.images.clear();
      h.images.add(keep);
    } else {
      h.durable();
    }
  }
}
