package dev.pagoda.jdbc;

import dev.pagoda.spi.Value;
import java.sql.SQLException;
import java.text.ParseException;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.TimeZone;

/**
 * How a connection stores and reads {@link java.sql.Date}, {@link java.sql.Time} and {@link
 * java.sql.Timestamp} values, with sqlite-jdbc's connection properties and defaults:
 *
 * <ul>
 *   <li>{@code date_class}: {@code INTEGER} (the default: milliseconds since 1970-01-01 UTC, or
 *       seconds under {@code date_precision=SECONDS}), {@code TEXT} (formatted with {@code
 *       date_string_format} in the calendar's time zone) or {@code REAL} (a Julian day number);
 *   <li>{@code date_precision}: {@code MILLISECONDS} (the default) or {@code SECONDS}, the unit of
 *       INTEGER dates, both when binding and when reading;
 *   <li>{@code date_string_format}: a {@link SimpleDateFormat} pattern, by default {@value
 *       #DEFAULT_STRING_FORMAT}; TEXT values are parsed with it whatever {@code date_class} says.
 * </ul>
 *
 * <p>Reading goes by the value's storage class, not by {@code date_class}: INTEGER is epoch time in
 * {@code date_precision} units, REAL a Julian day read as wall-clock time in the calendar's zone,
 * TEXT is parsed (the empty string reads as null).
 *
 * @param dateClass how date and time parameters bind
 * @param precision the unit of INTEGER dates
 * @param stringFormat the pattern for TEXT dates
 */
record DateFormats(DateClass dateClass, Precision precision, String stringFormat) {
  /** sqlite-jdbc's default {@code date_string_format}. */
  static final String DEFAULT_STRING_FORMAT = "yyyy-MM-dd HH:mm:ss.SSS";

  /** sqlite-jdbc's defaults: INTEGER milliseconds, TEXT as {@value #DEFAULT_STRING_FORMAT}. */
  static final DateFormats DEFAULT =
      new DateFormats(DateClass.INTEGER, Precision.MILLISECONDS, DEFAULT_STRING_FORMAT);

  /** The storage class date and time parameters bind as. */
  enum DateClass {
    INTEGER,
    TEXT,
    REAL
  }

  /** The unit of INTEGER dates. */
  enum Precision {
    MILLISECONDS(1),
    SECONDS(1000);

    final long millis;

    Precision(long millis) {
      this.millis = millis;
    }
  }

  DateFormats {
    java.util.Objects.requireNonNull(dateClass, "dateClass");
    java.util.Objects.requireNonNull(precision, "precision");
    new SimpleDateFormat(stringFormat, Locale.ROOT); // rejects a bad pattern now
  }

  /**
   * The formats the connection properties {@code date_class}, {@code date_precision} and {@code
   * date_string_format} ask for (names case-insensitive; a missing one takes its default).
   *
   * @throws SQLException for a value that is not one of the names above, or a bad pattern
   */
  static DateFormats from(Properties properties) throws SQLException {
    String dateClass = properties.getProperty("date_class", DateClass.INTEGER.name());
    String precision = properties.getProperty("date_precision", Precision.MILLISECONDS.name());
    String format = properties.getProperty("date_string_format", DEFAULT_STRING_FORMAT);
    try {
      return new DateFormats(
          DateClass.valueOf(dateClass.strip().toUpperCase(Locale.ROOT)),
          Precision.valueOf(precision.strip().toUpperCase(Locale.ROOT)),
          format);
    } catch (IllegalArgumentException e) {
      throw new SQLException(
          "invalid date property (date_class=" + dateClass + ", date_precision=" + precision
              + ", date_string_format=" + format + "): " + e.getMessage(),
          "HY024",
          e);
    }
  }

  /** The value to bind for the instant {@code millis}, as sqlite-jdbc binds it. */
  Value bind(long millis, TimeZone zone) {
    return switch (dateClass) {
      case INTEGER -> Value.of(millis / precision.millis);
      case REAL -> Value.of(millis / 8.64E7 + 2440587.5);
      case TEXT -> Value.of(formatter(zone).format(new java.util.Date(millis)));
    };
  }

  /** The instant an INTEGER date stands for. */
  long millisOfInteger(long value) {
    return value * precision.millis;
  }

  /**
   * The instant TEXT {@code text} stands for in {@code zone}, parsed leniently from its start as
   * sqlite-jdbc parses it: text after a complete date is ignored, and a text of exactly 19
   * characters ({@code 2024-01-31 12:34:56}) is read with {@code .000} appended.
   *
   * @throws ParseException when the start of {@code text} does not match the pattern
   */
  long millisOfText(String text, TimeZone zone) throws ParseException {
    String source = text.length() == 19 ? text + ".000" : text;
    ParsePosition position = new ParsePosition(0);
    java.util.Date date = formatter(zone).parse(source, position);
    if (date == null) {
      throw new ParseException(
          "'" + text + "' does not match the date format " + stringFormat,
          position.getErrorIndex());
    }
    return date.getTime();
  }

  private SimpleDateFormat formatter(TimeZone zone) {
    SimpleDateFormat format = new SimpleDateFormat(stringFormat, Locale.getDefault());
    format.setTimeZone(zone);
    return format;
  }
}
