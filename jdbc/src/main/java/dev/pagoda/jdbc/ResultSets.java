package dev.pagoda.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The result set kinds this driver makes: forward-only, read-only, closed at commit. */
final class ResultSets {
  private ResultSets() {}

  /** Throws unless the requested kind is the one this driver makes. */
  static void checkSupported(int type, int concurrency, int holdability) throws SQLException {
    if (type != ResultSet.TYPE_FORWARD_ONLY) {
      throw Errors.unsupported("ResultSet type " + type + " (only TYPE_FORWARD_ONLY)");
    }
    if (concurrency != ResultSet.CONCUR_READ_ONLY) {
      throw Errors.unsupported("ResultSet concurrency " + concurrency + " (only CONCUR_READ_ONLY)");
    }
    if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
      throw Errors.unsupported(
          "ResultSet holdability " + holdability + " (only CLOSE_CURSORS_AT_COMMIT)");
    }
  }
}
