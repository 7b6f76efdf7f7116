package dev.pagoda;

import dev.pagoda.pager.Checkpoint;
import dev.pagoda.pager.CheckpointMode;
import dev.pagoda.pager.DbFile;
import dev.pagoda.pager.Journal;
import dev.pagoda.pager.JournalFactory;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerFile;
import dev.pagoda.pager.RollbackJournal;
import dev.pagoda.pager.Synchronous;
import dev.pagoda.pager.Vfs;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.wal.WalJournal;
import java.util.Locale;

/**
 * Which journal a database file gets, and {@code PRAGMA journal_mode} switching between them, as
 * SQLite does it.
 *
 * <ul>
 *   <li>At open: a file whose header says WAL (bytes 18 and 19 are 2), or beside which a {@code
 *       -wal} file exists, gets the WAL; a new (empty) file gets the mode of {@link
 *       Database.Options#journalMode()} (WAL unless configured otherwise); any other file a
 *       rollback journal in DELETE mode.
 *   <li>Switching among DELETE, TRUNCATE and PERSIST replaces the rollback journal.
 *   <li>Into WAL: the WAL journal replaces the rollback journal, and a commit through it writes the
 *       header's version bytes (2) in a WAL frame: from then on the file opens in WAL mode.
 *   <li>Out of WAL: a TRUNCATE checkpoint copies every frame back (if a reader prevents it, the
 *       mode stays WAL, which is what the pragma then answers, as in SQLite); the rollback journal
 *       replaces the WAL, whose file is deleted, and a commit writes version bytes 1.
 *   <li>MEMORY and OFF are not offered (no crash safety): the pragma answers the current mode,
 *       SQLite's way of saying that the change did not happen. In-memory databases are always
 *       {@code memory}.
 * </ul>
 *
 * <p>Switching needs the connection outside any transaction ("cannot change into wal mode from
 * within a transaction") and, unlike SQLite, to be the database's only connection (else BUSY).
 */
final class JournalModes {
  static final JournalFactory WAL = WalJournal.factory();

  private JournalModes() {}

  /** The journal for an on-disk database file opened now. */
  static Journal forOpen(Vfs vfs, String name, DbFile file, Database.Options options) {
    Synchronous sync = options.synchronousLevel();
    if (vfs.exists(name + "-wal") || headerSaysWal(file)) {
      return WAL.open(vfs, name, sync);
    }
    if (file.size() == 0 && !file.isReadOnly()) {
      return open(vfs, name, options.journalMode(), sync);
    }
    return new RollbackJournal(vfs, name + "-journal", RollbackJournal.Mode.DELETE, sync);
  }

  private static boolean headerSaysWal(DbFile file) {
    byte[] b = new byte[2];
    return file.size() >= 100 && file.read(18, b, 0, 2) == 2 && (b[0] == 2 || b[1] == 2);
  }

  /** A journal of mode {@code mode} (delete, truncate, persist, wal). */
  static Journal open(Vfs vfs, String name, String mode, Synchronous sync) {
    if (mode.equals("wal")) {
      return WAL.open(vfs, name, sync);
    }
    RollbackJournal.Mode m = RollbackJournal.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
    return new RollbackJournal(vfs, name + "-journal", m, sync);
  }

  /** Whether {@code mode} is a journal mode name this engine can switch to. */
  static boolean isSupported(String mode) {
    return switch (mode) {
      case "delete", "truncate", "persist", "wal" -> true;
      default -> false;
    };
  }

  /**
   * {@code PRAGMA journal_mode = mode} on {@code conn}: switches if it can and returns the mode in
   * force afterwards. Connection lock held, outside any read transaction.
   */
  static String change(Connection conn, String requested) {
    Database db = conn.db();
    PagerFile file = db.file();
    String current = file.journal().modeName();
    String mode = requested.toLowerCase(Locale.ROOT);
    if (db.vfs() == null || !isSupported(mode) || mode.equals(current)) {
      return current;
    }
    boolean intoWal = mode.equals("wal");
    boolean outOfWal = current.equals("wal");
    if (!conn.isAutoCommit()) {
      if (intoWal || outOfWal) {
        throw new PagodaException(ResultCode.ERROR, "cannot change " + (intoWal ? "into" : "out of")
            + " wal mode from within a transaction");
      }
    }
    if (file.openPagers() > 1) {
      throw new PagodaException(ResultCode.BUSY,
          "database is locked: other connections are open (changing the journal mode needs the only"
              + " connection)");
    }
    Pager pager = conn.pager();
    Synchronous sync = file.journal().synchronous();
    if (outOfWal) {
      Checkpoint cp = file.journal().checkpoint(file.file(), CheckpointMode.TRUNCATE,
          pager.busyTimeout());
      if (cp.busy()) {
        return current;
      }
    }
    Journal next = open(db.vfs(), db.name(), mode, sync);
    try {
      next.recover(file.file());
    } catch (RuntimeException e) {
      next.close();
      throw e;
    }
    file.replaceJournal(next).close();
    db.applyAutoCheckpoint();
    if ((intoWal || outOfWal) && !pager.isNewDatabase()) {
      // the header's version bytes say which mode the file is in: commit them through the new one
      pager.beginWrite();
      try {
        pager.markHeaderDirty();
        pager.commit();
      } catch (RuntimeException e) {
        if (pager.inWriteTransaction()) {
          pager.rollback();
        }
        throw e;
      }
    }
    return mode;
  }
}
