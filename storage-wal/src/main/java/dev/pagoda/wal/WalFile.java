package dev.pagoda.wal;

import dev.pagoda.pager.DbFile;
import dev.pagoda.pager.StorageException;
import dev.pagoda.pager.Synchronous;
import dev.pagoda.pager.Vfs;

/**
 * The {@code -wal} file of one database: opened at recovery when it exists, created by the first
 * commit that needs it (its directory entry synced unless synchronous is OFF), deleted when the
 * journal closes after a complete checkpoint. Page reads of many readers go through one handle at
 * once (positional reads); only the writer, a checkpoint and {@code close} open, truncate or
 * delete it, and they are serialised by the journal.
 */
final class WalFile {
  private final Vfs vfs;
  private final String name;
  private volatile DbFile file;
  private volatile boolean readOnly;

  WalFile(Vfs vfs, String name) {
    this.vfs = vfs;
    this.name = name;
  }

  String name() {
    return name;
  }

  /** The open handle, or null when the WAL was not opened (it did not exist and nothing wrote). */
  DbFile file() {
    return file;
  }

  boolean isReadOnly() {
    return readOnly;
  }

  /** Opens the WAL if it exists (at recovery); null when there is none. */
  DbFile openExisting(boolean openReadOnly) {
    if (file == null && vfs.exists(name)) {
      readOnly = openReadOnly;
      file = vfs.open(name, openReadOnly);
    }
    return file;
  }

  /**
   * The handle to append to, opening or creating the file; a new file's directory entry is synced
   * (unless {@code sync} is OFF) before anything is written to it.
   */
  DbFile forWriting(Synchronous sync) {
    DbFile f = file;
    if (f != null) {
      if (readOnly) {
        throw new StorageException(StorageException.Kind.READONLY, "the WAL is read-only: " + name);
      }
      return f;
    }
    boolean created = !vfs.exists(name);
    f = vfs.open(name, false);
    readOnly = false;
    file = f;
    if (created && sync != Synchronous.OFF) {
      vfs.syncDirectory(name);
    }
    return f;
  }

  /** Reads the page image of frame {@code frame} into {@code buf[0, pageSize)}. */
  void readPage(int frame, int pageSize, byte[] buf) {
    if (buf.length < pageSize) {
      throw new StorageException(
          StorageException.Kind.MISUSE, "buffer of " + buf.length + " bytes for a page of " + pageSize);
    }
    DbFile f = file;
    long pos = WalFrameHeader.frameOffset(frame, pageSize) + WalFrameHeader.SIZE;
    int done = 0;
    while (done < pageSize) {
      int n = f.read(pos + done, buf, done, pageSize - done);
      if (n <= 0) {
        throw new StorageException(
            StorageException.Kind.CORRUPT, "WAL " + name + " ends inside frame " + frame);
      }
      done += n;
    }
  }

  /** Closes the handle and deletes the file, then syncs the directory (unless OFF). */
  void delete(Synchronous sync) {
    closeQuietly();
    vfs.delete(name);
    if (sync != Synchronous.OFF) {
      vfs.syncDirectory(name);
    }
  }

  /** Closes the handle (the file stays); errors are ignored: nothing is left to do with it. */
  void closeQuietly() {
    DbFile f = file;
    file = null;
    if (f != null) {
      try {
        f.close();
      } catch (RuntimeException e) {
        // a handle that cannot close holds nothing unsynced we could save
      }
    }
  }
}
