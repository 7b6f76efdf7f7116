package dev.pagoda.spi;

/**
 * SQLite's result codes, primary and extended, with their numeric values as {@code sqlite3.h}
 * defines them. An extended code's low byte is its primary code.
 */
public enum ResultCode {
  OK(0),
  ERROR(1),
  INTERNAL(2),
  PERM(3),
  ABORT(4),
  BUSY(5),
  LOCKED(6),
  NOMEM(7),
  READONLY(8),
  INTERRUPT(9),
  IOERR(10),
  CORRUPT(11),
  NOTFOUND(12),
  FULL(13),
  CANTOPEN(14),
  PROTOCOL(15),
  EMPTY(16),
  SCHEMA(17),
  TOOBIG(18),
  CONSTRAINT(19),
  MISMATCH(20),
  MISUSE(21),
  NOLFS(22),
  AUTH(23),
  FORMAT(24),
  RANGE(25),
  NOTADB(26),
  NOTICE(27),
  WARNING(28),
  ROW(100),
  DONE(101),

  BUSY_RECOVERY(5 | (1 << 8)),
  BUSY_SNAPSHOT(5 | (2 << 8)),
  BUSY_TIMEOUT(5 | (3 << 8)),
  IOERR_READ(10 | (1 << 8)),
  IOERR_SHORT_READ(10 | (2 << 8)),
  IOERR_WRITE(10 | (3 << 8)),
  IOERR_FSYNC(10 | (4 << 8)),
  IOERR_TRUNCATE(10 | (6 << 8)),
  CONSTRAINT_CHECK(19 | (1 << 8)),
  CONSTRAINT_FOREIGNKEY(19 | (3 << 8)),
  CONSTRAINT_NOTNULL(19 | (5 << 8)),
  CONSTRAINT_PRIMARYKEY(19 | (6 << 8)),
  CONSTRAINT_TRIGGER(19 | (7 << 8)),
  CONSTRAINT_UNIQUE(19 | (8 << 8)),
  CONSTRAINT_ROWID(19 | (10 << 8)),
  READONLY_DBMOVED(8 | (4 << 8));

  private final int code;

  ResultCode(int code) {
    this.code = code;
  }

  /** The numeric code, extended where this constant is an extended code. */
  public int code() {
    return code;
  }

  /** The primary code: this constant itself, or the primary code an extended code refines. */
  public ResultCode primary() {
    int primary = code & 0xff;
    for (ResultCode rc : values()) {
      if (rc.code == primary) {
        return rc;
      }
    }
    throw new AssertionError("no primary code for " + this);
  }
}
