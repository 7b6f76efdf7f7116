package dev.pagoda.pager;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pager savepoints against a model that snapshots everything at each savepoint. */
class SavepointTest {
  private static final int PS = 512;

  /** The model: pages 2..n (index 0 and 1 unused), the user version. */
  private static final class State {
    final List<byte[]> pages = new ArrayList<>();
    int userVersion;

    State() {
      pages.add(null);
      pages.add(null);
    }

    int count() {
      return pages.size() - 1;
    }

    State copy() {
      State s = new State();
      s.pages.clear();
      for (byte[] b : pages) {
        s.pages.add(b == null ? null : b.clone());
      }
      s.userVersion = userVersion;
      return s;
    }
  }

  @Test
  void randomOperations_matchTheSnapshotModel() {
    for (long seed = 1; seed <= 40; seed++) {
      run(new Random(seed));
    }
  }

  private static void run(Random rnd) {
    MemoryVfs disk = new MemoryVfs();
    try (Pager p = Pager.open(disk, "s.db", new PagerOptions(PS, false))) {
      State committed = new State();
      for (int tx = 0; tx < 15; tx++) {
        p.beginWrite();
        State cur = committed.copy();
        List<State> snaps = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          int r = rnd.nextInt(20);
          int n = cur.count();
          if (r < 7 && n >= 2) {
            int pgno = 2 + rnd.nextInt(n - 1);
            Page page = p.getPage(pgno);
            p.makeWritable(page);
            rnd.nextBytes(page.data());
            cur.pages.set(pgno, page.data().clone());
          } else if (r < 11 && n < 60) {
            Page page = p.getPage(p.allocatePage());
            rnd.nextBytes(page.data());
            cur.pages.add(page.data().clone());
          } else if (r < 12 && n > 2) {
            int m = 1 + rnd.nextInt(n - 1);
            p.truncateTo(m);
            cur.pages.subList(m + 1, cur.pages.size()).clear();
          } else if (r < 13) {
            int v = rnd.nextInt();
            p.setUserVersion(v);
            cur.userVersion = v;
          } else if (r < 16) {
            assertEquals(snaps.size(), p.savepoint());
            snaps.add(cur.copy());
          } else if (r < 18 && !snaps.isEmpty()) {
            int sp = rnd.nextInt(snaps.size());
            p.rollbackTo(sp);
            snaps.subList(sp + 1, snaps.size()).clear();
            cur = snaps.get(sp).copy();
          } else if (!snaps.isEmpty()) {
            int sp = rnd.nextInt(snaps.size());
            p.releaseSavepoint(sp);
            snaps.subList(sp, snaps.size()).clear();
          }
          assertEquals(snaps.size(), p.savepointCount());
          check(p, cur);
          p.checkInvariants();
        }
        if (rnd.nextInt(3) == 0) {
          p.rollback();
        } else {
          p.commit();
          committed = cur;
        }
        check(p, committed);
      }
    }
    try (Pager p = Pager.open(disk, "s.db", new PagerOptions(PS, false))) {
      p.beginWrite();
      p.rollback();
    }
  }

  private static void check(Pager p, State s) {
    assertEquals(s.count(), p.pageCount());
    assertEquals(s.userVersion, p.userVersion());
    for (int pgno = 2; pgno <= s.count(); pgno++) {
      assertArrayEquals(s.pages.get(pgno), p.getPage(pgno).data(), "page " + pgno);
    }
  }

  @Test
  void savepoints_needAWriteTransaction_andAnOpenId() {
    try (Pager p = Pager.open(new MemoryFile(), new PagerOptions(PS, false))) {
      assertEquals(StorageException.Kind.MISUSE, assertThrows(StorageException.class, p::savepoint).kind());
      p.beginWrite();
      int sp = p.savepoint();
      assertThrows(StorageException.class, () -> p.rollbackTo(sp + 1));
      p.releaseSavepoint(sp);
      assertThrows(StorageException.class, () -> p.releaseSavepoint(sp));
      p.savepoint();
      p.commit();
      assertEquals(0, p.savepointCount());
    }
  }

  @Test
  void rollbackTo_discardsPagesCreatedSince_andKeepsTheSavepointOpen() {
    try (Pager p = Pager.open(new MemoryFile(), new PagerOptions(PS, false))) {
      p.beginWrite();
      int sp = p.savepoint();
      Page created = p.getPage(p.allocatePage());
      Arrays.fill(created.data(), (byte) 1);
      p.setUserVersion(4);
      p.rollbackTo(sp);
      assertEquals(1, p.pageCount());
      assertEquals(0, p.userVersion());
      assertThrows(StorageException.class, () -> p.makeWritable(created), "discarded");
      assertEquals(1, p.savepointCount());
      p.setUserVersion(6);
      p.rollbackTo(sp);
      assertEquals(0, p.userVersion());
      p.commit();
    }
  }
}
