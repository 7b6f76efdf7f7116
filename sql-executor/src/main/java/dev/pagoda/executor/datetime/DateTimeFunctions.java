package dev.pagoda.executor.datetime;

import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.Arity;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.FunctionFlag;
import dev.pagoda.spi.FunctionProvider;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.StorageClass;
import dev.pagoda.spi.Value;
import java.util.List;
import java.util.Set;

/**
 * SQLite's date and time functions: {@code date}, {@code time}, {@code datetime}, {@code
 * julianday}, {@code unixepoch}, {@code strftime} (each a time value then any modifiers, see
 * {@link TimeParser} and {@link Modifiers}), {@code timediff(a, b)} and the zero-argument {@code
 * current_date}, {@code current_time} and {@code current_timestamp} behind the SQL keywords.
 * An invalid time value or modifier, or a NULL argument, gives NULL.
 *
 * <p>Results are those of the SQLite that the project's differential tests run against (3.53,
 * through sqlite-jdbc), which differs from 3.46 in two deliberate places, both bug fixes on
 * SQLite's side: (1) before year 0 the Gregorian century rule is applied with rounding-down
 * division, so {@code -0500} is not a leap year (3.46 got dates before about 0400 a day off); (2)
 * fractional seconds in a time value are cut at .999 (3.46 rounded {@code 12:34:56.9999} up to
 * {@code 12:34:57}, and {@code 9999-12-31 23:59:59.9999} out of range to NULL). Everything else
 * was checked to agree with 3.46.1 as well.
 *
 * <p>'now' is the statement's time ({@link FunctionContext#statementTime()}), so every call in a
 * statement sees one instant; 'localtime' and 'utc' use {@link FunctionContext#timeZone()}.
 *
 * <p>Flags follow SQLite's registrations: the seven functions with arguments are deterministic
 * ({@code SQLITE_DETERMINISTIC}), the three {@code current_*} are not. SQLite additionally
 * raises an error when 'now', 'localtime', 'utc' or 'subsec' (as a time value) is used inside an
 * index expression, CHECK constraint or generated column ({@code sqlite3NotPureFunc}); the SPI
 * gives a function no way to know where it is called from, so here those calls simply run.
 */
public final class DateTimeFunctions implements FunctionProvider {
  private static final Set<FunctionFlag> PURE =
      Set.of(FunctionFlag.DETERMINISTIC, FunctionFlag.INNOCUOUS);
  private static final Set<FunctionFlag> CLOCK = Set.of(FunctionFlag.INNOCUOUS);

  /** For {@link java.util.ServiceLoader}. */
  public DateTimeFunctions() {}

  @Override
  public String providerName() {
    return "datetime";
  }

  @Override
  public List<ScalarFunction> scalarFunctions() {
    Arity any = Arity.atLeast(0);
    return List.of(
        ScalarFunction.of("date", any, PURE, (ctx, a) -> date(parse(ctx, a, 0))),
        ScalarFunction.of("time", any, PURE, (ctx, a) -> time(parse(ctx, a, 0))),
        ScalarFunction.of("datetime", any, PURE, (ctx, a) -> datetime(parse(ctx, a, 0))),
        ScalarFunction.of("julianday", any, PURE, (ctx, a) -> julianday(parse(ctx, a, 0))),
        ScalarFunction.of("unixepoch", any, PURE, (ctx, a) -> unixepoch(parse(ctx, a, 0))),
        ScalarFunction.of("strftime", any, PURE, DateTimeFunctions::strftime),
        ScalarFunction.of("timediff", Arity.exactly(2), PURE, TimeDiff::call),
        ScalarFunction.of("current_date", Arity.exactly(0), CLOCK,
            (ctx, a) -> date(parse(ctx, a, 0))),
        ScalarFunction.of("current_time", Arity.exactly(0), CLOCK,
            (ctx, a) -> time(parse(ctx, a, 0))),
        ScalarFunction.of("current_timestamp", Arity.exactly(0), CLOCK,
            (ctx, a) -> datetime(parse(ctx, a, 0))));
  }

  /**
   * The time value of arguments {@code from} onwards (the value, then its modifiers) with every
   * modifier applied and the julian day computed, or null when the result is NULL. No arguments
   * at all mean 'now'.
   */
  static DateTime parse(FunctionContext ctx, Arguments args, int from) {
    DateTime p = new DateTime();
    int count = args.size() - from;
    if (count <= 0) {
      return TimeParser.setToCurrent(p, ctx) ? null : p;
    }
    StorageClass type = args.type(from);
    if (type == StorageClass.INTEGER || type == StorageClass.REAL) {
      p.setRawNumber(args.getDouble(from));
    } else {
      String z = args.getText(from);
      if (z == null || TimeParser.parseDateOrTime(Ascii.cString(z), p, ctx)) {
        return null;
      }
    }
    for (int i = 1; i < count; i++) {
      String m = args.getText(from + i);
      if (m == null || !Modifiers.apply(Ascii.cString(m), i, p, ctx.timeZone())) {
        return null;
      }
    }
    p.computeJD();
    if (p.isError || !DateTime.validJulianDay(p.jd)) {
      return null;
    }
    if (count == 1 && p.validYMD && p.day > 28) {
      p.validYMD = false; // a lone 2023-02-31 reads as 2023-03-03
    }
    return p;
  }

  static Value date(DateTime x) {
    if (x == null) {
      return Value.NULL;
    }
    x.computeYMD();
    StringBuilder sb = new StringBuilder(11);
    appendDate(sb, x);
    return Value.of(sb.toString());
  }

  static Value time(DateTime x) {
    if (x == null) {
      return Value.NULL;
    }
    x.computeHMS();
    StringBuilder sb = new StringBuilder(12);
    appendTime(sb, x);
    return Value.of(sb.toString());
  }

  static Value datetime(DateTime x) {
    if (x == null) {
      return Value.NULL;
    }
    x.computeYmdHms();
    StringBuilder sb = new StringBuilder(24);
    appendDate(sb, x);
    appendTime(sb.append(' '), x);
    return Value.of(sb.toString());
  }

  static Value julianday(DateTime x) {
    return x == null ? Value.NULL : Value.of(x.jd / 86_400_000.0);
  }

  static Value unixepoch(DateTime x) {
    if (x == null) {
      return Value.NULL;
    }
    if (x.useSubsec) {
      return Value.of((x.jd - DateTime.UNIX_EPOCH_JD) / 1000.0);
    }
    return Value.of(x.jd / 1000 - DateTime.UNIX_EPOCH_JD / 1000);
  }

  static Value strftime(FunctionContext ctx, Arguments args) {
    if (args.size() == 0) {
      return Value.NULL;
    }
    String fmt = args.getText(0);
    if (fmt == null) {
      return Value.NULL;
    }
    DateTime x = parse(ctx, args, 1);
    if (x == null) {
      return Value.NULL;
    }
    x.computeJD();
    x.computeYmdHms();
    return Value.of(Strftime.format(Ascii.cString(fmt), x));
  }

  /** {@code YYYY-MM-DD}, the year's digits modulo 10000 and a minus for years before 0. */
  private static void appendDate(StringBuilder sb, DateTime x) {
    int y = Math.abs(x.year);
    if (x.year < 0) {
      sb.append('-');
    }
    digit(sb, y / 1000).append(digit(y / 100)).append(digit(y / 10)).append(digit(y));
    digit(sb.append('-'), x.month / 10).append(digit(x.month));
    digit(sb.append('-'), x.day / 10).append(digit(x.day));
  }

  /** {@code HH:MM:SS}, or {@code HH:MM:SS.SSS} after 'subsec'. */
  private static void appendTime(StringBuilder sb, DateTime x) {
    digit(sb, x.hour / 10).append(digit(x.hour));
    digit(sb.append(':'), x.minute / 10).append(digit(x.minute));
    sb.append(':');
    if (x.useSubsec) {
      int ms = (int) (1000.0 * x.second + 0.5);
      sb.append(digit(ms / 10000)).append(digit(ms / 1000)).append('.');
      sb.append(digit(ms / 100)).append(digit(ms / 10)).append(digit(ms));
    } else {
      int s = (int) x.second;
      sb.append(digit(s / 10)).append(digit(s));
    }
  }

  private static StringBuilder digit(StringBuilder sb, int v) {
    return sb.append(digit(v));
  }

  /** The last decimal digit of {@code v} as a character, as SQLite's {@code '0' + v % 10}. */
  private static char digit(int v) {
    return (char) ('0' + v % 10);
  }
}
