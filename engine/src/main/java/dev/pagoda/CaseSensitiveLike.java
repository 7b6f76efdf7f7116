package dev.pagoda;

import dev.pagoda.planner.FunctionCatalog;
import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.Arity;
import dev.pagoda.spi.Conversions;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.FunctionFlag;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.SqlFunction;
import dev.pagoda.spi.Value;
import java.util.Set;

/**
 * {@code PRAGMA case_sensitive_like}: ON registers, for the connection, a {@code like(pattern,
 * value[, escape])} that compares characters exactly, and OFF the built-in one again, as SQLite's
 * {@code sqlite3RegisterLikeFunctions} does. The LIKE operator calls whichever {@code like()} the
 * connection has, so the operator follows. Statements prepared before the change plan again.
 *
 * <p>The matching is SQLite's {@code patternCompare} without case folding: {@code %} matches any
 * run of characters, {@code _} one character, the escape character makes the next one literal;
 * text ends at its first NUL, as SQLite compares C strings.
 */
final class CaseSensitiveLike implements ScalarFunction {
  private static final CaseSensitiveLike INSTANCE = new CaseSensitiveLike();
  private static final int NO_ESCAPE = -1;

  private CaseSensitiveLike() {}

  /** Turns case-sensitive LIKE on or off for {@code conn}. */
  static void set(Connection conn, boolean on) {
    SqlFunction builtin = FunctionCatalog.standard().find("like", 2);
    conn.createFunction(on || builtin == null ? INSTANCE : builtin);
  }

  @Override
  public String name() {
    return "like";
  }

  @Override
  public Arity arity() {
    return Arity.range(2, 3);
  }

  @Override
  public Set<FunctionFlag> flags() {
    return Set.of(FunctionFlag.DETERMINISTIC, FunctionFlag.INNOCUOUS);
  }

  @Override
  public Value call(FunctionContext ctx, Arguments args) {
    int escape = NO_ESCAPE;
    if (args.size() > 2) { // as SQLite: the escape is checked before the operands' NULLs
      if (args.get(2).isNull()) {
        return Value.NULL;
      }
      escape = escapeChar(Conversions.toText(args.get(2)));
    }
    if (args.get(0).isNull() || args.get(1).isNull()) {
      return Value.NULL;
    }
    int[] pattern = codePoints(Conversions.toText(args.get(0)));
    int[] text = codePoints(Conversions.toText(args.get(1)));
    return Value.of(matches(pattern, 0, text, 0, escape) ? 1 : 0);
  }

  private static int escapeChar(String s) {
    if (s.isEmpty() || s.codePointCount(0, s.length()) != 1) {
      throw SqlException.error("ESCAPE expression must be a single character");
    }
    return s.codePointAt(0);
  }

  private static int[] codePoints(String s) {
    int nul = s.indexOf('\0');
    return (nul < 0 ? s : s.substring(0, nul)).codePoints().toArray();
  }

  /** Whether {@code s} from {@code si} matches {@code p} from {@code pi}. */
  static boolean matches(int[] p, int pi, int[] s, int si, int escape) {
    while (pi < p.length) {
      int c = p[pi++];
      if (c == '%' && c != escape) {
        while (pi < p.length && (p[pi] == '%' || p[pi] == '_') && p[pi] != escape) {
          if (p[pi++] == '_') {
            if (si >= s.length) {
              return false;
            }
            si++;
          }
        }
        if (pi == p.length) {
          return true;
        }
        for (int k = si; k <= s.length; k++) {
          if (matches(p, pi, s, k, escape)) {
            return true;
          }
        }
        return false;
      }
      if (c == escape) {
        if (pi >= p.length) {
          return false; // a trailing escape matches nothing, as in SQLite
        }
        c = p[pi++];
      } else if (c == '_') {
        if (si >= s.length) {
          return false;
        }
        si++;
        continue;
      }
      if (si >= s.length || s[si] != c) {
        return false;
      }
      si++;
    }
    return si == s.length;
  }
}
