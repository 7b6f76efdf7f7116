package dev.pagoda.jdbc;

import dev.pagoda.PagodaException;
import dev.pagoda.spi.ResultCode;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;

/**
 * The one place where the driver turns failures into {@link SQLException}s: engine errors ({@link
 * PagodaException}) keep their message and get an SQLSTATE, a vendor code ({@link
 * ResultCode#code()}, extended where the engine reports an extended code) and the JDBC 4 subclass
 * that the SQLSTATE's class calls for; the driver's own errors (closed objects, missing features,
 * bad arguments) are made here too, so their wording stays consistent, with the result code SQLite
 * gives the same mistake as vendor code: {@code SQLITE_MISUSE} (21) for a closed object or a call
 * out of order, {@code SQLITE_RANGE} (25) for an index out of range, {@code SQLITE_MISMATCH} (20)
 * for a conversion, {@code SQLITE_ERROR} (1) for a bad argument. A JDBC feature the driver lacks
 * has no SQLite code: vendor code 0, SQLSTATE 0A000.
 *
 * <p>Compared with sqlite-jdbc, whose {@code SQLiteException} has no SQLSTATE and the primary
 * result code as vendor code (the extended one in {@code getResultCode()}): here the vendor code is
 * the extended code ({@code code & 0xff} is the primary one), the message is SQLite's own without
 * sqlite-jdbc's "[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (...)" wrapping, and the
 * class follows the SQLSTATE: CONSTRAINT is {@link SQLIntegrityConstraintViolationException}, BUSY
 * and LOCKED {@link SQLTransactionRollbackException} (a {@link SQLTransientException}: retrying may
 * succeed), syntax and missing objects {@link SQLSyntaxErrorException}, CANTOPEN and NOTADB {@link
 * SQLNonTransientConnectionException}, MISMATCH {@link SQLDataException}.
 */
final class Errors {
  /** SQLSTATE for failures with no better class: "general error". */
  static final String GENERAL = "HY000";

  private static final int SQLITE_ERROR = ResultCode.ERROR.code();
  private static final int SQLITE_MISMATCH = ResultCode.MISMATCH.code();
  private static final int SQLITE_MISUSE = ResultCode.MISUSE.code();
  private static final int SQLITE_RANGE = ResultCode.RANGE.code();

  private Errors() {}

  /** The SQLException for an engine failure, carrying the engine's message word for word. */
  static SQLException toSql(PagodaException e) {
    String state = sqlState(e.code(), e.getMessage());
    SQLException result = byClass(e.getMessage(), state, e.code().code());
    result.initCause(e);
    return result;
  }

  /**
   * The SQLSTATE for an engine failure. SQLite reports most failures as plain {@code ERROR}; its
   * message tells the syntax and missing-object cases apart, which tools care about.
   */
  static String sqlState(ResultCode code, String message) {
    ResultCode primary = code.primary();
    if (primary == ResultCode.ERROR) {
      return errorState(message == null ? "" : message);
    }
    return switch (primary) {
      case CONSTRAINT -> "23000"; // integrity constraint violation
      case BUSY, LOCKED -> "40001"; // serialization failure: retrying may succeed
      case ABORT -> "40000"; // transaction rollback
      case READONLY -> "25006"; // read-only SQL transaction
      case MISMATCH -> "22000"; // data exception
      case TOOBIG -> "54000"; // program limit exceeded
      case RANGE -> "07009"; // invalid descriptor index (parameter index out of range)
      case CANTOPEN, NOTADB -> "08001"; // unable to establish connection
      case INTERRUPT -> "HY008"; // operation canceled
      case NOMEM -> "HY001"; // memory allocation error
      case AUTH -> "28000"; // invalid authorization specification
      case PERM -> "42501"; // insufficient privilege
      case MISUSE -> "HY010"; // function sequence error
      default -> GENERAL;
    };
  }

  private static String errorState(String message) {
    if (message.endsWith("syntax error") || message.startsWith("incomplete input")) {
      return "42000"; // syntax error or access rule violation
    }
    if (message.startsWith("no such table") || message.startsWith("no such view")) {
      return "42S02"; // base table or view not found
    }
    if (message.startsWith("no such column")) {
      return "42S22"; // column not found
    }
    if (message.startsWith("table ") && message.endsWith(" already exists")) {
      return "42S01"; // base table or view already exists
    }
    return GENERAL;
  }

  /** A new SQLException of the JDBC 4 subclass that {@code state}'s class calls for. */
  private static SQLException byClass(String message, String state, int vendorCode) {
    return switch (state.substring(0, 2)) {
      case "08" -> new SQLNonTransientConnectionException(message, state, vendorCode);
      case "22" -> new SQLDataException(message, state, vendorCode);
      case "23" -> new SQLIntegrityConstraintViolationException(message, state, vendorCode);
      case "28" -> new SQLInvalidAuthorizationSpecException(message, state, vendorCode);
      case "40" -> new SQLTransactionRollbackException(message, state, vendorCode);
      case "42" -> new SQLSyntaxErrorException(message, state, vendorCode);
      default ->
          state.equals("HY008")
              ? new SQLTransientException(message, state, vendorCode)
              : new SQLException(message, state, vendorCode);
    };
  }

  /** A database that cannot be opened (SQLITE_CANTOPEN), e.g. a missing file with mode=rw. */
  static SQLNonTransientConnectionException cantOpen(String message) {
    return new SQLNonTransientConnectionException(message, "08001", ResultCode.CANTOPEN.code());
  }

  /** A feature this driver does not have (yet); {@code what} says which and, if known, when. */
  static SQLFeatureNotSupportedException unsupported(String what) {
    return new SQLFeatureNotSupportedException(what + " is not supported by Pagoda JDBC", "0A000");
  }

  /** A feature that comes in a later step; {@code message} says what and what to do meanwhile. */
  static SQLFeatureNotSupportedException notYet(String message) {
    return new SQLFeatureNotSupportedException(message, "0A000");
  }

  /** A use of an object after its {@code close()}, e.g. {@code closed("ResultSet")}. */
  static SQLException closed(String what) {
    return new SQLException(
        what + " is closed", what.equals("Connection") ? "08003" : "HY010", SQLITE_MISUSE);
  }

  /** A call that the object's state or the JDBC contract rules out, e.g. reading before next(). */
  static SQLException misuse(String message) {
    return new SQLException(message, "HY010", SQLITE_MISUSE);
  }

  /** A bad argument: an index out of range, an unknown column label, a negative limit. */
  static SQLException invalidArgument(String message) {
    return new SQLException(message, "HY024", SQLITE_ERROR);
  }

  /** An index (column or parameter) outside {@code 1..count}. */
  static SQLException indexOutOfRange(String what, int index, int count) {
    String range = count == 0 ? "there are none" : "valid: 1.." + count;
    return new SQLException(
        what + " index " + index + " out of range (" + range + ")", "07009", SQLITE_RANGE);
  }

  /** A value that cannot be converted to the Java type asked for. */
  static SQLDataException conversion(String message) {
    return new SQLDataException(message, "22018", SQLITE_MISMATCH);
  }
}
