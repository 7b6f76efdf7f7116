package dev.pagoda.pager;

import java.util.Arrays;

/** A growable in-memory {@link DbFile}, used for {@code ":memory:"} databases and tests. */
public final class MemoryFile implements DbFile {
  private byte[] bytes = new byte[0];
  private int size;
  private boolean closed;

  public MemoryFile() {}

  @Override
  public synchronized int read(long pos, byte[] buf, int off, int len) {
    checkOpen();
    if (pos >= size) {
      return 0;
    }
    int n = (int) Math.min(len, size - pos);
    System.arraycopy(bytes, (int) pos, buf, off, n);
    return n;
  }

  @Override
  public synchronized void write(long pos, byte[] buf, int off, int len) {
    checkOpen();
    long end = pos + len;
    if (end > Integer.MAX_VALUE - 8) {
      throw new StorageException(StorageException.Kind.FULL, "in-memory database too large");
    }
    if (end > bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) Math.max(end, Math.min(Integer.MAX_VALUE - 8L, bytes.length * 2L)));
    }
    System.arraycopy(buf, off, bytes, (int) pos, len);
    if (end > size) {
      size = (int) end;
    }
  }

  @Override
  public synchronized long size() {
    return size;
  }

  @Override
  public synchronized void truncate(long newSize) {
    checkOpen();
    if (newSize < size) {
      Arrays.fill(bytes, (int) newSize, size, (byte) 0);
      size = (int) newSize;
    }
  }

  @Override
  public void sync() {}

  @Override
  public boolean isReadOnly() {
    return false;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  private void checkOpen() {
    if (closed) {
      throw new StorageException(StorageException.Kind.MISUSE, "file is closed");
    }
  }
}
