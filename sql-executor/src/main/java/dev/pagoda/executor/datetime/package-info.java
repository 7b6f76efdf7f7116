/**
 * SQLite's date and time functions as a {@link dev.pagoda.spi.FunctionProvider}: {@link
 * dev.pagoda.executor.datetime.DateTimeFunctions}.
 *
 * <ul>
 *   <li>{@code DateTime}: the value being worked on, a julian day in milliseconds and/or calendar
 *       fields, derived from each other lazily exactly as SQLite does (the laziness shows in
 *       results such as {@code date('2023-02-31', 'subsec')}).
 *   <li>{@code TimeParser}: time values (dates, times, zone suffixes, numbers, 'now').
 *   <li>{@code Modifiers} and {@code NumericModifier}: the modifiers, applied left to right;
 *       {@code LocalTimes}: 'localtime' and 'utc' with the connection's zone.
 *   <li>{@code Strftime}: the conversions of {@code strftime}; {@code TimeDiff}: {@code
 *       timediff}.
 * </ul>
 */
package dev.pagoda.executor.datetime;
