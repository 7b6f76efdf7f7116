package dev.pagoda.pager;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.OverlappingFileLockException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SQLite's rollback-journal lock levels on a database file between processes: POSIX advisory
 * record locks ({@code fcntl(F_SETLK)}, through {@link FileChannel#tryLock(long, long, boolean)})
 * on the same bytes as SQLite's unix VFS ({@code unixLock}/{@code unixUnlock} in os_unix.c), so a
 * Pagoda process and sqlite3 processes exclude each other as sqlite3 processes do.
 *
 * <pre>
 * BYTES (offsets in the file; the lock-byte page is never used for data)
 * PENDING_BYTE   0x40000000                  1 byte
 * RESERVED_BYTE  0x40000001                  1 byte
 * SHARED range   0x40000002 .. 0x400001ff    SHARED_SIZE = 510 bytes
 *
 * LEVEL      HELD (r = read lock, w = write lock)   TAKEN BY
 * NONE       nothing
 * SHARED     r shared range                        r PENDING, r shared range, drop PENDING
 * RESERVED   r shared range, w RESERVED            w RESERVED (from SHARED only)
 * PENDING    r shared range, w RESERVED, w PENDING a refused EXCLUSIVE from RESERVED
 * EXCLUSIVE  w shared range, [w RESERVED], w PENDING  w PENDING unless held, w shared range
 * </pre>
 *
 * <p>Every step is a non-blocking try. {@link #tryLock} returns false, and {@link #lock} throws
 * {@link StorageException.Kind#BUSY BUSY}, when another process holds a conflicting lock; the
 * steps the refused call took are undone, so the level is what it was, with one exception that
 * follows SQLite: when EXCLUSIVE is asked from RESERVED (a writer about to commit), the PENDING
 * lock it got stays held and the level becomes PENDING, which keeps new readers out while the
 * existing ones finish; the writer retries EXCLUSIVE later (a PENDING holder only needs the shared
 * range), or gives up with {@code unlock(RESERVED)} or lower. EXCLUSIVE asked straight from SHARED
 * (SQLite's hot-journal path: no RESERVED) also takes PENDING first, as SQLite did before 3.4x
 * (now it takes only the shared range there); refused, it releases PENDING and stays SHARED.
 * PENDING cannot be asked for (as in SQLite), so PENDING always comes with RESERVED.
 *
 * <p>{@link #unlock} lowers the level: to RESERVED (from PENDING or EXCLUSIVE: the shared range
 * becomes a read lock again, PENDING is dropped), SHARED (drops PENDING and RESERVED) or NONE
 * (drops everything), as SQLite's {@code unixUnlock} (which knows only SHARED and NONE).
 *
 * <p>Java cannot turn a held lock into another kind in place as {@code fcntl} does (the JVM
 * refuses a lock overlapping one it holds), and releasing the shared range's read lock to ask for
 * the write lock would leave a moment with no lock on it, in which another process holding SHARED
 * could take EXCLUSIVE (SQLite's hot-journal path asks for no PENDING). So the shared range is held
 * as two locks, its first 509 bytes and its last byte: to convert it, one half is released and
 * locked the other way while the other half stays locked, then the other half. Every SQLite lock on
 * the range covers all of it, so it conflicts with either half exactly as with one lock over the
 * whole range. The level only changes once both halves are converted; a refused conversion
 * restores the first half (no other process can hold it meanwhile).
 *
 * <p>Java and POSIX specifics:
 *
 * <ul>
 *   <li>POSIX record locks belong to the process, not to the file descriptor: two channels of one
 *       JVM never conflict at the OS level. The JVM instead refuses a second lock on a range it
 *       already locks on that file through any channel ({@link OverlappingFileLockException},
 *       reported here as MISUSE). So this object must be the only one locking its file in the JVM,
 *       and connections of one JVM must be kept apart above it ({@link LockTable}); it tracks the
 *       {@link FileLock}s it holds and never asks for one it has.
 *   <li>Closing <em>any</em> file descriptor of the file in this process releases all of the
 *       process's POSIX locks on it (close(2)), including these, while the JVM still believes them
 *       valid. Nothing in the process may open and close the database file another way (a second
 *       FileChannel or RandomAccessFile, sqlite-jdbc in the same JVM) while locks are held. {@code
 *       Files.size} and other stat-based calls are harmless.
 *   <li>Closing the channel this lock works on releases its locks; {@link DiskFile#close()} first
 *       marks the level NONE. Interrupting a thread blocked in the channel's I/O closes the channel
 *       ({@link java.nio.channels.ClosedByInterruptException}) and so also drops the locks.
 *   <li>A channel opened for reading only cannot take write locks ({@link
 *       NonWritableChannelException}): on a read-only file only SHARED is possible (read locks
 *       only), and asking RESERVED or higher fails with READONLY, leaving the level unchanged.
 * </ul>
 *
 * <p>Thread-safe (a {@link ReentrantLock} orders the calls; nothing here waits for another
 * process). Within one process a level is one level: callers that share it (several pagers of one
 * file) count their own holds.
 */
public final class ProcessLock {
  /** Offset of SQLite's pending byte: 0x40000000, the first byte of the lock-byte page. */
  public static final long PENDING_BYTE = 0x40000000L;
  /** The reserved byte, right after the pending byte. */
  public static final long RESERVED_BYTE = PENDING_BYTE + 1;
  /** The first byte of the shared range. */
  public static final long SHARED_FIRST = PENDING_BYTE + 2;
  /** The length of the shared range. */
  public static final int SHARED_SIZE = 510;

  /** SQLite's lock levels, weakest first. */
  public enum Level {
    /** No lock. */
    NONE,
    /** Reading: any number of processes. */
    SHARED,
    /** Intends to write; still reading; at most one process, beside SHARED holders. */
    RESERVED,
    /** Waits for EXCLUSIVE: no new SHARED lock is granted; existing ones may finish. */
    PENDING,
    /** Writing the file: no other process holds any lock. */
    EXCLUSIVE
  }

  /** The shared range is held as two locks, the first 509 bytes and the last one; see above. */
  private static final long LOW_SIZE = SHARED_SIZE - 1;

  private static final long HIGH_BYTE = SHARED_FIRST + LOW_SIZE;

  private final FileChannel channel;
  private final boolean readOnly;
  private final String name;
  private final ReentrantLock mutex = new ReentrantLock();

  // The locks held: at most one FileLock per range, no two overlapping (the JVM forbids it).
  private FileLock pending;
  private FileLock reserved;
  /** The shared range but its last byte: read lock from SHARED to PENDING, write at EXCLUSIVE. */
  private FileLock low;
  /** The last byte of the shared range, locked as {@link #low} is. */
  private FileLock high;
  private Level level = Level.NONE;
  private boolean closed;

  /**
   * A lock on {@code channel}, which must be the channel the file is read and written through, and
   * the only one of this file in the JVM that is ever locked.
   *
   * @param readOnly whether the channel is open for reading only (then only SHARED is possible)
   * @param name the file's name, for messages
   */
  ProcessLock(FileChannel channel, boolean readOnly, String name) {
    this.channel = channel;
    this.readOnly = readOnly;
    this.name = name;
  }

  /** The level held. */
  public Level level() {
    mutex.lock();
    try {
      return level;
    } finally {
      mutex.unlock();
    }
  }

  /** Whether only SHARED can ever be held (the channel is read-only). */
  public boolean isReadOnly() {
    return readOnly;
  }

  /**
   * Raises the level to {@code target}, as {@link #tryLock}, or throws.
   *
   * @throws StorageException BUSY ("database is locked by another process") when another process
   *     holds a conflicting lock, and whatever {@link #tryLock} throws
   */
  public void lock(Level target) {
    if (!tryLock(target)) {
      throw new StorageException(
          StorageException.Kind.BUSY,
          "database is locked by another process: cannot get " + target + " on " + name
              + " (holding " + level() + ")");
    }
  }

  /**
   * Tries to raise the level to {@code target}; a level at or above {@code target} is kept (true,
   * nothing done). Allowed: NONE to SHARED; SHARED to RESERVED or EXCLUSIVE; RESERVED or PENDING
   * to EXCLUSIVE.
   *
   * @return false when another process holds a conflicting lock: the level is unchanged, except
   *     that EXCLUSIVE asked from RESERVED leaves PENDING held (see the class comment)
   * @throws StorageException MISUSE for PENDING, for NONE to anything but SHARED, or once closed
   *     (level unchanged); READONLY above SHARED on a read-only file (level unchanged); MISUSE when
   *     another channel of this JVM locks the same bytes, IOERR when the OS fails (both: every lock
   *     released, level NONE)
   */
  public boolean tryLock(Level target) {
    mutex.lock();
    try {
      checkOpen();
      if (target.compareTo(level) <= 0) {
        return true;
      }
      if (level == Level.NONE && target != Level.SHARED) {
        throw new StorageException(
            StorageException.Kind.MISUSE, "lock " + target + " without SHARED first on " + name);
      }
      if (target == Level.PENDING) {
        throw new StorageException(
            StorageException.Kind.MISUSE, "PENDING is not asked for; ask EXCLUSIVE: " + name);
      }
      if (target.compareTo(Level.SHARED) > 0 && readOnly) {
        throw new StorageException(
            StorageException.Kind.READONLY,
            "cannot lock " + target + ": file is read-only: " + name);
      }
      try {
        switch (target) {
          case SHARED:
            return takeShared();
          case RESERVED:
            return takeReserved();
          case EXCLUSIVE:
            return takeExclusive();
          case PENDING:
          case NONE:
          default:
            throw new AssertionError(target);
        }
      } catch (StorageException e) {
        // an OS failure, or another channel of this JVM in the way, part way through
        releaseQuietly(e);
        throw e;
      }
    } finally {
      mutex.unlock();
    }
  }

  /**
   * Lowers the level to {@code target} (NONE, SHARED or RESERVED); a level at or below it is left
   * alone. RESERVED is reached from PENDING or EXCLUSIVE when RESERVED was held on the way; else
   * it means SHARED.
   *
   * @throws StorageException MISUSE for PENDING or EXCLUSIVE, or once closed; IOERR when the shared
   *     range cannot be locked for reading again after EXCLUSIVE, or the OS fails (then every lock
   *     is released and the level is NONE)
   */
  public void unlock(Level target) {
    mutex.lock();
    try {
      checkOpen();
      if (target.compareTo(Level.RESERVED) > 0) {
        throw new StorageException(
            StorageException.Kind.MISUSE, "unlock to " + target + " on " + name);
      }
      if (level.compareTo(target) <= 0) {
        return;
      }
      if (target == Level.NONE) {
        releaseAll();
        return;
      }
      try {
        if (level == Level.EXCLUSIVE) {
          // Still PENDING: no other process can take SHARED (that needs a read lock on PENDING),
          // and each half of the shared range stays locked while the other is converted.
          low = mustRetake(low, true);
          high = mustRetake(high, true);
        }
        if (target == Level.SHARED) {
          release(reserved);
          reserved = null;
        }
        release(pending);
        pending = null;
        level = reserved != null ? Level.RESERVED : Level.SHARED;
      } catch (StorageException e) {
        releaseQuietly(e);
        throw e;
      }
    } finally {
      mutex.unlock();
    }
  }

  /**
   * Forgets every lock and refuses further use, just before the channel is closed (which releases
   * them at the OS level anyway). Idempotent.
   */
  void close() {
    mutex.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (channel.isOpen()) {
        releaseAll();
      }
      pending = null;
      reserved = null;
      low = null;
      high = null;
      level = Level.NONE;
    } finally {
      mutex.unlock();
    }
  }

  /** The locks held now (tests): position, size and shared flag of each. */
  List<FileLock> heldLocks() {
    mutex.lock();
    try {
      List<FileLock> held = new ArrayList<>(4);
      for (FileLock l : new FileLock[] {pending, reserved, low, high}) {
        if (l != null) {
          held.add(l);
        }
      }
      return held;
    } finally {
      mutex.unlock();
    }
  }

  /**
   * The level and the locks held, read together (tests): {@code "LEVEL [r|w position+size, ...]"},
   * the locks sorted.
   */
  String describe() {
    mutex.lock();
    try {
      List<String> locks = new ArrayList<>();
      for (FileLock l : heldLocks()) {
        locks.add((l.isShared() ? "r " : "w ") + l.position() + "+" + l.size());
      }
      locks.sort(null);
      return level + " " + locks;
    } finally {
      mutex.unlock();
    }
  }

  private boolean takeShared() {
    FileLock p = acquire(PENDING_BYTE, 1, true);
    if (p == null) {
      return false; // a writer holds PENDING or EXCLUSIVE
    }
    FileLock l = null;
    FileLock h = null;
    try {
      l = acquire(SHARED_FIRST, LOW_SIZE, true);
      if (l != null) {
        h = acquire(HIGH_BYTE, 1, true);
      }
    } finally {
      if (h == null) {
        release(l);
      }
      release(p);
    }
    if (h == null) {
      return false;
    }
    low = l;
    high = h;
    level = Level.SHARED;
    return true;
  }

  private boolean takeReserved() {
    FileLock r = acquire(RESERVED_BYTE, 1, false);
    if (r == null) {
      return false;
    }
    reserved = r;
    level = Level.RESERVED;
    return true;
  }

  private boolean takePending() {
    FileLock p = acquire(PENDING_BYTE, 1, false);
    if (p == null) {
      return false;
    }
    pending = p;
    level = Level.PENDING;
    return true;
  }

  private boolean takeExclusive() {
    if (pending == null && !takePending()) {
      return false;
    }
    // PENDING is held: no new reader starts. Each half of the shared range is turned into a write
    // lock while the other half stays locked, so the range is never unlocked in between (the JVM
    // cannot convert a lock in place as fcntl can).
    FileLock l = retake(low, false);
    if (l == null) {
      low = mustAcquire(SHARED_FIRST, LOW_SIZE, true);
      exclusiveFailed();
      return false;
    }
    low = l;
    FileLock h = retake(high, false);
    if (h == null) {
      high = mustAcquire(HIGH_BYTE, 1, true);
      low = mustRetake(low, true);
      exclusiveFailed();
      return false;
    }
    high = h;
    level = Level.EXCLUSIVE;
    return true;
  }

  /**
   * After a refused EXCLUSIVE: a PENDING taken from RESERVED stays, as in SQLite; one taken from
   * SHARED (no RESERVED: SQLite's hot-journal path) goes.
   */
  private void exclusiveFailed() {
    if (reserved != null) {
      level = Level.PENDING;
    } else {
      release(pending);
      pending = null;
      level = Level.SHARED;
    }
  }

  /** Releases {@code old} and tries the other kind of lock on its bytes: null when refused. */
  private FileLock retake(FileLock old, boolean sharedLock) {
    long position = old.position();
    long size = old.size();
    release(old);
    return acquire(position, size, sharedLock);
  }

  /** As {@link #retake}, but refusal is an IOERR: no other process can be in the way. */
  private FileLock mustRetake(FileLock old, boolean sharedLock) {
    FileLock l = retake(old, sharedLock);
    if (l == null) {
      throw lost(old.position(), old.size());
    }
    return l;
  }

  /** A lock nobody else can be holding against us; refusal is an IOERR. */
  private FileLock mustAcquire(long position, long size, boolean sharedLock) {
    FileLock l = acquire(position, size, sharedLock);
    if (l == null) {
      throw lost(position, size);
    }
    return l;
  }

  private StorageException lost(long position, long size) {
    return new StorageException(
        StorageException.Kind.IOERR,
        "lock lost on " + name + ": another process took bytes " + position + "+" + size
            + " it should not have been able to");
  }

  private void releaseAll() {
    FileLock[] all = {high, low, reserved, pending};
    pending = null;
    reserved = null;
    low = null;
    high = null;
    level = Level.NONE;
    StorageException failure = null;
    for (FileLock l : all) {
      try {
        release(l);
      } catch (StorageException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void releaseQuietly(StorageException cause) {
    try {
      releaseAll();
    } catch (StorageException e) {
      cause.addSuppressed(e);
    }
  }

  /** Tries one lock; null when another process holds a conflicting one. */
  private FileLock acquire(long position, long size, boolean sharedLock) {
    try {
      return channel.tryLock(position, size, sharedLock);
    } catch (OverlappingFileLockException e) {
      throw new StorageException(
          StorageException.Kind.MISUSE,
          "another channel of this JVM locks the same bytes of " + name
              + ": one ProcessLock per file per process",
          e);
    } catch (NonWritableChannelException e) {
      throw new StorageException(
          StorageException.Kind.READONLY, "cannot write-lock a read-only file: " + name, e);
    } catch (ClosedChannelException e) {
      throw new StorageException(StorageException.Kind.MISUSE, "file is closed: " + name, e);
    } catch (IOException e) {
      throw new StorageException(
          StorageException.Kind.IOERR, "lock failed on " + name + ": " + e, e);
    }
  }

  private void release(FileLock l) {
    if (l == null || !l.isValid()) {
      return;
    }
    try {
      l.release();
    } catch (ClosedChannelException e) {
      // closing the channel released it
    } catch (IOException e) {
      throw new StorageException(
          StorageException.Kind.IOERR, "unlock failed on " + name + ": " + e, e);
    }
  }

  private void checkOpen() {
    if (closed || !channel.isOpen()) {
      throw new StorageException(StorageException.Kind.MISUSE, "file is closed: " + name);
    }
  }
}
