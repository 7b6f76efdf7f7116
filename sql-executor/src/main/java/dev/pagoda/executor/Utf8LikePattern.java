package dev.pagoda.executor;

/**
 * A LIKE pattern matched on UTF-8 bytes in place (a TEXT value's bytes in its record), giving the
 * answer {@link LikePattern} gives on the decoded string, without decoding it: the text ends at
 * its first NUL, {@code %} matches any run of characters, {@code _} one whole character, and only
 * the 26 ASCII letters match regardless of case (the bytes of a non-ASCII character are all
 * {@code >= 0x80}, so folding the bytes below {@code 0x80} is exact).
 *
 * <p>Two forms. A pattern of ASCII literals and {@code %} only ({@code '%abc%'}, {@code 'ab%'},
 * {@code '%x%y'}) is a list of literal segments found left to right, each at its leftmost place
 * (which is exact when nothing but {@code %} lies between them), the first one at the start and
 * the last one at the end unless a {@code %} frees them; this form reads any bytes, well-formed
 * or not, as an ASCII byte never belongs to a malformed sequence. Any other pattern ({@code _},
 * non-ASCII literals, a trailing escape) runs {@link LikePattern}'s algorithm over the code points
 * of the bytes, and only when the text up to its NUL is well-formed UTF-8 (which decodes one to
 * one); for malformed text, which Java decodes with replacement characters, {@link #match} answers
 * {@link #UNKNOWN} and the caller matches the decoded string. Immutable.
 */
final class Utf8LikePattern {
  /** What {@link #match} answers. */
  static final int NO_MATCH = 0;
  static final int MATCH = 1;
  static final int UNKNOWN = -1;

  /** The segments form: the folded literal runs between {@code %}s; null in the general form. */
  private final byte[][] segments;
  private final boolean anchoredStart;
  private final boolean anchoredEnd;
  /** The general form: {@link LikePattern#likeOps}. */
  private final int[] ops;

  private Utf8LikePattern(byte[][] segments, boolean anchoredStart, boolean anchoredEnd,
      int[] ops) {
    this.segments = segments;
    this.anchoredStart = anchoredStart;
    this.anchoredEnd = anchoredEnd;
    this.ops = ops;
  }

  /** The LIKE pattern {@code p} with escape character {@code escape} or {@code NO_ESCAPE}. */
  static Utf8LikePattern like(String p, int escape) {
    int[] ops = LikePattern.likeOps(p, escape);
    for (int op : ops) {
      if (op >= 0x80 || (op < 0 && op != LikePattern.ANY)) {
        return new Utf8LikePattern(null, false, false, ops);
      }
    }
    java.util.List<byte[]> segments = new java.util.ArrayList<>();
    for (int i = 0; i < ops.length; ) {
      int j = i;
      while (j < ops.length && ops[j] != LikePattern.ANY) {
        j++;
      }
      if (j > i) {
        byte[] segment = new byte[j - i];
        for (int k = i; k < j; k++) {
          segment[k - i] = (byte) ops[k];
        }
        segments.add(segment);
      }
      i = j + 1;
    }
    boolean start = ops.length == 0 || ops[0] != LikePattern.ANY;
    boolean end = ops.length == 0 || ops[ops.length - 1] != LikePattern.ANY;
    return new Utf8LikePattern(segments.toArray(new byte[0][]), start, end, null);
  }

  /**
   * Whether the UTF-8 text in {@code length} bytes of {@code b} from {@code start} matches:
   * {@link #MATCH}, {@link #NO_MATCH}, or {@link #UNKNOWN} when only the decoded string can tell.
   */
  int match(byte[] b, int start, int length) {
    int limit = start + length;
    if (segments == null) {
      int end = wellFormedEnd(b, start, limit);
      if (end < 0) {
        return UNKNOWN;
      }
      return general(0, b, start, end) ? MATCH : NO_MATCH;
    }
    int end = start;
    while (end < limit && b[end] != 0) {
      end++;
    }
    return segmentsMatch(b, start, end) ? MATCH : NO_MATCH;
  }

  private boolean segmentsMatch(byte[] b, int start, int end) {
    int n = segments.length;
    if (n == 0) {
      return !(anchoredStart && anchoredEnd) || end == start;
    }
    int pos = start;
    int k = 0;
    if (anchoredStart) {
      byte[] first = segments[0];
      if (n == 1 && anchoredEnd) {
        return end - start == first.length && regionMatches(b, start, first, 0);
      }
      if (end - start < first.length || !regionMatches(b, start, first, 0)) {
        return false;
      }
      pos = start + first.length;
      k = 1;
    }
    int middle = anchoredEnd ? n - 1 : n;
    for (; k < middle; k++) {
      int at = indexOf(b, pos, end, segments[k]);
      if (at < 0) {
        return false;
      }
      pos = at + segments[k].length;
    }
    if (anchoredEnd) {
      byte[] last = segments[n - 1];
      int at = end - last.length;
      return at >= pos && regionMatches(b, at, last, 0);
    }
    return true;
  }

  /** Where {@code segment} first occurs in {@code b} from {@code from} to {@code end}, or -1. */
  private static int indexOf(byte[] b, int from, int end, byte[] segment) {
    byte first = segment[0];
    boolean letter = first >= 'a' && first <= 'z';
    for (int i = from, last = end - segment.length; i <= last; i++) {
      byte t = b[i];
      if ((t == first || (letter && (t | 0x20) == first)) && regionMatches(b, i + 1, segment, 1)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code b} from {@code at} holds {@code segment} from {@code from}, ASCII-folded. */
  private static boolean regionMatches(byte[] b, int at, byte[] segment, int from) {
    for (int i = from; i < segment.length; i++) {
      byte t = b[at + i - from];
      byte p = segment[i];
      if (t != p && ((t | 0x20) != p || p < 'a' || p > 'z')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where the text from {@code start} ends (its first NUL, or {@code limit}), or -1 when a
   * malformed UTF-8 sequence comes first: a sequence as the JDK's decoder accepts it (no overlong
   * forms, no surrogates, nothing above U+10FFFF).
   */
  private static int wellFormedEnd(byte[] b, int start, int limit) {
    int i = start;
    while (i < limit) {
      byte c = b[i];
      if (c == 0) {
        return i;
      }
      if (c > 0) {
        i++;
        continue;
      }
      int n = sequenceLength(b, i, limit);
      if (n < 0) {
        return -1;
      }
      i += n;
    }
    return i;
  }

  private static int sequenceLength(byte[] b, int i, int limit) {
    int c = b[i] & 0xff;
    int n;
    int lo = 0x80;
    int hi = 0xbf;
    if (c < 0xc2) {
      return -1;
    } else if (c < 0xe0) {
      n = 2;
    } else if (c < 0xf0) {
      n = 3;
      lo = c == 0xe0 ? 0xa0 : lo;
      hi = c == 0xed ? 0x9f : hi;
    } else if (c < 0xf5) {
      n = 4;
      lo = c == 0xf0 ? 0x90 : lo;
      hi = c == 0xf4 ? 0x8f : hi;
    } else {
      return -1;
    }
    if (i + n > limit) {
      return -1;
    }
    int second = b[i + 1] & 0xff;
    if (second < lo || second > hi) {
      return -1;
    }
    for (int k = 2; k < n; k++) {
      if ((b[i + k] & 0xc0) != 0x80) {
        return -1;
      }
    }
    return n;
  }

  /** The code point of the well-formed sequence at {@code i}. */
  private static int codePoint(byte[] b, int i) {
    int c = b[i];
    if (c >= 0) {
      return c;
    } else if ((c & 0xe0) == 0xc0) {
      return ((c & 0x1f) << 6) | (b[i + 1] & 0x3f);
    } else if ((c & 0xf0) == 0xe0) {
      return ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
    }
    return ((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6)
        | (b[i + 3] & 0x3f);
  }

  /** The length of the well-formed sequence whose first byte is {@code c}. */
  private static int width(byte c) {
    return c >= 0 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : 4;
  }

  /** {@link LikePattern}'s match over the code points of well-formed {@code b[si..n)}. */
  private boolean general(int pi, byte[] b, int si, int n) {
    while (pi < ops.length) {
      int op = ops[pi];
      if (op == LikePattern.ANY) {
        while (pi < ops.length && (ops[pi] == LikePattern.ANY || ops[pi] == LikePattern.ONE)) {
          if (ops[pi] == LikePattern.ONE) {
            if (si >= n) {
              return false;
            }
            si += width(b[si]);
          }
          pi++;
        }
        if (pi == ops.length) {
          return true;
        }
        for (int k = si; k < n; k += width(b[k])) {
          if (general(pi, b, k, n)) {
            return true;
          }
        }
        return general(pi, b, n, n);
      }
      if (si >= n || op == LikePattern.FAIL) {
        return false;
      }
      if (op != LikePattern.ONE && op != LikePattern.fold(codePoint(b, si))) {
        return false;
      }
      pi++;
      si += width(b[si]);
    }
    return si == n;
  }
}
