package dev.pagoda.pager;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A {@link DbFile} on a {@link FileChannel}. */
public final class DiskFile implements DbFile {
  private final Path path;
  private final FileChannel channel;
  private final boolean readOnly;
  /** Inert until asked to lock: creating it does no I/O. */
  private final ProcessLock processLock;

  private DiskFile(Path path, FileChannel channel, boolean readOnly) {
    this.path = path;
    this.channel = channel;
    this.readOnly = readOnly;
    this.processLock = new ProcessLock(channel, readOnly, path.toString());
  }

  /**
   * Opens {@code path}; when not read-only, creates the file if it is missing.
   *
   * @throws StorageException CANTOPEN when the file cannot be opened
   */
  public static DiskFile open(Path path, boolean readOnly) {
    try {
      FileChannel ch =
          readOnly
              ? FileChannel.open(path, StandardOpenOption.READ)
              : FileChannel.open(
                  path, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
      return new DiskFile(path, ch, readOnly);
    } catch (NoSuchFileException e) {
      throw new StorageException(StorageException.Kind.CANTOPEN, "no such file: " + path, e);
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      throw new StorageException(StorageException.Kind.CANTOPEN, "cannot open " + path + ": " + e, e);
    }
  }

  /** The path this file was opened with. */
  public Path path() {
    return path;
  }

  /**
   * SQLite's POSIX file locks between processes on this file, taken on the channel it is read and
   * written through (so that closing this file releases exactly them); one per DiskFile, and it
   * must be the only thing locking this file in the JVM (see {@link ProcessLock}). Read-only files
   * can only take SHARED. {@link #close()} releases whatever it holds.
   */
  public ProcessLock processLock() {
    return processLock;
  }

  @Override
  public int read(long pos, byte[] buf, int off, int len) {
    ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
    boolean interrupted = Thread.interrupted();
    try {
      int total = 0;
      while (bb.hasRemaining()) {
        int n = channel.read(bb, pos + total);
        if (n < 0) {
          break;
        }
        total += n;
      }
      return total;
    } catch (IOException e) {
      throw ioerr("read", e);
    } finally {
      restore(interrupted);
    }
  }

  @Override
  public void write(long pos, byte[] buf, int off, int len) {
    checkWritable();
    ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
    boolean interrupted = Thread.interrupted();
    try {
      long p = pos;
      while (bb.hasRemaining()) {
        p += channel.write(bb, p);
      }
    } catch (IOException e) {
      throw ioerr("write", e);
    } finally {
      restore(interrupted);
    }
  }

  @Override
  public long size() {
    boolean interrupted = Thread.interrupted();
    try {
      return channel.size();
    } catch (IOException e) {
      throw ioerr("size", e);
    } finally {
      restore(interrupted);
    }
  }

  @Override
  public void truncate(long size) {
    checkWritable();
    boolean interrupted = Thread.interrupted();
    try {
      channel.truncate(size);
    } catch (IOException e) {
      throw ioerr("truncate", e);
    } finally {
      restore(interrupted);
    }
  }

  @Override
  public void sync() {
    if (readOnly) {
      return;
    }
    boolean interrupted = Thread.interrupted();
    try {
      channel.force(true);
    } catch (IOException e) {
      throw ioerr("sync", e);
    } finally {
      restore(interrupted);
    }
  }

  @Override
  public boolean isReadOnly() {
    return readOnly;
  }

  @Override
  public void close() {
    try {
      processLock.close();
    } finally {
      closeChannel();
    }
  }

  private void closeChannel() {
    try {
      channel.close();
    } catch (IOException e) {
      throw ioerr("close", e);
    }
  }

  private void checkWritable() {
    if (readOnly) {
      throw new StorageException(StorageException.Kind.READONLY, "file is read-only: " + path);
    }
  }

  /**
   * A FileChannel closes itself when its thread is interrupted in (or before) an I/O call, which
   * would end the file (and its POSIX locks) for every connection. So each call clears the
   * caller's interrupt status first and sets it again after: an interrupt pending before the call
   * cannot close the channel, and the caller still sees it. One arriving during the call itself
   * still can (a ClosedByInterruptException, IOERR here); Step 10 closes that window.
   */
  private static void restore(boolean interrupted) {
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private StorageException ioerr(String op, IOException e) {
    return new StorageException(StorageException.Kind.IOERR, op + " failed on " + path + ": " + e, e);
  }
}
