package dev.pagoda.pager;

/** A MemoryFile whose close() is a no-op, so a test can reopen it. */
final class ReopenableFile implements DbFile {
  final MemoryFile inner = new MemoryFile();

  @Override
  public int read(long pos, byte[] buf, int off, int len) {
    return inner.read(pos, buf, off, len);
  }

  @Override
  public void write(long pos, byte[] buf, int off, int len) {
    inner.write(pos, buf, off, len);
  }

  @Override
  public long size() {
    return inner.size();
  }

  @Override
  public void truncate(long size) {
    inner.truncate(size);
  }

  @Override
  public void sync() {}

  @Override
  public boolean isReadOnly() {
    return false;
  }

  @Override
  public void close() {}
}
