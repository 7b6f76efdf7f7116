package dev.pagoda;

import static java.util.Objects.requireNonNull;

import dev.pagoda.spi.ResultCode;

/**
 * The one exception type of Pagoda's embedded API: every failure reaches the caller as a
 * {@code PagodaException} carrying SQLite's result code and SQLite-like message text, such as
 * {@code near "FORM": syntax error} or {@code no such table: t}.
 */
public final class PagodaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ResultCode code;

  public PagodaException(ResultCode code, String message) {
    super(message);
    this.code = requireNonNull(code, "code");
  }

  public PagodaException(ResultCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = requireNonNull(code, "code");
  }

  /** The result code, extended where SQLite reports an extended code. */
  public ResultCode code() {
    return code;
  }
}
