package dev.pagoda.shell;

import java.util.Locale;
import java.util.Set;

/**
 * shell.c's {@code quoteChar}: an identifier needs {@code "..."} when it does not start with a
 * letter or {@code _}, holds anything but ASCII letters, digits and {@code _}, or is one of
 * SQLite's 147 keywords ({@code sqlite3_keyword_check}).
 */
final class Identifiers {
  private static final Set<String> KEYWORDS = Set.copyOf(Words.of(
      "ABORT ACTION ADD AFTER ALL ALTER ALWAYS"
      + " ANALYZE AND AS ASC ATTACH AUTOINCREMENT BEFORE BEGIN BETWEEN BY CASCADE CASE CAST CHECK"
      + " COLLATE COLUMN COMMIT CONFLICT CONSTRAINT CREATE CROSS CURRENT CURRENT_DATE CURRENT_TIME"
      + " CURRENT_TIMESTAMP DATABASE DEFAULT DEFERRABLE DEFERRED DELETE DESC DETACH DISTINCT DO"
      + " DROP EACH ELSE END ESCAPE EXCEPT EXCLUDE EXCLUSIVE EXISTS EXPLAIN FAIL FILTER FIRST"
      + " FOLLOWING FOR FOREIGN FROM FULL GENERATED GLOB GROUP GROUPS HAVING IF IGNORE IMMEDIATE IN"
      + " INDEX INDEXED INITIALLY INNER INSERT INSTEAD INTERSECT INTO IS ISNULL JOIN KEY LAST LEFT"
      + " LIKE LIMIT MATCH MATERIALIZED NATURAL NO NOT NOTHING NOTNULL NULL NULLS OF OFFSET ON OR"
      + " ORDER OTHERS OUTER OVER PARTITION PLAN PRAGMA PRECEDING PRIMARY QUERY RAISE RANGE"
      + " RECURSIVE REFERENCES REGEXP REINDEX RELEASE RENAME REPLACE RESTRICT RETURNING RIGHT"
      + " ROLLBACK ROW ROWS SAVEPOINT SELECT SET TABLE TEMP TEMPORARY THEN TIES TO TRANSACTION"
      + " TRIGGER UNBOUNDED UNION UNIQUE UPDATE USING VACUUM VALUES VIEW VIRTUAL WHEN WHERE WINDOW"
      + " WITH WITHOUT"));

  private Identifiers() {}

  static boolean needsQuotes(String name) {
    if (name.isEmpty() || !(isAsciiLetter(name.charAt(0)) || name.charAt(0) == '_')) {
      return true;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
        return true;
      }
    }
    return KEYWORDS.contains(name.toUpperCase(Locale.ROOT));
  }

  /** {@code name}, or {@code "name"} (inner quotes doubled) when it {@link #needsQuotes}. */
  static String quoteIfNeeded(String name) {
    return needsQuotes(name) ? '"' + name.replace("\"", "\"\"") + '"' : name;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
