package dev.pagoda.pager;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The {@link Vfs} of the local file system: names are paths. */
public final class DiskVfs implements Vfs {
  private static final DiskVfs INSTANCE = new DiskVfs();

  private DiskVfs() {}

  /** The one instance. */
  public static DiskVfs get() {
    return INSTANCE;
  }

  @Override
  public DbFile open(String name, boolean readOnly) {
    return DiskFile.open(Path.of(name), readOnly);
  }

  @Override
  public boolean exists(String name) {
    return Files.exists(Path.of(name));
  }

  @Override
  public void delete(String name) {
    try {
      Files.deleteIfExists(Path.of(name));
    } catch (IOException e) {
      throw new StorageException(StorageException.Kind.IOERR, "delete failed on " + name + ": " + e, e);
    }
  }

  /**
   * Fsyncs the directory holding {@code name}. Where the platform cannot open a directory (Windows)
   * this does nothing: there, the file system orders directory updates itself.
   */
  @Override
  public void syncDirectory(String name) {
    Path dir = Path.of(name).toAbsolutePath().getParent();
    if (dir == null) {
      return;
    }
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not supported for directories on this platform
    }
  }
}
