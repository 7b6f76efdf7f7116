package dev.pagoda.pager;

/**
 * Makes a database's journal of one kind. Storage modules above the pager (storage-wal) plug
 * their journal into {@link PagerFile} this way, since the pager cannot depend on them.
 */
@FunctionalInterface
public interface JournalFactory {
  /**
   * A journal for database {@code dbName} of {@code vfs} (its sibling files are named from it:
   * {@code dbName + "-wal"}, {@code dbName + "-journal"}), syncing at {@code sync}.
   */
  Journal open(Vfs vfs, String dbName, Synchronous sync);
}
