package dev.pagoda.executor;

import dev.pagoda.spi.Collation;

/**
 * SQLite's three built-in collations, comparing UTF-8 text without decoding it.
 *
 * <ul>
 *   <li>BINARY: bytewise ({@code memcmp}), then the shorter first.
 *   <li>NOCASE: as BINARY after folding the 26 ASCII upper-case letters to lower case; other
 *       characters compare unchanged, as SQLite's does.
 *   <li>RTRIM: as BINARY, with trailing spaces ignored.
 * </ul>
 */
public enum BuiltinCollation implements Collation {
  BINARY,
  NOCASE,
  RTRIM;

  /** The collation named {@code name} (ASCII case-insensitive), or null. */
  public static BuiltinCollation named(String name) {
    for (BuiltinCollation c : values()) {
      if (c.name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    return null;
  }

  /** Compares two texts as their UTF-8 encodings would compare. */
  @Override
  public int compare(String a, String b) {
    return Comparison.compareText(a, b, this);
  }

  /** Compares the UTF-8 texts {@code a[aOff, aOff+aLen)} and {@code b[bOff, bOff+bLen)}. */
  public int compare(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
    if (this == RTRIM) {
      aLen = trimmedLength(a, aOff, aLen);
      bLen = trimmedLength(b, bOff, bLen);
    }
    int n = Math.min(aLen, bLen);
    for (int i = 0; i < n; i++) {
      int x = a[aOff + i] & 0xff;
      int y = b[bOff + i] & 0xff;
      if (this == NOCASE) {
        x = fold(x);
        y = fold(y);
      }
      if (x != y) {
        return x - y;
      }
    }
    return aLen - bLen;
  }

  private static int fold(int c) {
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  }

  private static int trimmedLength(byte[] s, int off, int len) {
    while (len > 0 && s[off + len - 1] == ' ') {
      len--;
    }
    return len;
  }
}
