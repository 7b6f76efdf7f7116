package dev.pagoda.pager;

import java.io.Closeable;

/**
 * A random-access file holding a database image. Implementations wrap I/O failures in {@link
 * StorageException}; no method throws a checked exception.
 */
public interface DbFile extends Closeable {
  /**
   * Reads up to {@code len} bytes at {@code pos}; returns the number of bytes read, which is short
   * (possibly 0) at end of file. Zero-filling the rest is the caller's job.
   */
  int read(long pos, byte[] buf, int off, int len);

  /** Writes {@code len} bytes at {@code pos}, growing the file if needed. */
  void write(long pos, byte[] buf, int off, int len);

  /** The current file size in bytes. */
  long size();

  /** Truncates (or never grows) the file to {@code size} bytes. */
  void truncate(long size);

  /** Forces written bytes to durable storage. */
  void sync();

  /** Whether the file was opened read-only; writes then fail with READONLY. */
  boolean isReadOnly();

  @Override
  void close();
}
