package dev.pagoda.pager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.ProcessLock.Level;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ProcessLock} within one process, on a real file: the level transitions and exactly which
 * byte ranges are locked at each level. Conflicts with other processes: {@link
 * ProcessLockInteropTest}.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ProcessLockTest {
  @TempDir Path dir;

  private static final String R_LOW = "r 1073741826+509";
  private static final String R_HIGH = "r 1073742335+1";
  private static final String W_LOW = "w 1073741826+509";
  private static final String W_HIGH = R_HIGH.replace('r', 'w');
  private static final String W_PENDING = "w 1073741824+1";
  private static final String W_RESERVED = "w 1073741825+1";

  /** The locks held, as "r|w position+size", sorted. */
  private static List<String> held(ProcessLock l) {
    List<String> out = new ArrayList<>();
    for (FileLock f : l.heldLocks()) {
      assertTrue(f.isValid(), "held lock is valid");
      out.add((f.isShared() ? "r " : "w ") + f.position() + "+" + f.size());
    }
    out.sort(null);
    return out;
  }

  private static List<String> sorted(String... s) {
    List<String> l = new ArrayList<>(List.of(s));
    l.sort(null);
    return l;
  }

  @Test
  void constantsAreSqlites() {
    assertEquals(0x40000000L, ProcessLock.PENDING_BYTE);
    assertEquals(0x40000001L, ProcessLock.RESERVED_BYTE);
    assertEquals(0x40000002L, ProcessLock.SHARED_FIRST);
    assertEquals(510, ProcessLock.SHARED_SIZE);
  }

  @Test
  void upThroughReservedToExclusiveAndBackDown() {
    try (DiskFile f = DiskFile.open(dir.resolve("a.db"), false)) {
      ProcessLock l = f.processLock();
      assertEquals(Level.NONE, l.level());
      assertEquals(List.of(), held(l));

      assertTrue(l.tryLock(Level.SHARED));
      assertEquals(Level.SHARED, l.level());
      assertEquals(sorted(R_LOW, R_HIGH), held(l), "SHARED: read lock on the shared range only");

      assertTrue(l.tryLock(Level.RESERVED));
      assertEquals(Level.RESERVED, l.level());
      assertEquals(sorted(R_LOW, R_HIGH, W_RESERVED), held(l));

      assertTrue(l.tryLock(Level.EXCLUSIVE));
      assertEquals(Level.EXCLUSIVE, l.level());
      assertEquals(sorted(W_LOW, W_HIGH, W_RESERVED, W_PENDING), held(l));

      l.unlock(Level.RESERVED);
      assertEquals(Level.RESERVED, l.level());
      assertEquals(sorted(R_LOW, R_HIGH, W_RESERVED), held(l));

      l.lock(Level.EXCLUSIVE);
      l.unlock(Level.SHARED);
      assertEquals(Level.SHARED, l.level());
      assertEquals(sorted(R_LOW, R_HIGH), held(l), "EXCLUSIVE -> SHARED re-takes the read lock");

      l.lock(Level.RESERVED);
      l.unlock(Level.NONE);
      assertEquals(Level.NONE, l.level());
      assertEquals(List.of(), held(l));

      l.lock(Level.SHARED);
      l.lock(Level.EXCLUSIVE);
      l.unlock(Level.NONE);
      assertEquals(List.of(), held(l), "EXCLUSIVE -> NONE drops everything");
    }
  }

  @Test
  void exclusiveStraightFromSharedTakesNoReserved() {
    try (DiskFile f = DiskFile.open(dir.resolve("a.db"), false)) {
      ProcessLock l = f.processLock();
      l.lock(Level.SHARED);
      assertTrue(l.tryLock(Level.EXCLUSIVE));
      assertEquals(sorted(W_LOW, W_HIGH, W_PENDING), held(l));
      l.unlock(Level.RESERVED); // no RESERVED was held: back to SHARED
      assertEquals(Level.SHARED, l.level());
      assertEquals(sorted(R_LOW, R_HIGH), held(l));
    }
  }

  @Test
  void lowerOrEqualRequestsChangeNothing() {
    try (DiskFile f = DiskFile.open(dir.resolve("a.db"), false)) {
      ProcessLock l = f.processLock();
      l.unlock(Level.NONE);
      l.unlock(Level.SHARED);
      assertEquals(Level.NONE, l.level());
      l.lock(Level.SHARED);
      l.lock(Level.RESERVED);
      assertTrue(l.tryLock(Level.SHARED));
      assertTrue(l.tryLock(Level.RESERVED));
      l.unlock(Level.RESERVED);
      assertEquals(Level.RESERVED, l.level());
      assertEquals(sorted(R_LOW, R_HIGH, W_RESERVED), held(l));
      l.lock(Level.EXCLUSIVE);
      assertTrue(l.tryLock(Level.RESERVED), "EXCLUSIVE covers RESERVED");
      assertTrue(l.tryLock(Level.EXCLUSIVE));
      assertEquals(Level.EXCLUSIVE, l.level());
    }
  }

  @Test
  void wrongTransitionsAreMisuseAndChangeNothing() {
    try (DiskFile f = DiskFile.open(dir.resolve("a.db"), false)) {
      ProcessLock l = f.processLock();
      for (Level target : new Level[] {Level.RESERVED, Level.PENDING, Level.EXCLUSIVE}) {
        StorageException e = assertThrows(StorageException.class, () -> l.tryLock(target));
        assertEquals(StorageException.Kind.MISUSE, e.kind(), target.toString());
        assertEquals(Level.NONE, l.level());
        assertEquals(List.of(), held(l));
      }
      l.lock(Level.SHARED);
      StorageException e = assertThrows(StorageException.class, () -> l.tryLock(Level.PENDING));
      assertEquals(StorageException.Kind.MISUSE, e.kind());
      e = assertThrows(StorageException.class, () -> l.unlock(Level.PENDING));
      assertEquals(StorageException.Kind.MISUSE, e.kind());
      e = assertThrows(StorageException.class, () -> l.unlock(Level.EXCLUSIVE));
      assertEquals(StorageException.Kind.MISUSE, e.kind());
      assertEquals(Level.SHARED, l.level());
      assertEquals(sorted(R_LOW, R_HIGH), held(l));
    }
  }

  @Test
  void readOnlyFileTakesOnlySharedLocks() throws Exception {
    Path p = dir.resolve("ro.db");
    Files.write(p, new byte[4096]);
    try (DiskFile f = DiskFile.open(p, true)) {
      ProcessLock l = f.processLock();
      assertTrue(l.isReadOnly());
      assertTrue(l.tryLock(Level.SHARED));
      assertEquals(sorted(R_LOW, R_HIGH), held(l));
      for (Level target : new Level[] {Level.RESERVED, Level.EXCLUSIVE}) {
        StorageException e = assertThrows(StorageException.class, () -> l.tryLock(target));
        assertEquals(StorageException.Kind.READONLY, e.kind(), target.toString());
        assertEquals(Level.SHARED, l.level());
        assertEquals(sorted(R_LOW, R_HIGH), held(l));
      }
      l.unlock(Level.NONE);
      assertEquals(List.of(), held(l));
    }
  }

  @Test
  void closingTheFileReleasesAndRetiresTheLock() {
    Path p = dir.resolve("a.db");
    DiskFile f = DiskFile.open(p, false);
    ProcessLock l = f.processLock();
    l.lock(Level.SHARED);
    l.lock(Level.EXCLUSIVE);
    List<FileLock> before = l.heldLocks();
    f.close();
    assertEquals(Level.NONE, l.level());
    assertEquals(List.of(), held(l));
    for (FileLock fl : before) {
      assertFalse(fl.isValid());
    }
    StorageException e = assertThrows(StorageException.class, () -> l.tryLock(Level.SHARED));
    assertEquals(StorageException.Kind.MISUSE, e.kind());
    e = assertThrows(StorageException.class, () -> l.unlock(Level.NONE));
    assertEquals(StorageException.Kind.MISUSE, e.kind());
    f.close(); // twice: the channel is closed already, that is fine
    // the JVM forgot the locks: a new file on the same path can take them all
    try (DiskFile g = DiskFile.open(p, false)) {
      g.processLock().lock(Level.SHARED);
      g.processLock().lock(Level.RESERVED);
      g.processLock().lock(Level.EXCLUSIVE);
      assertEquals(4, g.processLock().heldLocks().size());
    }
  }

  @Test
  void aSecondLockingChannelInTheJvmIsMisuse() {
    Path p = dir.resolve("a.db");
    try (DiskFile f = DiskFile.open(p, false); DiskFile g = DiskFile.open(p, false)) {
      f.processLock().lock(Level.SHARED);
      ProcessLock other = g.processLock();
      StorageException e = assertThrows(StorageException.class, () -> other.tryLock(Level.SHARED));
      assertEquals(StorageException.Kind.MISUSE, e.kind());
      assertTrue(e.getMessage().contains("one ProcessLock per file"), e.getMessage());
      assertEquals(Level.NONE, other.level());
      assertEquals(List.of(), held(other), "nothing left behind by the refused request");
      assertEquals(sorted(R_LOW, R_HIGH), held(f.processLock()));
    }
  }

  /** Threads sharing one lock never make it ask the JVM for a range it holds. */
  @Test
  void concurrentCallersKeepTheLocksConsistent() throws Exception {
    try (DiskFile f = DiskFile.open(dir.resolve("a.db"), false)) {
      ProcessLock l = f.processLock();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          long seed = t;
          done.add(
              pool.submit(
                  () -> {
                    Random r = new Random(seed);
                    int misuse = 0;
                    for (int i = 0; i < 2000; i++) {
                      try {
                        switch (r.nextInt(6)) {
                          case 0, 1 -> assertTrue(l.tryLock(Level.SHARED));
                          case 2 -> assertTrue(l.tryLock(Level.RESERVED));
                          case 3 -> assertTrue(l.tryLock(Level.EXCLUSIVE));
                          case 4 -> l.unlock(r.nextBoolean() ? Level.SHARED : Level.RESERVED);
                          default -> l.unlock(Level.NONE);
                        }
                      } catch (StorageException e) {
                        // another thread dropped to NONE between this thread's calls
                        assertEquals(StorageException.Kind.MISUSE, e.kind(), e.getMessage());
                        assertTrue(e.getMessage().contains("without SHARED first"), e.getMessage());
                        misuse++;
                      }
                      check(l);
                    }
                    return misuse;
                  }));
        }
        for (Future<Integer> d : done) {
          d.get(15, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** The locks held match the level, read together, whatever the interleaving. */
  private static void check(ProcessLock l) {
    String s = l.describe();
    String level = s.substring(0, s.indexOf(' '));
    List<String> expected =
        switch (Level.valueOf(level)) {
          case NONE -> List.of();
          case SHARED -> sorted(R_LOW, R_HIGH);
          case RESERVED -> sorted(R_LOW, R_HIGH, W_RESERVED);
          case PENDING -> sorted(R_LOW, R_HIGH, W_RESERVED, W_PENDING);
          case EXCLUSIVE ->
              s.contains(W_RESERVED)
                  ? sorted(W_LOW, W_HIGH, W_RESERVED, W_PENDING)
                  : sorted(W_LOW, W_HIGH, W_PENDING);
        };
    assertEquals(level + " " + expected, s);
  }
}
