package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pagoda.btree.BTree;
import dev.pagoda.btree.IndexCursor;
import dev.pagoda.btree.IntegrityChecker;
import dev.pagoda.btree.KeyComparator;
import dev.pagoda.btree.TableCursor;
import dev.pagoda.pager.Journal;
import dev.pagoda.pager.MemoryVfs;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerFile;
import dev.pagoda.pager.PagerOptions;
import dev.pagoda.pager.RollbackJournal;
import dev.pagoda.pager.StorageException;
import dev.pagoda.pager.Synchronous;
import dev.pagoda.pager.testing.FaultyVfs;
import dev.pagoda.wal.WalJournal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Simulated power loss under a randomized multi-table workload that inserts, updates and deletes
 * (which SQL cannot express yet): three table B-trees and an index B-tree per table, kept in step
 * as the engine's index writer keeps them, rows with overflow payloads, several operations per
 * transaction; the pager commits through the rollback journal or the WAL. The crash model is the
 * one of {@link SqlCrashTest} (the fault-injecting file system fails the N-th I/O call and every
 * later one, then drops, keeps or tears unsynced writes and may revert directory entries).
 *
 * <p>After each crash: the pager's integrity checker finds no error in any tree (index order
 * included), and every tree holds exactly the state after the last acknowledged transaction, or
 * the one in flight (FULL), or after some transaction since the last one known durable (NORMAL).
 */
@Timeout(300)
class StorageCrashTest {
  private static final String DB = "storage.db";
  private static final int TABLES = 3;
  private static final int TXNS_PER_ROUND = 10;
  private static final PagerOptions OPTIONS = new PagerOptions(1024, false);
  private static final KeyComparator BYTEWISE = (key, entry, off, len) ->
      Arrays.compareUnsigned(key, 0, key.length, entry, off, off + len);

  /** Per table: rowid to payload; the index entries are derived from it. */
  static final class Model {
    final List<TreeMap<Long, byte[]>> tables = new ArrayList<>();

    Model() {
      for (int t = 0; t < TABLES; t++) {
        tables.add(new TreeMap<>());
      }
    }

    Model copy() {
      Model m = new Model();
      for (int t = 0; t < TABLES; t++) {
        m.tables.get(t).putAll(tables.get(t));
      }
      return m;
    }

    boolean sameAs(Model o) {
      for (int t = 0; t < TABLES; t++) {
        TreeMap<Long, byte[]> a = tables.get(t);
        TreeMap<Long, byte[]> b = o.tables.get(t);
        if (!a.keySet().equals(b.keySet())) {
          return false;
        }
        for (Map.Entry<Long, byte[]> e : a.entrySet()) {
          if (!Arrays.equals(e.getValue(), b.get(e.getKey()))) {
            return false;
          }
        }
      }
      return true;
    }
  }

  /** An index entry for a row: the payload's first 12 bytes, then the rowid (unique). */
  static byte[] indexEntry(long rowid, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(20);
    b.put(Arrays.copyOf(payload, 12));
    b.putLong(rowid);
    return b.array();
  }

  static byte[] payload(Random r, long txn) {
    int len = r.nextInt(100) < 15 ? 1500 + r.nextInt(6000) : 8 + r.nextInt(200);
    byte[] p = new byte[len];
    r.nextBytes(p);
    ByteBuffer.wrap(p).putLong(0, txn);
    return p;
  }

  /** Applies transaction {@code txn} to the trees (when a pager is given) and to {@code m}. */
  static void transaction(Pager pager, int[] roots, Model m, long txn) {
    Random r = new Random(txn * 7919L);
    int ops = 1 + r.nextInt(6);
    for (int op = 0; op < ops; op++) {
      int t = r.nextInt(TABLES);
      TreeMap<Long, byte[]> rows = m.tables.get(t);
      int kind = rows.isEmpty() ? 0 : r.nextInt(10);
      long rowid;
      byte[] old = null;
      byte[] now = null;
      if (kind < 5) { // insert
        rowid = (rows.isEmpty() ? 0 : rows.lastKey()) + 1 + r.nextInt(3);
        now = payload(r, txn);
      } else {
        List<Long> ids = new ArrayList<>(rows.keySet());
        rowid = ids.get(r.nextInt(ids.size()));
        old = rows.get(rowid);
        now = kind < 8 ? payload(r, txn) : null; // update, or delete
      }
      if (pager != null) {
        try (TableCursor table = BTree.openTable(pager, roots[2 * t]);
            IndexCursor index = BTree.openIndex(pager, roots[2 * t + 1], BYTEWISE)) {
          if (old != null) {
            assertTrue(index.delete(indexEntry(rowid, old)), "index entry of the old row");
          }
          if (now == null) {
            assertTrue(table.delete(rowid));
          } else {
            table.insert(rowid, now);
            index.insert(indexEntry(rowid, now));
          }
        }
      }
      if (now == null) {
        rows.remove(rowid);
      } else {
        rows.put(rowid, now);
      }
    }
  }

  static Journal journal(FaultyVfs vfs, String mode, Synchronous sync) {
    return mode.equals("wal")
        ? new WalJournal(vfs, DB, sync)
        : new RollbackJournal(vfs, DB + "-journal", RollbackJournal.Mode.valueOf(mode.toUpperCase(
            java.util.Locale.ROOT)), sync);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"delete, FULL, 250", "truncate, FULL, 100", "wal, FULL, 300", "wal, NORMAL, 250",
      "persist, NORMAL, 100"})
  void randomCrashes_insertsUpdatesDeletes_recoverExactly(String mode, Synchronous sync,
      int rounds) {
    MemoryVfs disk = new MemoryVfs();
    int[] roots = setUp(disk, mode, sync);
    Random rnd = new Random(mode.hashCode() * 31L + sync.ordinal());
    TreeMap<Long, Model> states = new TreeMap<>(Map.of(0L, new Model()));
    long nextTxn = 1;
    long span = calibrate(mode, sync);
    int crashes = 0;
    int inFlightKept = 0;
    int lost = 0;
    long commits = 0;
    int torn = 0;
    for (int round = 0; round < rounds; round++) {
      FaultyVfs vfs = new FaultyVfs(disk);
      vfs.failFrom(1 + (long) (rnd.nextDouble() * span));
      long acked = states.lastKey();
      Model pending = null;
      long pendingTxn = 0;
      try (PagerFile file = PagerFile.open(vfs.open(DB, false), journal(vfs, mode, sync));
          Pager pager = file.openPager(OPTIONS)) {
        for (int i = 0; i < TXNS_PER_ROUND; i++) {
          long txn = nextTxn++;
          Model next = states.get(acked).copy();
          pending = next;
          pendingTxn = txn;
          pager.beginWrite();
          transaction(pager, roots, next, txn);
          pager.commit();
          states.put(txn, next);
          acked = txn;
          pending = null;
          commits++;
        }
      } catch (StorageException e) {
        assertTrue(vfs.failed(), () -> "only injected faults fail: " + e);
      }
      if (!vfs.failed()) {
        vfs.failFrom(1);
      }
      boolean garbage = rnd.nextInt(4) == 0 && (sync == Synchronous.FULL || mode.equals("wal"));
      torn += garbage ? 1 : 0;
      vfs.crash(rnd, new double[] {0, 1, 0.5}[rnd.nextInt(3)], garbage, 0.5);
      crashes++;
      Model found = readBack(disk, mode, sync, roots);
      long at = -2;
      if (pending != null && pending.sameAs(found) && !states.get(acked).sameAs(found)) {
        at = -1;
      } else {
        for (Map.Entry<Long, Model> e : states.descendingMap().entrySet()) {
          if (e.getValue().sameAs(found)) {
            at = e.getKey();
            break;
          }
        }
      }
      if (at == -2) {
        fail("after crash " + crashes + " (" + mode + " " + sync + "): the trees match no"
            + " acknowledged state (acked " + acked + ", in flight " + (pending != null) + ")");
      }
      if (at == -1) {
        inFlightKept++;
        states.put(pendingTxn, pending);
        at = pendingTxn;
      } else if (at != acked) {
        assertTrue(sync != Synchronous.FULL, "FULL loses no acknowledged transaction");
        lost++;
      }
      Model base = states.get(at);
      states.clear();
      states.put(at, base);
    }
    System.out.printf("StorageCrashTest %s/%s: %d crashes, %d commits, %d in-flight kept, %d torn"
        + " sectors, %d lost a suffix of unsynced commits%n", mode, sync, crashes, commits,
        inFlightKept, torn, lost);
    assertEquals(rounds, crashes);
  }

  /** Creates the trees (pages 2..7) in a first, clean transaction; returns their roots. */
  private static int[] setUp(MemoryVfs disk, String mode, Synchronous sync) {
    FaultyVfs vfs = new FaultyVfs(disk);
    int[] roots = new int[2 * TABLES];
    try (PagerFile file = PagerFile.open(vfs.open(DB, false), journal(vfs, mode, sync));
        Pager pager = file.openPager(OPTIONS)) {
      pager.beginWrite();
      for (int t = 0; t < TABLES; t++) {
        roots[2 * t] = BTree.createTable(pager);
        roots[2 * t + 1] = BTree.createIndex(pager);
      }
      pager.commit();
    }
    return roots;
  }

  /** The I/O calls of one full round without faults: the range crash points are drawn from. */
  private static long calibrate(String mode, Synchronous sync) {
    MemoryVfs disk = new MemoryVfs();
    int[] roots = setUp(disk, mode, sync);
    FaultyVfs vfs = new FaultyVfs(disk);
    Model m = new Model();
    try (PagerFile file = PagerFile.open(vfs.open(DB, false), journal(vfs, mode, sync));
        Pager pager = file.openPager(OPTIONS)) {
      for (long txn = 1; txn <= TXNS_PER_ROUND; txn++) {
        pager.beginWrite();
        transaction(pager, roots, m, txn);
        pager.commit();
      }
    }
    return vfs.callCount() + 5;
  }

  /** Reopens the file (recovery runs), checks every tree, and reads the tables back. */
  private static Model readBack(MemoryVfs disk, String mode, Synchronous sync, int[] roots) {
    FaultyVfs clean = new FaultyVfs(disk);
    Model m = new Model();
    try (PagerFile file = PagerFile.open(clean.open(DB, false), journal(clean, mode, sync));
        Pager pager = file.openPager(OPTIONS)) {
      pager.beginRead();
      List<IntegrityChecker.Root> check = new ArrayList<>();
      for (int t = 0; t < TABLES; t++) {
        check.add(IntegrityChecker.Root.table(roots[2 * t]));
        check.add(IntegrityChecker.Root.index(roots[2 * t + 1], BYTEWISE));
      }
      assertEquals(List.of(), IntegrityChecker.check(pager, check, 20), "integrity after a crash");
      for (int t = 0; t < TABLES; t++) {
        TreeMap<Long, byte[]> rows = m.tables.get(t);
        try (TableCursor c = BTree.openTable(pager, roots[2 * t])) {
          for (boolean ok = c.first(); ok; ok = c.next()) {
            rows.put(c.rowid(), c.payload());
          }
        }
        List<byte[]> expected = new ArrayList<>();
        rows.forEach((id, p) -> expected.add(indexEntry(id, p)));
        expected.sort(Arrays::compareUnsigned);
        List<byte[]> entries = new ArrayList<>();
        try (IndexCursor c = BTree.openIndex(pager, roots[2 * t + 1], BYTEWISE)) {
          for (boolean ok = c.first(); ok; ok = c.next()) {
            entries.add(c.entry());
          }
        }
        assertEquals(expected.size(), entries.size(), "index " + t + " has one entry per row");
        for (int i = 0; i < entries.size(); i++) {
          assertArrayEquals(expected.get(i), entries.get(i), "index " + t + " entry " + i);
        }
      }
      pager.endRead();
    }
    return m;
  }
}
