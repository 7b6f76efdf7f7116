package dev.pagoda.pager;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.locks.ReentrantLock;

/**
 * "Detect and refuse" for WAL mode between processes: an exclusive (write) POSIX lock on the DMS
 * ("dead man switch") byte of the database's {@code <db>-shm} file, the byte every SQLite
 * connection with the WAL open holds a read lock on (os_unix.c, {@code unixLockSharedMemory}).
 *
 * <pre>
 * UNIX_SHM_BASE = (22 + SQLITE_SHM_NLOCK) * 4 = (22 + 8) * 4 = 120   first shm lock byte
 * UNIX_SHM_DMS  = UNIX_SHM_BASE + SQLITE_SHM_NLOCK         = 128   one byte
 * </pre>
 *
 * <p>{@link #tryLockExclusive()} fails while any other process has the WAL open (a SQLite
 * connection keeps its read lock on the byte from its first read until it closes, idle or not):
 * Pagoda's WAL, whose index lives in its own memory and not in the shm file, must then refuse the
 * database. While Pagoda holds the byte, a SQLite connection starting a read sees the write lock
 * ({@code F_GETLK} in {@code unixLockSharedMemory}): its xShmMap returns SQLITE_BUSY, which {@code
 * walTryBeginRead} takes for another process's WAL recovery and retries, about 100 times with
 * growing sleeps (about 10 s with sqlite-jdbc 3.53, whatever its busy_timeout), then the
 * statement fails with SQLITE_PROTOCOL ("locking protocol"); if the byte is released meanwhile, it
 * proceeds. So SQLite cannot use the WAL behind Pagoda's back, but its users wait up to 10 s
 * before they hear so. A SQLite connection that gets the byte first (no one else has the WAL
 * open) truncates the shm file and rebuilds the index from the WAL, so whatever is in the shm file
 * (this class never writes it) does not matter.
 *
 * <p>The same JVM rules as {@link ProcessLock}: POSIX locks do not conflict within one process,
 * only one object may lock a given shm file in the JVM (a second one is MISUSE), and closing any
 * other descriptor of the shm file in this process drops the lock. The shm file is created when
 * missing and left in place on {@link #close()} (deleting it could pull it from under a SQLite
 * process that opened it meanwhile). A SQLite connection closing the last connection to a WAL
 * database deletes the shm file, even while this object has it open; {@link #tryLockExclusive()}
 * therefore checks, once it holds the byte, that the file at the path is still the one it locked,
 * and otherwise opens the new one (creating it) and tries again. Thread-safe.
 */
public final class WalProcessLock implements AutoCloseable {
  /** {@code SQLITE_SHM_NLOCK}: the number of WAL locks. */
  public static final int SHM_NLOCK = 8;
  /** The first lock byte of the shm file on unix: {@code (22 + SHM_NLOCK) * 4 = 120}. */
  public static final long UNIX_SHM_BASE = (22 + SHM_NLOCK) * 4L;
  /** The dead man switch byte: {@code UNIX_SHM_BASE + SHM_NLOCK = 128}. */
  public static final long UNIX_SHM_DMS = UNIX_SHM_BASE + SHM_NLOCK;

  /** How often {@link #tryLockExclusive()} reopens a shm file deleted under it before giving up. */
  private static final int REOPENS = 5;

  private final Path shm;
  private final ReentrantLock mutex = new ReentrantLock();
  private FileChannel channel;
  /** The identity (inode) of the file {@link #channel} was opened on; null if unknown. */
  private Object fileKey;
  private FileLock dms;
  private boolean closed;

  private WalProcessLock(Path shm) {
    this.shm = shm;
  }

  /**
   * Opens (creating it if missing) {@code database + "-shm"}; takes no lock yet.
   *
   * @throws StorageException CANTOPEN when the shm file cannot be opened for reading and writing
   */
  public static WalProcessLock open(Path database) {
    WalProcessLock l = new WalProcessLock(shmPath(database));
    l.openChannel();
    return l;
  }

  private void openChannel() {
    try {
      channel =
          FileChannel.open(
              shm, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      throw new StorageException(
          StorageException.Kind.CANTOPEN, "cannot open " + shm + ": " + e, e);
    }
    fileKey = currentKey();
  }

  /** The identity of the file now at {@link #shm}, or null when there is none (or none known). */
  private Object currentKey() {
    try {
      return Files.readAttributes(shm, BasicFileAttributes.class).fileKey();
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  /** {@code <database>-shm}. */
  public static Path shmPath(Path database) {
    return database.resolveSibling(database.getFileName() + "-shm");
  }

  /** The shm file's path. */
  public Path path() {
    return shm;
  }

  /**
   * Tries the write lock on the DMS byte; true when held (already or now), false when another
   * process holds a lock on it (a SQLite connection has the WAL open).
   *
   * @throws StorageException MISUSE once closed or when another channel of this JVM locks the byte;
   *     IOERR when the OS fails
   */
  public boolean tryLockExclusive() {
    mutex.lock();
    try {
      checkOpen();
      if (dms != null) {
        return true;
      }
      for (int attempt = 0; ; attempt++) {
        FileLock l = tryDms();
        // The last SQLite connection to close a WAL database deletes the shm file (it then holds
        // EXCLUSIVE on the database), also while this object has it open: a lock on a deleted
        // file guards nothing, so check that the path still names the file locked.
        if (!stale()) {
          dms = l;
          return l != null;
        }
        try {
          channel.close(); // releases l
        } catch (IOException e) {
          throw new StorageException(
              StorageException.Kind.IOERR, "close failed on " + shm + ": " + e, e);
        }
        if (attempt == REOPENS) {
          throw new StorageException(
              StorageException.Kind.IOERR, "the shm file keeps being replaced: " + shm);
        }
        openChannel();
      }
    } finally {
      mutex.unlock();
    }
  }

  /** Whether the file at the path is no longer the one the channel is open on. */
  private boolean stale() {
    Object key = currentKey();
    return fileKey != null ? !fileKey.equals(key) : !Files.exists(shm);
  }

  /** One try at the DMS byte on the current channel; null when another process holds it. */
  private FileLock tryDms() {
    try {
      return channel.tryLock(UNIX_SHM_DMS, 1, false);
    } catch (OverlappingFileLockException e) {
      throw new StorageException(
          StorageException.Kind.MISUSE,
          "another channel of this JVM locks the DMS byte of " + shm, e);
    } catch (ClosedChannelException e) {
      throw new StorageException(StorageException.Kind.MISUSE, "closed: " + shm, e);
    } catch (IOException e) {
      throw new StorageException(
          StorageException.Kind.IOERR, "lock failed on " + shm + ": " + e, e);
    }
  }

  /**
   * As {@link #tryLockExclusive()}, or throws.
   *
   * @throws StorageException BUSY when another process has the WAL open
   */
  public void lockExclusive() {
    if (!tryLockExclusive()) {
      throw new StorageException(
          StorageException.Kind.BUSY,
          "database is locked by another process: a SQLite connection has the WAL open ("
              + shm + ")");
    }
  }

  /** Whether this object holds the DMS byte. */
  public boolean isHeld() {
    mutex.lock();
    try {
      return dms != null && dms.isValid();
    } finally {
      mutex.unlock();
    }
  }

  /** Releases the DMS byte if held; the file stays open. */
  public void unlock() {
    mutex.lock();
    try {
      FileLock l = dms;
      dms = null;
      if (l != null && l.isValid()) {
        try {
          l.release();
        } catch (ClosedChannelException e) {
          // closing released it
        } catch (IOException e) {
          throw new StorageException(
              StorageException.Kind.IOERR, "unlock failed on " + shm + ": " + e, e);
        }
      }
    } finally {
      mutex.unlock();
    }
  }

  /** Releases the lock and closes the shm file (which stays on disk). Idempotent. */
  @Override
  public void close() {
    mutex.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      dms = null;
      try {
        channel.close(); // releases the lock
      } catch (IOException e) {
        throw new StorageException(
            StorageException.Kind.IOERR, "close failed on " + shm + ": " + e, e);
      }
    } finally {
      mutex.unlock();
    }
  }

  private void checkOpen() {
    if (closed || !channel.isOpen()) {
      throw new StorageException(StorageException.Kind.MISUSE, "closed: " + shm);
    }
  }
}
