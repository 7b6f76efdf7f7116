package dev.pagoda;

import dev.pagoda.pager.StorageException;
import dev.pagoda.parser.ParseException;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.SqlException;

/** Turns what the layers below throw into the one exception of the API. */
final class Errors {
  private Errors() {}

  static PagodaException translate(RuntimeException e) {
    if (e instanceof PagodaException p) {
      return p;
    }
    if (e instanceof SqlException s) {
      return new PagodaException(s.code(), s.getMessage(), s);
    }
    if (e instanceof ParseException p) {
      return new PagodaException(ResultCode.ERROR, p.getMessage(), p);
    }
    if (e instanceof StorageException s) {
      return storage(s);
    }
    return new PagodaException(
        ResultCode.INTERNAL, "internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
  }

  private static PagodaException storage(StorageException s) {
    return switch (s.kind()) {
      case IOERR -> new PagodaException(ResultCode.IOERR, "disk I/O error: " + s.getMessage(), s);
      case CORRUPT -> new PagodaException(ResultCode.CORRUPT, "database disk image is malformed", s);
      case READONLY -> new PagodaException(
          ResultCode.READONLY, "attempt to write a readonly database (" + s.getMessage() + ")", s);
      case FULL -> new PagodaException(ResultCode.FULL, "database or disk is full", s);
      case BUSY -> new PagodaException(ResultCode.BUSY, "database is locked", s);
      case BUSY_SNAPSHOT -> new PagodaException(ResultCode.BUSY_SNAPSHOT, "database is locked", s);
      case CANTOPEN -> new PagodaException(ResultCode.CANTOPEN, "unable to open database file", s);
      case NOTADB -> new PagodaException(ResultCode.NOTADB, "file is not a database", s);
      case MISUSE -> new PagodaException(ResultCode.MISUSE, "bad parameter or other API misuse", s);
    };
  }

  static PagodaException misuse(String message) {
    return new PagodaException(ResultCode.MISUSE, message);
  }
}
