package dev.pagoda.shell;

import java.util.Arrays;

/**
 * shell.c's {@code translateForDisplayAndDup}: the first display line of a cell in the column
 * modes and where the rest begins. A line ends at a control character other than tab (a {@code
 * \r\n} counts as one), or once it is {@code width} characters wide (0: no limit), backing up to a
 * space or a word boundary in the second half of the line when {@code wordWrap} is on. Tabs become
 * spaces to the next multiple of 8. Characters are counted as UTF-8 lead bytes, as sqlite3 counts.
 */
record DisplayText(byte[] line, byte[] rest) {
  /** The first line of the C string {@code z} and the text after it (null when none). */
  static DisplayText first(byte[] z, int width, boolean wordWrap) {
    int max = width == 0 ? 1_000_000 : Math.abs(width);
    int i = 0;
    int n = 0;
    while (n < max) {
      int c = at(z, i);
      if (c >= ' ') {
        n++;
        do {
          i++;
        } while ((at(z, i) & 0xc0) == 0x80);
      } else if (c == '\t') {
        do {
          n++;
        } while ((n & 7) != 0 && n < max);
        i++;
      } else {
        break;
      }
    }
    int k = i;
    if (n >= max && wordWrap) {
      int point = wrapPoint(z, i);
      if (point >= 0) {
        k = point;
        i = k;
        while (at(z, i) == ' ') {
          i++;
        }
      }
    }
    int tail;
    if (n >= max && at(z, i) >= ' ') {
      tail = i;
    } else if (at(z, i) == '\r' && at(z, i + 1) == '\n') {
      tail = at(z, i + 2) != 0 ? i + 2 : -1;
    } else if (at(z, i) == 0 || at(z, i + 1) == 0) {
      tail = -1;
    } else {
      tail = i + 1;
    }
    byte[] rest = tail < 0 ? null : Arrays.copyOfRange(z, tail, Cells.cLength(z));
    return new DisplayText(render(z, k, max), rest);
  }

  /**
   * Where to break a full line ending before {@code i}: after a space, else at a word edge, in
   * the line's second half; -1 when there is no such place.
   */
  private static int wrapPoint(byte[] z, int i) {
    int k;
    for (k = i; k > i / 2; k--) {
      if (isSpace(at(z, k - 1))) {
        return k;
      }
    }
    for (k = i; k > i / 2; k--) {
      if (isAlnum(at(z, k - 1)) != isAlnum(at(z, k)) && (at(z, k) & 0xc0) != 0x80) {
        return k;
      }
    }
    return -1;
  }

  /** The bytes before {@code k}, tabs expanded. */
  private static byte[] render(byte[] z, int k, int max) {
    Bytes out = new Bytes();
    int i = 0;
    int n = 0;
    while (i < k) {
      int c = at(z, i);
      if (c >= ' ') {
        n++;
        do {
          out.add(z[i++]);
        } while ((at(z, i) & 0xc0) == 0x80);
      } else if (c == '\t') {
        do {
          n++;
          out.add((byte) ' ');
        } while ((n & 7) != 0 && n < max);
        i++;
      } else {
        break;
      }
    }
    return out.toArray();
  }

  /** {@code z[i]} as an unsigned byte, 0 past the end or past a NUL (a C string's end). */
  private static int at(byte[] z, int i) {
    return i < z.length ? z[i] & 0xff : 0;
  }

  private static boolean isSpace(int c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  private static boolean isAlnum(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** The number of characters (UTF-8 lead bytes) in {@code z}: shell.c's {@code strlenChar}. */
  static int charCount(byte[] z) {
    int n = 0;
    for (byte b : z) {
      if ((b & 0xc0) != 0x80) {
        n++;
      }
    }
    return n;
  }
}
