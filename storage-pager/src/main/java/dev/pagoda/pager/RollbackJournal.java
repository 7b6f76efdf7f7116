package dev.pagoda.pager;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;

/**
 * SQLite's rollback journal: before a commit overwrites database pages, their original images go
 * to {@code <db>-journal} and are synced; a journal left behind by a crash (a "hot" journal) is
 * played back on the next open. The file format is SQLite's, byte for byte, so each side rolls back
 * the other's hot journals.
 *
 * <pre>
 * JOURNAL HEADER (at 0, and at later sector boundaries when one journal holds several segments)
 * OFFSET SIZE  MEANING
 *      0    8  magic d9 d5 05 f9 20 a1 63 d7
 *      8    4  record count of this segment; 0xffffffff: "up to the end of the file" (written when
 *              the journal is not synced, synchronous=OFF)
 *     12    4  checksum nonce (random per transaction)
 *     16    4  database size in pages before the transaction (the first header's is used)
 *     20    4  sector size S: the header is padded with zeros to S bytes
 *     24    4  page size P
 *     28  S-28 zero padding
 * PAGE RECORD (the segment's records follow its header)
 *      0    4  page number
 *      4    P  the page's original image
 *    4+P    4  checksum: nonce + the unsigned bytes at offsets P-200, P-400, ... (while &gt; 0)
 * </pre>
 *
 * All integers are big-endian. The next segment header, if any, starts at the first sector
 * boundary after the last record. Playback stops at a record whose checksum does not match, a
 * zero page number or the end of the file; only a page's first record is played back, and pages
 * beyond the original size are skipped; then the database is truncated to the original size.
 *
 * <p>Commit protocol ({@link #commit}; S = sync point): 1. write the header (record count 0, or
 * 0xffffffff at OFF) and the records; 2. FULL: S sync the journal; 3. write the record count into
 * the header; NORMAL, FULL: S sync the journal, and S sync the directory when this commit created
 * the journal; 4. write the pages to the database, truncate it if it shrank; NORMAL, FULL: S sync
 * the database; 5. finalize per journal mode: DELETE deletes the journal (FULL: S sync the
 * directory), TRUNCATE truncates it to 0, PERSIST zeroes its first 28 bytes (FULL: S sync it).
 *
 * <p>One journal serves every pager of its database file; {@link LockingJournal} keeps them apart
 * (commits run under EXCLUSIVE, so one at a time).
 */
public final class RollbackJournal extends LockingJournal {
  /** How the journal is finalized after a commit ({@code PRAGMA journal_mode}). */
  public enum Mode {
    DELETE,
    TRUNCATE,
    PERSIST
  }

  static final byte[] MAGIC = {
    (byte) 0xd9, (byte) 0xd5, 0x05, (byte) 0xf9, 0x20, (byte) 0xa1, 0x63, (byte) 0xd7
  };
  /** The header fields SQLite reads and zeroes (PERSIST). */
  static final int HEADER_FIELDS = 28;
  /** The sector size we write (SQLite's default on unix). */
  public static final int SECTOR_SIZE = 4096;

  private final Vfs vfs;
  private final String name;
  private final Mode mode;
  private volatile Synchronous sync;
  private final Random random;
  private DbFile file;
  private long playedBack;

  /**
   * A journal named {@code name} in {@code vfs}, typically {@code dbName + "-journal"}.
   */
  public RollbackJournal(Vfs vfs, String name, Mode mode, Synchronous sync) {
    this(vfs, name, mode, sync, new SecureRandom());
  }

  /** As the main constructor, drawing checksum nonces from {@code random} (tests). */
  public RollbackJournal(Vfs vfs, String name, Mode mode, Synchronous sync, Random random) {
    this.vfs = vfs;
    this.name = name;
    this.mode = mode;
    this.sync = sync;
    this.random = random;
  }

  /** The journal for database {@code dbName}: {@code dbName + "-journal"}, DELETE, FULL. */
  public static RollbackJournal forDatabase(Vfs vfs, String dbName) {
    return new RollbackJournal(vfs, dbName + "-journal", Mode.DELETE, Synchronous.FULL);
  }

  public String name() {
    return name;
  }

  public Mode mode() {
    return mode;
  }

  @Override
  public Synchronous synchronous() {
    return sync;
  }

  /** The number of page records played back by {@link #recover} calls so far. */
  public long pagesPlayedBack() {
    return playedBack;
  }

  /** The checksum SQLite stores after a page record (pager_cksum). */
  static int checksum(int nonce, byte[] page, int off, int pageSize) {
    int sum = nonce;
    for (int i = pageSize - 200; i > 0; i -= 200) {
      sum += page[off + i] & 0xff;
    }
    return sum;
  }

  @Override
  public void setSynchronous(Synchronous level) {
    sync = level;
  }

  @Override
  public String modeName() {
    return mode.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  void write(DbFile db, Commit c) {
    int ps = c.pageSize();
    int orig = c.originalPageCount();
    // the records: changed pages that existed, and the pages a shrink cuts off
    BitSet journaled = new BitSet();
    for (int i = 0; i < c.size(); i++) {
      if (c.page(i) <= orig) {
        journaled.set(c.page(i));
      }
    }
    if (c.pageCount() < orig) {
      journaled.set(c.pageCount() + 1, orig + 1);
    }
    boolean created = openFile();
    int nonce = random.nextInt();
    byte[] header = new byte[SECTOR_SIZE];
    System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
    BigEndian.putI32(header, 8, sync == Synchronous.OFF ? -1 : 0);
    BigEndian.putI32(header, 12, nonce);
    BigEndian.putI32(header, 16, orig);
    BigEndian.putI32(header, 20, SECTOR_SIZE);
    BigEndian.putI32(header, 24, ps);
    file.write(0, header, 0, header.length);
    byte[] rec = new byte[ps + 8];
    long off = SECTOR_SIZE;
    int n = 0;
    for (int pgno = journaled.nextSetBit(0); pgno >= 0; pgno = journaled.nextSetBit(pgno + 1)) {
      BigEndian.putI32(rec, 0, pgno);
      byte[] o = c.original(pgno);
      if (o != null) {
        System.arraycopy(o, 0, rec, 4, ps);
      } else {
        int got = db.read((long) (pgno - 1) * ps, rec, 4, ps);
        Arrays.fill(rec, 4 + Math.max(got, 0), 4 + ps, (byte) 0);
      }
      BigEndian.putI32(rec, 4 + ps, checksum(nonce, rec, 4, ps));
      file.write(off, rec, 0, rec.length);
      off += rec.length;
      n++;
    }
    if (sync != Synchronous.OFF) {
      if (sync.atLeastFull()) {
        file.sync();
      }
      byte[] count = new byte[4];
      BigEndian.putI32(count, 0, n);
      file.write(8, count, 0, 4);
      file.sync();
      if (created) {
        vfs.syncDirectory(name);
      }
    }
    DirectJournal.writePages(db, c);
    if (sync != Synchronous.OFF) {
      db.sync();
    }
    finish();
  }

  /**
   * At open: plays back a hot journal, unless the file is shared with other processes (a
   * DiskFile): then the check waits for the first SHARED lock ({@link #firstShared}), since a
   * journal beside the file may be another process's live one.
   */
  @Override
  public boolean recover(DbFile db) {
    if (usesProcessLock(db)) {
      return false;
    }
    return playBackIfHot(db);
  }

  @Override
  void undoFailedWrite(DbFile db) {
    playBackIfHot(db);
  }

  /**
   * SHARED was just taken from NONE: a journal beside the file is hot only if no other process
   * holds RESERVED (it would be that writer's live journal); then take EXCLUSIVE and play it back,
   * as SQLite's hasHotJournal and pager_playback do, and come back to SHARED.
   */
  @Override
  void firstShared(DbFile db, ProcessLock lock) {
    if (file == null && !vfs.exists(name)) {
      return;
    }
    if (db.isReadOnly()) {
      recoverReadOnly(db);
      return;
    }
    if (!lock.tryLock(ProcessLock.Level.RESERVED)) {
      return; // another process is writing: its journal is not hot
    }
    try {
      if (!lock.tryLock(ProcessLock.Level.EXCLUSIVE)) {
        throw new StorageException(StorageException.Kind.BUSY,
            "database is locked: a hot journal needs playing back while another process reads");
      }
      playBackIfHot(db);
    } finally {
      lock.unlock(ProcessLock.Level.SHARED);
    }
  }

  private boolean playBackIfHot(DbFile db) {
    if (file == null && !vfs.exists(name)) {
      return false;
    }
    if (db.isReadOnly()) {
      return recoverReadOnly(db);
    }
    openFile();
    long jsize = file.size();
    byte[] first = new byte[1];
    boolean hot = jsize > 0 && file.read(0, first, 0, 1) == 1 && first[0] != 0 && db.size() > 0;
    if (!hot) {
      // an empty or zeroed journal (TRUNCATE, PERSIST), or one beside an empty database
      if (mode == Mode.DELETE || (jsize > 0 && db.size() == 0)) {
        finish();
      }
      return false;
    }
    boolean changed = playBack(db, jsize);
    db.sync();
    finish();
    return changed;
  }

  /** A read-only database cannot be rolled back: refuse to open it beside a hot journal. */
  private boolean recoverReadOnly(DbFile db) {
    try (DbFile j = vfs.open(name, true)) {
      byte[] first = new byte[1];
      if (j.size() > 0 && j.read(0, first, 0, 1) == 1 && first[0] != 0 && db.size() > 0) {
        throw new StorageException(StorageException.Kind.READONLY,
            "a hot journal (" + name + ") needs rolling back, but the database is read-only");
      }
    }
    return false;
  }

  private boolean playBack(DbFile db, long jsize) {
    long off = 0;
    int dbSize = -1;
    int pageSize = 0;
    int sector = 0;
    BitSet done = new BitSet();
    byte[] h = new byte[HEADER_FIELDS];
    boolean changed = false;
    segments:
    while (off + HEADER_FIELDS <= jsize) {
      if (file.read(off, h, 0, HEADER_FIELDS) < HEADER_FIELDS
          || !Arrays.equals(h, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
        break;
      }
      long nRec = BigEndian.i32(h, 8) & 0xffffffffL;
      int nonce = BigEndian.i32(h, 12);
      int ps = BigEndian.i32(h, 24);
      int sec = BigEndian.i32(h, 20);
      if (dbSize < 0) {
        if (ps < 512 || ps > 65536 || Integer.bitCount(ps) != 1
            || sec < 32 || sec > 65536 || Integer.bitCount(sec) != 1) {
          break;
        }
        dbSize = BigEndian.i32(h, 16);
        pageSize = ps;
        sector = sec;
      } else if (ps != pageSize) {
        break;
      }
      long roff = off + sector;
      if (nRec == 0xffffffffL) {
        nRec = Math.max(0, (jsize - roff) / (pageSize + 8));
      }
      byte[] rec = new byte[pageSize + 8];
      for (long i = 0; i < nRec; i++, roff += rec.length) {
        if (file.read(roff, rec, 0, rec.length) < rec.length) {
          break segments;
        }
        int pgno = BigEndian.i32(rec, 0);
        if (pgno <= 0 || BigEndian.i32(rec, 4 + pageSize) != checksum(nonce, rec, 4, pageSize)) {
          break segments;
        }
        if (pgno <= dbSize && !done.get(pgno)) {
          db.write((long) (pgno - 1) * pageSize, rec, 4, pageSize);
          done.set(pgno);
          playedBack++;
          changed = true;
        }
      }
      off = ((roff + sector - 1) / sector) * sector;
    }
    if (dbSize >= 0) {
      long end = (long) dbSize * pageSize;
      if (db.size() != end) {
        if (db.size() > end) {
          db.truncate(end);
        } else if (end > 0) {
          // SQLite's pager_truncate extends a short file to the original size
          db.write(end - 1, new byte[1], 0, 1);
        }
        changed = true;
      }
    }
    return changed;
  }

  /** Opens the journal file if not open; returns whether it had to be created. */
  private boolean openFile() {
    if (file != null) {
      return false;
    }
    boolean existed = vfs.exists(name);
    file = vfs.open(name, false);
    return !existed;
  }

  /** Ends a transaction's journal (or a played-back one) per the journal mode. */
  private void finish() {
    switch (mode) {
      case DELETE -> {
        file.close();
        file = null;
        vfs.delete(name);
        if (sync.atLeastFull()) {
          vfs.syncDirectory(name);
        }
      }
      case TRUNCATE -> {
        file.truncate(0);
        if (sync.atLeastFull()) {
          file.sync();
        }
      }
      case PERSIST -> {
        if (file.size() > 0) {
          file.write(0, new byte[HEADER_FIELDS], 0, HEADER_FIELDS);
          if (sync.atLeastFull()) {
            file.sync();
          }
        }
      }
    }
  }

  @Override
  public void close() {
    if (file != null) {
      DbFile f = file;
      file = null;
      f.close();
    }
  }
}
