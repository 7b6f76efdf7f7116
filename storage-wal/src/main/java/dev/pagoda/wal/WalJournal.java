package dev.pagoda.wal;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.Checkpoint;
import dev.pagoda.pager.CheckpointMode;
import dev.pagoda.pager.DbFile;
import dev.pagoda.pager.DiskFile;
import dev.pagoda.pager.Journal;
import dev.pagoda.pager.ProcessLock;
import dev.pagoda.pager.JournalFactory;
import dev.pagoda.pager.StorageException;
import dev.pagoda.pager.Synchronous;
import dev.pagoda.pager.Vfs;
import dev.pagoda.pager.WalProcessLock;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * SQLite's write-ahead log as the pager's {@link Journal}: commits append frames to {@code
 * <db>-wal}, readers keep a snapshot (the last commit frame at their start) and never wait for the
 * writer, checkpoints copy frames back into the database file. One instance serves every pager of
 * its database file in this JVM and is thread-safe; the wal-index lives in memory (no {@code -shm}
 * file), so other processes are not coordinated with.
 *
 * <p>The pieces: {@link WalCoordinator} (state, readers, writer lock, waits), {@link WalIndex}
 * (page to frames), {@link WalWriter} (commit), {@link WalCheckpointer}, {@link WalFile}; the file
 * format is {@link WalHeader}, {@link WalFrameHeader}, {@link WalChecksum}, {@link WalReader}.
 */
public final class WalJournal implements Journal {
  /** SQLite's default {@code wal_autocheckpoint}: a PASSIVE checkpoint once the WAL has 1000 frames. */
  public static final int DEFAULT_AUTOCHECKPOINT = 1000;

  private final WalFile walFile;
  private final WalCoordinator co = new WalCoordinator();
  private final WalWriter writer = new WalWriter();
  private final WalCheckpointer checkpointer;
  private final ReentrantLock recoverLock = new ReentrantLock();
  private volatile Synchronous sync;
  private volatile int autoCheckpoint = DEFAULT_AUTOCHECKPOINT;
  /** The database file, as last passed in: close() checkpoints into it. */
  private volatile DbFile db;
  private volatile RuntimeException lastCheckpointFailure;
  /** The database file's lock between processes, held from recovery to close (disk files). */
  private ProcessLock processLock;
  /** The DMS byte of {@code <db>-shm}, held likewise, so that SQLite stays out of the WAL. */
  private WalProcessLock shmLock;

  /** A WAL journal for database {@code dbName} of {@code vfs}; the WAL is {@code dbName + "-wal"}. */
  public WalJournal(Vfs vfs, String dbName, Synchronous sync) {
    this.walFile = new WalFile(vfs, dbName + "-wal");
    this.checkpointer = new WalCheckpointer(co, walFile);
    this.sync = sync;
  }

  /** Opens WAL journals: {@code WalJournal::new}. */
  public static JournalFactory factory() {
    return WalJournal::new;
  }

  /** {@code PRAGMA wal_autocheckpoint}: frames after which a commit checkpoints; &lt;= 0: never. */
  public void setAutoCheckpoint(int pages) {
    autoCheckpoint = pages;
  }

  public int autoCheckpoint() {
    return autoCheckpoint;
  }

  /** The name of the WAL file. */
  public String walName() {
    return walFile.name();
  }

  /** The failure of the last automatic or closing checkpoint that failed (they do not throw). */
  public RuntimeException lastCheckpointFailure() {
    return lastCheckpointFailure;
  }

  @Override
  public boolean recover(DbFile file) {
    db = file;
    recoverLock.lock();
    try {
      if (co.isRecovered()) {
        return false;
      }
      lockOutOtherProcesses(file);
      DbFile wal = walFile.openExisting(file.isReadOnly());
      WalState st = wal == null ? WalState.empty(null, 0) : index(file, WalReader.scan(wal));
      co.recovered(st);
      return st.maxFrame() > 0;
    } finally {
      recoverLock.unlock();
    }
  }

  /**
   * The wal-index lives in this JVM's memory, not in a {@code -shm} file, so no other process may
   * use the database meanwhile: take EXCLUSIVE on the database file (SQLite's readers need SHARED)
   * and the DMS byte of the shm file (every SQLite connection with the WAL open holds it), or fail
   * with BUSY naming the reason. A read-only file takes SHARED only: no other process can then
   * commit in rollback mode, but a WAL writer elsewhere is not detected.
   */
  private void lockOutOtherProcesses(DbFile file) {
    if (!(file instanceof DiskFile disk)) {
      return;
    }
    ProcessLock pl = disk.processLock();
    pl.lock(ProcessLock.Level.SHARED);
    processLock = pl;
    if (file.isReadOnly()) {
      return;
    }
    if (!pl.tryLock(ProcessLock.Level.EXCLUSIVE)) {
      releaseProcessLocks();
      throw new StorageException(StorageException.Kind.BUSY, "database is locked: another process"
          + " has it open, and Pagoda's WAL mode needs the file to itself");
    }
    WalProcessLock shm = WalProcessLock.open(disk.path());
    if (!shm.tryLockExclusive()) {
      shm.close();
      releaseProcessLocks();
      throw new StorageException(StorageException.Kind.BUSY, "database is locked: another process"
          + " has its WAL open (" + shm.path() + ")");
    }
    shmLock = shm;
  }

  private void releaseProcessLocks() {
    WalProcessLock shm = shmLock;
    shmLock = null;
    if (shm != null) {
      shm.close();
    }
    ProcessLock pl = processLock;
    processLock = null;
    if (pl != null) {
      try {
        pl.unlock(ProcessLock.Level.NONE);
      } catch (StorageException e) {
        // the file is closing or closed: its locks go with it
      }
    }
  }

  /** The state of a scanned WAL: its committed prefix, indexed commit by commit. */
  private static WalState index(DbFile file, WalScan scan) {
    WalHeader h = scan.header().orElse(null);
    if (scan.maxFrame() == 0) {
      return WalState.empty(h, 0);
    }
    int dbPageSize = databasePageSize(file);
    if (dbPageSize != 0 && dbPageSize != h.pageSize()) {
      throw new StorageException(StorageException.Kind.CORRUPT, "the WAL's page size "
          + h.pageSize() + " differs from the database's " + dbPageSize);
    }
    WalIndex index = new WalIndex(0);
    List<WalFrame> frames = scan.frames();
    int[] pages = new int[frames.size()];
    int n = 0;
    for (WalFrame f : frames) {
      pages[n++] = f.pageNumber();
      if (f.isCommit()) {
        index.append(f.frameNumber() - n + 1, pages, n, f.commitSize());
        n = 0;
      }
    }
    return new WalState(index, h, scan.maxFrame(), scan.databaseSize(), scan.checksum(), 0);
  }

  /** The page size in the database file's header, 0 when the file has no valid one (yet). */
  private static int databasePageSize(DbFile file) {
    byte[] b = new byte[2];
    if (file.size() < 18 || file.read(16, b, 0, 2) < 2) {
      return 0;
    }
    int ps = BigEndian.u16(b, 0);
    ps = ps == 1 ? 65536 : ps;
    return WalHeader.isPageSize(ps) ? ps : 0;
  }

  @Override
  public Snapshot beginRead(DbFile file, long busyTimeoutMillis) {
    if (!co.isRecovered()) {
      recover(file);
    }
    db = file;
    return co.beginRead();
  }

  @Override
  public void endRead(Snapshot s) {
    co.endRead(snapshot(s));
  }

  @Override
  public boolean readPage(DbFile file, Snapshot s, int pgno, byte[] buf) {
    WalSnapshot w = snapshot(s);
    if (w.fileOnly()) {
      return false;
    }
    WalState st = w.state();
    if (st.index() != co.state().index()) {
      // an older generation: it was fully backfilled before the restart, and no checkpoint of a
      // later one writes the file while this reader lives, so the file holds its pages
      return false;
    }
    int frame = st.index().find(pgno, st.maxFrame());
    if (frame == 0) {
      return false;
    }
    walFile.readPage(frame, st.header().pageSize(), buf);
    return true;
  }

  @Override
  public int pageCount(Snapshot s) {
    WalSnapshot w = snapshot(s);
    return w.fileOnly() ? 0 : w.state().dbSize();
  }

  @Override
  public int pageSize() {
    return co.state().pageSize();
  }

  @Override
  public boolean changedPages(Snapshot from, Snapshot to, IntConsumer changed) {
    if (!(from instanceof WalSnapshot a) || !(to instanceof WalSnapshot b)) {
      return false;
    }
    if (a.version() == b.version()) {
      return true;
    }
    int after;
    if (a.version() > b.version()) {
      return false;
    } else if (a.index() == b.index()) {
      after = a.maxFrame();
    } else if (b.index().baseVersion() == a.version()) {
      after = 0; // b's generation started from a's content
    } else {
      return false;
    }
    changed.accept(1);
    for (int pgno : b.index().pagesBetween(after, b.maxFrame())) {
      if (pgno != 1) {
        changed.accept(pgno);
      }
    }
    return true;
  }

  @Override
  public void beginWrite(DbFile file, Snapshot s, long busyTimeoutMillis) {
    if (file.isReadOnly() || walFile.isReadOnly()) {
      throw new StorageException(StorageException.Kind.READONLY, "the database is read-only");
    }
    db = file;
    co.acquireWriter(snapshot(s), busyTimeoutMillis);
  }

  @Override
  public Snapshot commit(DbFile file, Snapshot s, Commit c, long busyTimeoutMillis) {
    WalSnapshot w = snapshot(s);
    co.checkWriter(w);
    if (c.size() == 0) {
      return w;
    }
    Synchronous level = sync;
    DbFile wal = walFile.forWriting(level);
    WalState next = writer.append(wal, co.prepareAppend(w), c, level);
    WalSnapshot mine = co.publishCommit(w, next);
    int auto = autoCheckpoint;
    if (auto > 0 && next.maxFrame() >= auto) {
      try {
        checkpointer.run(file, CheckpointMode.PASSIVE, 0, level);
      } catch (RuntimeException e) {
        lastCheckpointFailure = e; // the commit is published (and durable as promised) already
      }
    }
    return mine;
  }

  @Override
  public void endWrite(Snapshot s) {
    co.releaseWriter(snapshot(s));
  }

  @Override
  public Checkpoint checkpoint(DbFile file, CheckpointMode mode, long busyTimeoutMillis) {
    if (file.isReadOnly()) {
      throw new StorageException(StorageException.Kind.READONLY, "the database is read-only");
    }
    db = file;
    return checkpointer.run(file, mode, busyTimeoutMillis, sync);
  }

  @Override
  public Synchronous synchronous() {
    return sync;
  }

  @Override
  public void setSynchronous(Synchronous level) {
    sync = level;
  }

  @Override
  public String modeName() {
    return "wal";
  }

  /**
   * When no reader is left: checkpoints every frame, syncs the database, deletes the WAL and syncs
   * the directory, as SQLite does when the last connection closes. When the checkpoint fails the
   * WAL is kept (it still holds committed data; the next open recovers it) and the failure is
   * recorded ({@link #lastCheckpointFailure()}), not thrown.
   */
  @Override
  public void close() {
    try {
      closeWal();
    } finally {
      releaseProcessLocks();
    }
  }

  private void closeWal() {
    boolean idle = co.close();
    DbFile file = db;
    if (!idle || !co.isRecovered() || walFile.file() == null || file == null
        || file.isReadOnly() || walFile.isReadOnly()) {
      // readers left, a WAL that failed recovery, or nothing writable: keep the WAL as it is
      walFile.closeQuietly();
      return;
    }
    Synchronous level = sync;
    try {
      checkpointer.copyAll(file, level);
      walFile.delete(level);
    } catch (RuntimeException e) {
      lastCheckpointFailure = e;
      walFile.closeQuietly();
    }
  }

  private static WalSnapshot snapshot(Snapshot s) {
    if (s instanceof WalSnapshot w) {
      return w;
    }
    throw new StorageException(StorageException.Kind.MISUSE, "not a WAL snapshot: " + s);
  }
}
