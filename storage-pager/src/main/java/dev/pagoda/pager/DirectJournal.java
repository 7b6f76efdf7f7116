package dev.pagoda.pager;

/**
 * {@link Journal#none()}: writes the pages in place, then syncs (unless OFF). No crash safety;
 * readers and the writer are still kept apart by the lock levels of {@link LockingJournal}.
 */
final class DirectJournal extends LockingJournal {
  private volatile Synchronous sync = Synchronous.FULL;

  @Override
  public boolean recover(DbFile db) {
    return false;
  }

  @Override
  void write(DbFile db, Commit c) {
    writePages(db, c);
    if (sync != Synchronous.OFF) {
      db.sync();
    }
  }

  /** Writes the pages of {@code c} and truncates {@code db} when it shrank. */
  static void writePages(DbFile db, Commit c) {
    for (int i = 0; i < c.size(); i++) {
      db.write((long) (c.page(i) - 1) * c.pageSize(), c.data(i), 0, c.pageSize());
    }
    long end = (long) c.pageCount() * c.pageSize();
    if (db.size() > end) {
      db.truncate(end);
    }
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
    return "memory";
  }

  @Override
  public void close() {}
}
