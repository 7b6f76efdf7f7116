package dev.pagoda.pager.testing;

import dev.pagoda.pager.DbFile;
import dev.pagoda.pager.MemoryVfs;
import dev.pagoda.pager.StorageException;
import dev.pagoda.pager.Vfs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A {@link Vfs} over a {@link MemoryVfs} "disk" that injects faults into every file of a database
 * (the database and its journal) and simulates power loss across all of them:
 *
 * <ul>
 *   <li>every file opened is a {@link FaultyFile}; I/O calls on all of them, plus {@link #delete}
 *       and {@link #syncDirectory}, are numbered together, and {@link #failFrom} fails the N-th and
 *       every later one with IOERR (the moment the power goes);
 *   <li>{@link #crash}: each file loses unsynced writes ({@link FaultyFile#crash(Random, double,
 *       boolean)}), and each file created or deleted since the last {@link #syncDirectory} may
 *       revert: a created file vanishes, a deleted one comes back with its durable bytes.
 * </ul>
 *
 * <p>After a crash this object refuses all calls; open a new {@code FaultyVfs} on {@link #disk()}
 * to test recovery. One directory: {@code syncDirectory} makes every pending create and delete
 * durable. Not thread-safe.
 */
public final class FaultyVfs implements Vfs {
  private static final byte[] ABSENT = new byte[0];

  private final MemoryVfs disk;
  private final List<FaultyFile> files = new ArrayList<>();
  private final Map<String, FaultyFile> latest = new HashMap<>();
  /** For each name created or deleted since the last directory sync: its state before (or ABSENT). */
  private final Map<String, byte[]> pendingDir = new HashMap<>();
  private long calls;
  private long failAt;
  private boolean crashed;

  /** A faulty view of {@code disk}, whose files should be fully synced (as after a crash). */
  public FaultyVfs(MemoryVfs disk) {
    this.disk = disk;
  }

  /** The disk: what survives. */
  public MemoryVfs disk() {
    return disk;
  }

  /** The number of counted calls so far. */
  public long callCount() {
    return calls;
  }

  /** Fails the {@code n}-th counted call from now (1 = the next) and every later one. */
  public FaultyVfs failFrom(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1: " + n);
    }
    failAt = calls + n;
    return this;
  }

  /** Whether a failure armed by {@link #failFrom} has fired. */
  public boolean failed() {
    return failAt > 0 && calls >= failAt;
  }

  @Override
  public DbFile open(String name, boolean readOnly) {
    checkUsable();
    if (!readOnly && !disk.exists(name)) {
      pendingDir.putIfAbsent(name, ABSENT);
    }
    FaultyFile f = new FaultyFile(disk.open(name, readOnly)).onIo(op -> tick());
    files.add(f);
    latest.put(name, f);
    return f;
  }

  @Override
  public boolean exists(String name) {
    checkUsable();
    return disk.exists(name);
  }

  @Override
  public void delete(String name) {
    tick();
    if (!disk.exists(name)) {
      return;
    }
    FaultyFile f = latest.get(name);
    pendingDir.putIfAbsent(name, f != null ? f.durableImage() : disk.contents(name));
    disk.delete(name);
    latest.remove(name);
  }

  @Override
  public void syncDirectory(String name) {
    tick();
    pendingDir.clear();
  }

  /**
   * Power loss: every file keeps each unsynced change with probability {@code keep} (garbage: one
   * torn sector per file with unsynced writes), then each pending create or delete reverts with
   * probability {@code revertDir}.
   *
   * @return the number of directory entries reverted
   */
  public int crash(Random rnd, double keep, boolean garbage, double revertDir) {
    checkUsable();
    for (int i = files.size() - 1; i >= 0; i--) {
      files.get(i).crash(rnd, keep, garbage);
    }
    int reverted = 0;
    for (Map.Entry<String, byte[]> e : pendingDir.entrySet()) {
      if (rnd.nextDouble() < revertDir) {
        reverted++;
        if (e.getValue() == ABSENT) {
          disk.delete(e.getKey());
        } else {
          disk.put(e.getKey(), e.getValue());
        }
      }
    }
    crashed = true;
    return reverted;
  }

  private void tick() {
    checkUsable();
    calls++;
    if (failAt > 0 && calls >= failAt) {
      throw new StorageException(StorageException.Kind.IOERR, "injected: power lost at call " + failAt);
    }
  }

  private void checkUsable() {
    if (crashed) {
      throw new StorageException(StorageException.Kind.IOERR, "injected: the disk has crashed");
    }
  }
}
