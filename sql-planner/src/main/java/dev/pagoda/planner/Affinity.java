package dev.pagoda.planner;

import java.util.Locale;

/**
 * SQLite's column affinities. {@link #BLOB} is the affinity SQLite calls BLOB (formerly NONE): no
 * conversion is applied.
 */
public enum Affinity {
  BLOB,
  TEXT,
  NUMERIC,
  INTEGER,
  REAL;

  /**
   * The affinity of a declared column type, by SQLite's five rules applied in order: contains
   * "INT" gives INTEGER; "CHAR", "CLOB" or "TEXT" gives TEXT; "BLOB" or no type gives BLOB;
   * "REAL", "FLOA" or "DOUB" gives REAL; anything else NUMERIC.
   */
  public static Affinity ofDeclaredType(String declaredType) {
    if (declaredType == null || declaredType.isEmpty()) {
      return BLOB;
    }
    String t = declaredType.toUpperCase(Locale.ROOT);
    if (t.contains("INT")) {
      return INTEGER;
    }
    if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
      return TEXT;
    }
    if (t.contains("BLOB")) {
      return BLOB;
    }
    if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
      return REAL;
    }
    return NUMERIC;
  }

  /** Whether this is one of the numeric affinities (NUMERIC, INTEGER, REAL). */
  public boolean isNumeric() {
    return this == NUMERIC || this == INTEGER || this == REAL;
  }
}
