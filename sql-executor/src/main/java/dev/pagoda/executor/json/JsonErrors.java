package dev.pagoda.executor.json;

import dev.pagoda.spi.SqlException;

/** SQLite's JSON error messages. */
final class JsonErrors {
  private JsonErrors() {}

  static SqlException malformed() {
    return SqlException.error("malformed JSON");
  }

  /** SQLite's message for a path that does not parse: {@code bad JSON path: '$a'}. */
  static SqlException badPath(String path) {
    return SqlException.error("bad JSON path: '" + path.replace("'", "''") + "'");
  }

  static SqlException blob() {
    return SqlException.error("JSON cannot hold BLOB values");
  }
}
