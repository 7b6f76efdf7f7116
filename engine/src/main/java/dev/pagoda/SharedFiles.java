package dev.pagoda;

import dev.pagoda.pager.PagerFile;
import dev.pagoda.spi.ResultCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One {@link PagerFile} per database file per JVM: {@link Database}s opened on the same file (by
 * any path that resolves to it) share it, and with it the journal, the WAL index and the locks,
 * as the design asks (POSIX locks belong to the process, so two independent openings of one file
 * in one JVM could not keep each other out). The file closes when its last Database does.
 *
 * <p>The first opening decides the journal mode and synchronous level of a new file; a later
 * read-write opening of a file first opened read-only is refused (CANTOPEN). Thread-safe.
 */
final class SharedFiles {
  private static final ReentrantLock LOCK = new ReentrantLock();
  private static final Map<Path, Entry> OPEN = new HashMap<>();

  private SharedFiles() {}

  /** A Database's share of a file; {@link #release} once. */
  interface Handle {
    PagerFile file();

    void release();
  }

  private static final class Entry {
    final Path key;
    final PagerFile file;
    final boolean readOnly;
    int users;

    Entry(Path key, PagerFile file, boolean readOnly) {
      this.key = key;
      this.file = file;
      this.readOnly = readOnly;
    }
  }

  /** A handle that owns {@code file} alone (memory files, test file systems). */
  static Handle unshared(PagerFile file) {
    return new Handle() {
      @Override
      public PagerFile file() {
        return file;
      }

      @Override
      public void release() {
        file.close();
      }
    };
  }

  /**
   * The shared file for {@code path}, opened with {@code opener} when no Database of this JVM has
   * it open.
   */
  static Handle acquire(Path path, boolean readOnly, Supplier<PagerFile> opener) {
    Path key = key(path);
    LOCK.lock();
    try {
      Entry e = OPEN.get(key);
      if (e == null) {
        e = new Entry(key, opener.get(), readOnly);
        OPEN.put(key, e);
      } else if (e.readOnly && !readOnly) {
        throw new PagodaException(ResultCode.CANTOPEN, "unable to open database file: " + path
            + " is open read-only in this process; close it before opening it for writing");
      }
      e.users++;
      Entry entry = e;
      return new Handle() {
        private boolean released;

        @Override
        public PagerFile file() {
          return entry.file;
        }

        @Override
        public void release() {
          if (!released) {
            released = true;
            SharedFiles.release(entry);
          }
        }
      };
    } finally {
      LOCK.unlock();
    }
  }

  private static void release(Entry e) {
    LOCK.lock();
    try {
      if (--e.users > 0) {
        return;
      }
      OPEN.remove(e.key);
      e.file.close();
    } finally {
      LOCK.unlock();
    }
  }

  /** The file's identity: its real path, or its real folder and name when it does not exist yet. */
  static Path key(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    try {
      if (Files.exists(abs)) {
        return abs.toRealPath();
      }
      Path parent = abs.getParent();
      if (parent != null && Files.exists(parent)) {
        return parent.toRealPath().resolve(abs.getFileName());
      }
    } catch (IOException e) {
      // fall back to the normalized absolute path
    }
    return abs;
  }
}
