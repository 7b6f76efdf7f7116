package dev.pagoda.executor.math;

import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.Arity;
import dev.pagoda.spi.FunctionFlag;
import dev.pagoda.spi.FunctionProvider;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.Value;
import java.util.List;
import java.util.Set;

/**
 * {@code soundex(X)}, which SQLite has only when compiled with SQLITE_SOUNDEX (the sqlite-jdbc
 * build used as the test oracle lacks it, so it is tested against known codes instead).
 *
 * <p>SQLite's variant of the algorithm, kept exactly: the first ASCII letter of X, upper-cased,
 * then the digits of the following letters (B F P V = 1; C G J K Q S X Z = 2; D T = 3; L = 4; M N
 * = 5; R = 6), a digit not repeated while it stays the same, padded with zeros to four
 * characters. Unlike the classic rule, H and W separate like vowels ({@code Ashcraft} is A226);
 * the first letter's own digit suppresses an equal one after it ({@code Pfister} is P236).
 * Characters before the first ASCII letter are skipped; X with no ASCII letter, NULL included,
 * gives {@code ?000}. X is read as UTF-8 bytes, and as in SQLite each byte of a non-ASCII
 * character is coded by its low seven bits.
 */
public final class ExtraStringFunctions implements FunctionProvider {
  private static final Set<FunctionFlag> FLAGS =
      Set.of(FunctionFlag.DETERMINISTIC, FunctionFlag.INNOCUOUS);

  /** The digit of each letter A..Z; 0 for the vowels and H, W, Y. */
  private static final String CODES = "01230120022455012623010202";

  private final List<ScalarFunction> functions = List.of(
      ScalarFunction.of("soundex", Arity.exactly(1), FLAGS, (ctx, args) -> soundex(args)));

  /** The provider, for {@link java.util.ServiceLoader}. */
  public ExtraStringFunctions() {}

  @Override
  public String providerName() {
    return "pagoda-extra-string";
  }

  @Override
  public List<ScalarFunction> scalarFunctions() {
    return functions;
  }

  private static Value soundex(Arguments args) {
    byte[] in = args.getBytes(0);
    return Value.of(code(in == null ? new byte[0] : in));
  }

  /** The four-character soundex code of UTF-8 text. */
  static String code(byte[] in) {
    int i = 0;
    while (i < in.length && !isAsciiLetter(in[i])) {
      i++;
    }
    if (i == in.length) {
      return "?000";
    }
    StringBuilder out = new StringBuilder(4);
    out.append((char) Character.toUpperCase(in[i]));
    int previous = digit(in[i]);
    for (; out.length() < 4 && i < in.length; i++) {
      int d = digit(in[i]);
      if (d == 0) {
        previous = 0;
      } else if (d != previous) {
        previous = d;
        out.append((char) ('0' + d));
      }
    }
    while (out.length() < 4) {
      out.append('0');
    }
    return out.toString();
  }

  private static boolean isAsciiLetter(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
  }

  /** The soundex digit of the byte's low seven bits, or 0 when they are not a letter. */
  private static int digit(byte b) {
    int c = b & 0x7f;
    if (c >= 'a' && c <= 'z') {
      c -= 'a' - 'A';
    }
    return c >= 'A' && c <= 'Z' ? CODES.charAt(c - 'A') - '0' : 0;
  }
}
