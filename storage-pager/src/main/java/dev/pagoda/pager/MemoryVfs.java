package dev.pagoda.pager;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link Vfs} of {@link MemoryFile}s kept in a map: files outlive the handles {@link #open}
 * returns (closing a handle does not drop the bytes), so a test can close a pager and reopen the
 * same files, journal included. Directory syncs do nothing. Thread-safe.
 */
public final class MemoryVfs implements Vfs {
  private final Map<String, MemoryFile> files = new HashMap<>();

  public MemoryVfs() {}

  @Override
  public synchronized DbFile open(String name, boolean readOnly) {
    MemoryFile f = files.get(name);
    if (f == null) {
      if (readOnly) {
        throw new StorageException(StorageException.Kind.CANTOPEN, "no such file: " + name);
      }
      f = new MemoryFile();
      files.put(name, f);
    }
    return new Handle(f, readOnly);
  }

  @Override
  public synchronized boolean exists(String name) {
    return files.containsKey(name);
  }

  @Override
  public synchronized void delete(String name) {
    files.remove(name);
  }

  @Override
  public void syncDirectory(String name) {}

  /** The names of the files, sorted. */
  public synchronized Set<String> names() {
    return new TreeSet<>(files.keySet());
  }

  /** A copy of the bytes of {@code name}, or null when it does not exist. */
  public synchronized byte[] contents(String name) {
    MemoryFile f = files.get(name);
    if (f == null) {
      return null;
    }
    byte[] b = new byte[(int) f.size()];
    f.read(0, b, 0, b.length);
    return b;
  }

  /** Creates or replaces {@code name} with a copy of {@code bytes}. */
  public synchronized void put(String name, byte[] bytes) {
    MemoryFile f = new MemoryFile();
    f.write(0, bytes, 0, bytes.length);
    files.put(name, f);
  }

  /** A handle on a stored file; closing it leaves the file in the map. */
  private static final class Handle implements DbFile {
    private final MemoryFile file;
    private final boolean readOnly;
    private boolean closed;

    Handle(MemoryFile file, boolean readOnly) {
      this.file = file;
      this.readOnly = readOnly;
    }

    @Override
    public int read(long pos, byte[] buf, int off, int len) {
      checkOpen();
      return file.read(pos, buf, off, len);
    }

    @Override
    public void write(long pos, byte[] buf, int off, int len) {
      checkWritable();
      file.write(pos, buf, off, len);
    }

    @Override
    public long size() {
      return file.size();
    }

    @Override
    public void truncate(long size) {
      checkWritable();
      file.truncate(size);
    }

    @Override
    public void sync() {
      checkOpen();
    }

    @Override
    public boolean isReadOnly() {
      return readOnly;
    }

    @Override
    public void close() {
      closed = true;
    }

    private void checkOpen() {
      if (closed) {
        throw new StorageException(StorageException.Kind.MISUSE, "file is closed");
      }
    }

    private void checkWritable() {
      checkOpen();
      if (readOnly) {
        throw new StorageException(StorageException.Kind.READONLY, "file is read-only");
      }
    }
  }
}
