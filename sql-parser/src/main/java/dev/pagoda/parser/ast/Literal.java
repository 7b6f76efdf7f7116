package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/** A constant; what {@code text} holds depends on {@code kind} (see {@link LiteralKind}). */
public record Literal(LiteralKind kind, String text) implements Expr {
  public static final Literal NULL = new Literal(LiteralKind.NULL, "NULL");

  public Literal {
    requireNonNull(kind, "kind");
    requireNonNull(text, "text");
  }

  public static Literal integer(long value) {
    return new Literal(LiteralKind.INTEGER, Long.toString(value));
  }

  public static Literal string(String value) {
    return new Literal(LiteralKind.STRING, value);
  }

  /**
   * The value of an INTEGER literal, empty when it does not fit in 64 bits: SQLite then treats a
   * decimal literal as REAL and rejects a hex one ({@code hex literal too big}). Hex literals of
   * up to 16 significant digits wrap to negative values, e.g. {@code 0xFFFFFFFFFFFFFFFF} is -1.
   */
  public OptionalLong integerValue() {
    return integerValue(false);
  }

  /**
   * The value of {@code -literal}, for an INTEGER literal under unary minus: like {@code
   * -integerValue()}, but {@code -9223372036854775808} is {@link Long#MIN_VALUE} as in SQLite.
   */
  public OptionalLong negatedIntegerValue() {
    return integerValue(true);
  }

  private OptionalLong integerValue(boolean negate) {
    if (kind != LiteralKind.INTEGER) {
      return OptionalLong.empty();
    }
    if (text.length() > 2 && text.charAt(0) == '0' && (text.charAt(1) | 0x20) == 'x') {
      return hexValue(negate);
    }
    long v = 0;
    for (int i = 0; i < text.length(); i++) {
      int d = text.charAt(i) - '0';
      if (v > (Long.MAX_VALUE - d) / 10) {
        boolean minMagnitude = negate && i == text.length() - 1 && v == Long.MAX_VALUE / 10 && d == 8;
        return minMagnitude ? OptionalLong.of(Long.MIN_VALUE) : OptionalLong.empty();
      }
      v = v * 10 + d;
    }
    return OptionalLong.of(negate ? -v : v);
  }

  private OptionalLong hexValue(boolean negate) {
    int i = 2;
    while (i < text.length() - 1 && text.charAt(i) == '0') {
      i++;
    }
    if (text.length() - i > 16) {
      return OptionalLong.empty();
    }
    long v = Long.parseUnsignedLong(text.substring(i), 16);
    return OptionalLong.of(negate ? -v : v);
  }
}
