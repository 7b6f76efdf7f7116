package dev.pagoda.pager;

/** A failure of the storage layer, classified by {@link Kind} (mirrors SQLite result codes). */
public final class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Classification of a storage failure. */
  public enum Kind {
    /** An operating-system I/O error. */
    IOERR,
    /** The database image is malformed. */
    CORRUPT,
    /** A write was attempted on a read-only database. */
    READONLY,
    /** The database or disk is full. */
    FULL,
    /** The database is locked by someone else. */
    BUSY,
    /**
     * A read transaction tried to write after another connection committed: its snapshot is no
     * longer the latest (SQLite's SQLITE_BUSY_SNAPSHOT); it must end and start again.
     */
    BUSY_SNAPSHOT,
    /** The file could not be opened. */
    CANTOPEN,
    /** The file is not a database. */
    NOTADB,
    /** The API was used incorrectly. */
    MISUSE
  }

  private final Kind kind;

  public StorageException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public StorageException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  static StorageException corrupt(String message) {
    return new StorageException(Kind.CORRUPT, message);
  }
}
