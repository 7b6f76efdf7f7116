package dev.pagoda.jdbc;

import dev.pagoda.spi.StorageClass;
import dev.pagoda.spi.Value;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.text.ParseException;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * The conversions of {@link PagodaResultSet}'s getters that go beyond the engine's {@code
 * sqlite3_column_*} reads, with sqlite-jdbc's choices: numbers as BigDecimal, and dates and times
 * by storage class (see {@link DateFormats}).
 */
final class ResultValues {
  /** Which getter reads a date or time; it names the type in sqlite-jdbc's parse errors. */
  enum Temporal {
    DATE("Error parsing date"),
    TIME("Error parsing time"),
    TIMESTAMP("Error parsing time stamp");

    final String parseError;

    Temporal(String parseError) {
      this.parseError = parseError;
    }
  }

  private ResultValues() {}

  /**
   * {@code getBigDecimal}: an INTEGER exactly, anything else from its text (a REAL's shortest
   * text, so 0.1 reads as 0.1), null for NULL.
   */
  static BigDecimal bigDecimal(Value value, String text) throws SQLException {
    if (value.storageClass() == StorageClass.NULL) {
      return null;
    }
    if (value instanceof Value.Int i) {
      return BigDecimal.valueOf(i.value());
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw Errors.conversion("Bad value for type BigDecimal : " + text);
    }
  }

  /**
   * The instant a date or time getter reads, or null for NULL and the empty string: INTEGER
   * values in the connection's {@code date_precision}, REAL ones as Julian days in {@code
   * calendar}'s zone (the default zone when null), TEXT parsed with {@code date_string_format} in
   * that zone. A BLOB reads as its integer value, as in sqlite-jdbc.
   *
   * @param julianCalendar the calendar REAL values are read in (null: a default one); sqlite-jdbc
   *     ignores the caller's calendar there for timestamps
   */
  static Long millis(Value value, DateFormats formats, Temporal kind, TimeZone zone,
      Calendar julianCalendar, long integerValue, String text) throws SQLException {
    switch (value.storageClass()) {
      case NULL:
        return null;
      case TEXT:
        if (text.isEmpty()) {
          return null;
        }
        try {
          return formats.millisOfText(text, zone == null ? TimeZone.getDefault() : zone);
        } catch (ParseException e) {
          SQLException error = new SQLException(kind.parseError, "22007");
          error.initCause(e);
          throw error;
        }
      case REAL:
        return JulianDays.toMillis(
            ((Value.Real) value).value(),
            julianCalendar == null ? Calendar.getInstance() : julianCalendar);
      default:
        return formats.millisOfInteger(integerValue);
    }
  }
}
