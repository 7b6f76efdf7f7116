package dev.pagoda.pager;

/**
 * The files around a database: the database itself and its siblings (the rollback journal
 * {@code <db>-journal}; later the {@code -wal} file). Names are opaque strings the implementation
 * resolves (paths for {@link DiskVfs}, map keys for {@link MemoryVfs}).
 *
 * <p>Directory semantics, as a crash sees them: creating or deleting a file is durable only after
 * {@link #syncDirectory} of its directory. A crash before that may bring a deleted file back or make
 * a created one vanish (the test kit's {@code FaultyVfs} models exactly this).
 */
public interface Vfs {
  /**
   * Opens {@code name}; when not read-only, creates the file if it is missing.
   *
   * @throws StorageException CANTOPEN when the file cannot be opened
   */
  DbFile open(String name, boolean readOnly);

  /** Whether {@code name} exists. */
  boolean exists(String name);

  /** Deletes {@code name}; deleting a missing file does nothing. */
  void delete(String name);

  /** Makes the creation and deletion of files in {@code name}'s directory durable. */
  void syncDirectory(String name);
}
