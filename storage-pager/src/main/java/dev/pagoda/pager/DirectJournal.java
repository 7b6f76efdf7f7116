package dev.pagoda.pager;

/** {@link Journal#none()}: writes the pages in place, then syncs. */
final class DirectJournal implements Journal {
  static final DirectJournal INSTANCE = new DirectJournal();

  private DirectJournal() {}

  @Override
  public boolean recover(DbFile db) {
    return false;
  }

  @Override
  public void commit(DbFile db, Commit c) {
    writePages(db, c);
    db.sync();
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
  public void close() {}
}
