package dev.pagoda.wal;

import dev.pagoda.pager.DbFile;
import dev.pagoda.pager.MemoryVfs;
import dev.pagoda.pager.Vfs;
import java.util.List;

/** A Vfs over a MemoryVfs that logs syncs: "dir", "wal" (a -wal file) or "db" (any other). */
final class SyncVfs implements Vfs {
  private final MemoryVfs disk;
  private final List<String> log;

  SyncVfs(MemoryVfs disk, List<String> log) {
    this.disk = disk;
    this.log = log;
  }

  @Override
  public DbFile open(String name, boolean readOnly) {
    DbFile f = disk.open(name, readOnly);
    String tag = name.endsWith("-wal") ? "wal" : "db";
    return new DbFile() {
      @Override
      public int read(long pos, byte[] buf, int off, int len) {
        return f.read(pos, buf, off, len);
      }

      @Override
      public void write(long pos, byte[] buf, int off, int len) {
        f.write(pos, buf, off, len);
      }

      @Override
      public long size() {
        return f.size();
      }

      @Override
      public void truncate(long size) {
        f.truncate(size);
      }

      @Override
      public void sync() {
        log.add(tag);
        f.sync();
      }

      @Override
      public boolean isReadOnly() {
        return f.isReadOnly();
      }

      @Override
      public void close() {
        f.close();
      }
    };
  }

  @Override
  public boolean exists(String name) {
    return disk.exists(name);
  }

  @Override
  public void delete(String name) {
    disk.delete(name);
  }

  @Override
  public void syncDirectory(String name) {
    log.add("dir");
  }
}
