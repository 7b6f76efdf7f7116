package dev.pagoda.spi;

import static java.util.Objects.requireNonNull;

/**
 * An error raised while preparing or running SQL, carrying SQLite's result code. Planner, executor
 * and functions throw it; the engine hands it to the caller as a {@code PagodaException}.
 */
public class SqlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ResultCode code;

  public SqlException(ResultCode code, String message) {
    super(message);
    this.code = requireNonNull(code, "code");
  }

  public SqlException(ResultCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = requireNonNull(code, "code");
  }

  /** Shorthand for the common {@link ResultCode#ERROR} with SQLite-style text. */
  public static SqlException error(String message) {
    return new SqlException(ResultCode.ERROR, message);
  }

  public ResultCode code() {
    return code;
  }
}
