package dev.pagoda.pager.testing;

import dev.pagoda.pager.DbFile;
import dev.pagoda.pager.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A {@link DbFile} wrapper that injects faults, for crash and error-path tests. It forwards every
 * call to the wrapped file and can:
 *
 * <ul>
 *   <li>fail the N-th I/O call from now, of any kind or of one {@link Op} kind, once or from then on
 *       ({@link #failAt}), with {@link StorageException.Kind#IOERR};
 *   <li>act as a full disk ({@link #diskFullAt}): a write ending past the limit writes nothing and
 *       fails with {@link StorageException.Kind#FULL};
 *   <li>fail every sync ({@link #failSyncs}) with IOERR; the writes before it stay unsynced;
 *   <li>{@link #crash}: undo every write and truncate since the last successful sync, optionally
 *       keeping a prefix of the last write (a torn write), then refuse all calls. The wrapped file
 *       then holds what a disk would after power loss; reopen it to test recovery. {@link
 *       #crash(Random, double, boolean)} is the general power loss: any subset of the unsynced writes
 *       and truncates survives (in order), and one unsynced write may leave a sector of garbage;
 *   <li>call a hook before every counted I/O call ({@link #onIo}), which may throw: {@link
 *       FaultyVfs} uses it to count and fail calls across all the files of a database.
 * </ul>
 *
 * <p>I/O calls are {@code read}, {@code write}, {@code truncate} and {@code sync}, numbered from 1
 * in the order made; {@code size}, {@code isReadOnly} and {@code close} are not counted and never
 * fail. A failed call changes nothing. {@link #close()} does not close the wrapped file, so a test
 * can reopen it (after {@link #crash}, typically): the test owns the wrapped file.
 *
 * <p>The crash model keeps an undo record (the bytes overwritten and the old size) for each write
 * and truncate since the last sync, so its cost is the unsynced data, not the file size. Not
 * thread-safe.
 */
public final class FaultyFile implements DbFile {
  /** The kinds of counted I/O call. */
  public enum Op {
    READ,
    WRITE,
    TRUNCATE,
    SYNC
  }

  private final DbFile inner;
  private final List<Undo> unsynced = new ArrayList<>();
  private final long[] calls = new long[Op.values().length];
  private long ioCalls;
  /** The fault armed by failAt: fail the call numbered failAt of kind failOp (null: any). */
  private long failAt;
  private Op failOp;
  private boolean persistent;
  private long diskLimit = Long.MAX_VALUE;
  private boolean failSyncs;
  private long syncs;
  private boolean crashed;
  private boolean closed;
  private Consumer<Op> hook;

  /** Wraps {@code inner}, which should be empty or fully synced: the crash model starts here. */
  public FaultyFile(DbFile inner) {
    this.inner = inner;
  }

  /**
   * Calls {@code h} before each counted I/O call (after this file's own checks); an exception it
   * throws fails the call, which then changes nothing.
   */
  public FaultyFile onIo(Consumer<Op> h) {
    hook = h;
    return this;
  }

  /** Whether {@link #crash} ran. */
  public boolean isCrashed() {
    return crashed;
  }

  /** The bytes a crash dropping every unsynced write would leave (the durable image). */
  public byte[] durableImage() {
    dev.pagoda.pager.MemoryFile copy = new dev.pagoda.pager.MemoryFile();
    byte[] now = new byte[Math.toIntExact(inner.size())];
    inner.read(0, now, 0, now.length);
    copy.write(0, now, 0, now.length);
    for (int i = unsynced.size() - 1; i >= 0; i--) {
      unsynced.get(i).undo(copy);
    }
    byte[] out = new byte[Math.toIntExact(copy.size())];
    copy.read(0, out, 0, out.length);
    return out;
  }

  /**
   * Power loss, generally: the file goes back to its last synced state, then each unsynced write
   * and truncate is replayed, in order, with probability {@code keep} (0: {@link #crash()}; 1: as
   * if everything reached the disk). With {@code garbage}, one unsynced write (kept or not) is torn:
   * one 512-byte sector of its range holds random bytes. Works on a closed wrapper too; a second
   * crash does nothing.
   */
  public void crash(Random rnd, double keep, boolean garbage) {
    if (crashed) {
      return;
    }
    List<Undo> ops = new ArrayList<>(unsynced);
    for (int i = ops.size() - 1; i >= 0; i--) {
      ops.get(i).undo(inner);
    }
    List<Undo> writes = new ArrayList<>();
    for (Undo u : ops) {
      if (rnd.nextDouble() < keep) {
        u.redo(inner);
      }
      if (u.written != null && u.written.length > 0) {
        writes.add(u);
      }
    }
    if (garbage && !writes.isEmpty()) {
      Undo t = writes.get(rnd.nextInt(writes.size()));
      long end = t.pos + t.written.length;
      long sector = (t.pos + (long) (rnd.nextDouble() * t.written.length)) / 512 * 512;
      long from = Math.max(t.pos, sector);
      long to = Math.min(end, sector + 512);
      byte[] junk = new byte[(int) (to - from)];
      rnd.nextBytes(junk);
      inner.write(from, junk, 0, junk.length);
    }
    unsynced.clear();
    inner.sync();
    crashed = true;
  }

  /** The wrapped file. */
  public DbFile inner() {
    return inner;
  }

  /** The number of I/O calls made so far (failed ones included). */
  public long ioCount() {
    return ioCalls;
  }

  /** The number of I/O calls of kind {@code op} made so far (failed ones included). */
  public long ioCount(Op op) {
    return calls[op.ordinal()];
  }

  /** The number of syncs that succeeded. */
  public long syncCount() {
    return syncs;
  }

  /** The number of writes and truncates since the last successful sync (what a crash would undo). */
  public int unsyncedCount() {
    return unsynced.size();
  }

  /**
   * Fails the {@code n}-th I/O call from now (1 = the next one) with IOERR; when {@code
   * persistent}, every later I/O call fails too, until {@link #clearFaults()}.
   */
  public FaultyFile failAt(long n, boolean persistent) {
    return arm(null, n, persistent);
  }

  /** As {@link #failAt(long, boolean)}, counting only calls of kind {@code op}. */
  public FaultyFile failAt(Op op, long n, boolean persistent) {
    return arm(op, n, persistent);
  }

  /**
   * Makes the disk full at {@code bytes}: a write that would end past it fails with FULL and
   * writes nothing ({@link Long#MAX_VALUE} for no limit).
   */
  public FaultyFile diskFullAt(long bytes) {
    diskLimit = bytes;
    return this;
  }

  /** While {@code fail}, every sync fails with IOERR and leaves earlier writes unsynced. */
  public FaultyFile failSyncs(boolean fail) {
    failSyncs = fail;
    return this;
  }

  /** Removes every armed fault (not a crash). */
  public FaultyFile clearFaults() {
    failAt = 0;
    failOp = null;
    persistent = false;
    diskLimit = Long.MAX_VALUE;
    failSyncs = false;
    return this;
  }

  /** Power loss: drops every write and truncate since the last successful sync. */
  public void crash() {
    crash(0);
  }

  /**
   * Power loss with a torn last write: drops every write and truncate since the last successful
   * sync, then puts back the first {@code keepBytes} bytes of the last unsynced write (0 keeps
   * none; must be less than that write's length). After a crash every call fails with IOERR.
   */
  public void crash(int keepBytes) {
    checkUsable();
    Undo torn = null;
    for (int i = unsynced.size() - 1; i >= 0; i--) {
      Undo u = unsynced.get(i);
      if (torn == null && u.written != null) {
        torn = u;
      }
      u.undo(inner);
    }
    if (keepBytes > 0) {
      if (torn == null || keepBytes >= torn.written.length) {
        throw new IllegalArgumentException("cannot keep " + keepBytes + " bytes of the last unsynced write "
            + (torn == null ? "(there is none)" : "of " + torn.written.length + " bytes"));
      }
      inner.write(torn.pos, torn.written, 0, keepBytes);
    }
    unsynced.clear();
    inner.sync();
    crashed = true;
  }

  @Override
  public int read(long pos, byte[] buf, int off, int len) {
    count(Op.READ);
    return inner.read(pos, buf, off, len);
  }

  @Override
  public void write(long pos, byte[] buf, int off, int len) {
    count(Op.WRITE);
    if (pos + len > diskLimit) {
      throw new StorageException(StorageException.Kind.FULL, "injected: disk full at " + diskLimit
          + " bytes (write of " + len + " at " + pos + ")");
    }
    long oldSize = inner.size();
    int keep = (int) Math.max(0, Math.min(len, oldSize - pos));
    byte[] before = new byte[keep];
    if (keep > 0) {
      inner.read(pos, before, 0, keep);
    }
    byte[] written = new byte[len];
    System.arraycopy(buf, off, written, 0, len);
    inner.write(pos, buf, off, len);
    unsynced.add(new Undo(pos, before, oldSize, written));
  }

  @Override
  public long size() {
    checkUsable();
    return inner.size();
  }

  @Override
  public void truncate(long size) {
    count(Op.TRUNCATE);
    long oldSize = inner.size();
    byte[] before = new byte[0];
    if (size < oldSize) {
      before = new byte[Math.toIntExact(oldSize - size)];
      inner.read(size, before, 0, before.length);
    }
    inner.truncate(size);
    unsynced.add(new Undo(size, before, oldSize, null));
  }

  @Override
  public void sync() {
    count(Op.SYNC);
    if (failSyncs) {
      throw new StorageException(StorageException.Kind.IOERR, "injected: sync failed");
    }
    inner.sync();
    unsynced.clear();
    syncs++;
  }

  @Override
  public boolean isReadOnly() {
    return inner.isReadOnly();
  }

  /** Closes this wrapper only; the wrapped file stays open. */
  @Override
  public void close() {
    closed = true;
  }

  private FaultyFile arm(Op op, long n, boolean persist) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1: " + n);
    }
    failOp = op;
    failAt = (op == null ? ioCalls : calls[op.ordinal()]) + n;
    persistent = persist;
    return this;
  }

  private void count(Op op) {
    checkUsable();
    if (hook != null) {
      hook.accept(op);
    }
    ioCalls++;
    long nth = ++calls[op.ordinal()];
    if (failAt == 0 || (failOp != null && failOp != op)) {
      return;
    }
    long number = failOp == null ? ioCalls : nth;
    if (number == failAt || (persistent && number > failAt)) {
      if (!persistent) {
        failAt = 0;
      }
      throw new StorageException(StorageException.Kind.IOERR,
          "injected: I/O error on " + op + " call " + number + (failOp == null ? "" : " of that kind"));
    }
  }

  private void checkUsable() {
    if (crashed) {
      throw new StorageException(StorageException.Kind.IOERR, "injected: the file has crashed");
    }
    if (closed) {
      throw new StorageException(StorageException.Kind.MISUSE, "file is closed");
    }
  }

  /** How to take back one unsynced write or truncate. */
  private static final class Undo {
    final long pos;
    /** The bytes at pos before the call, up to the old end of file. */
    final byte[] before;
    final long oldSize;
    /** What a write wrote (for a torn write), null for a truncate. */
    final byte[] written;

    Undo(long pos, byte[] before, long oldSize, byte[] written) {
      this.pos = pos;
      this.before = before;
      this.oldSize = oldSize;
      this.written = written;
    }

    void redo(DbFile f) {
      if (written != null) {
        f.write(pos, written, 0, written.length);
      } else if (f.size() > pos) {
        f.truncate(pos);
      }
    }

    void undo(DbFile f) {
      if (before.length > 0) {
        f.write(pos, before, 0, before.length);
      }
      if (f.size() > oldSize) {
        f.truncate(oldSize);
      }
    }
  }
}
