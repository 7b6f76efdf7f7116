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
  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /** What {@link #match} answers. */
  static final int NO_MATCH = 0;
  static final int MATCH = 1;
  static final int UNKNOWN = -1;

  /** The segments form: the folded literal runs between {@code %}s; null in the general form. */
  private final byte[][] segments;
  /**
   * For each byte of each segment, {@code 0x20} when it is a letter (so that {@code (t | mask)
   * == p} accepts both cases of it and nothing else), else 0.
   */
  private final byte[][] masks;
  private final boolean anchoredStart;
  private final boolean anchoredEnd;
  /** The general form: {@link LikePattern#likeOps}. */
  private final int[] ops;

  private Utf8LikePattern(byte[][] segments, boolean anchoredStart, boolean anchoredEnd,
      int[] ops) {
    this.segments = segments;
    this.masks = segments == null ? null : new byte[segments.length][];
    for (int k = 0; segments != null && k < segments.length; k++) {
      masks[k] = new byte[segments[k].length];
      for (int i = 0; i < segments[k].length; i++) {
        byte p = segments[k][i];
        masks[k][i] = (byte) (p >= 'a' && p <= 'z' ? 0x20 : 0);
      }
    }
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
    if (!anchoredEnd) {
      // The segments hold no NUL, so none is found across one: the match found in all the
      // bytes is the text's when no NUL comes before its end.
      int matched = segmentsMatch(b, start, limit);
      return matched >= 0 && noNul(b, start, matched) ? MATCH : NO_MATCH;
    }
    int end = start;
    while (end < limit && b[end] != 0) {
      end++;
    }
    return segmentsMatch(b, start, end) >= 0 ? MATCH : NO_MATCH;
  }

  private static boolean noNul(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where the segments' match in {@code b[start..end)} ends (the end of the last segment matched,
   * {@code start} when there are none), or -1 when they do not match.
   */
  private int segmentsMatch(byte[] b, int start, int end) {
    int n = segments.length;
    if (n == 0) {
      return !(anchoredStart && anchoredEnd) || end == start ? start : -1;
    }
    int pos = start;
    int k = 0;
    if (anchoredStart) {
      byte[] first = segments[0];
      if (n == 1 && anchoredEnd) {
        boolean whole = end - start == first.length
            && regionMatches(b, start, first, masks[0], 0);
        return whole ? end : -1;
      }
      if (end - start < first.length || !regionMatches(b, start, segments[0], masks[0], 0)) {
        return -1;
      }
      pos = start + first.length;
      k = 1;
    }
    int middle = anchoredEnd ? n - 1 : n;
    for (; k < middle; k++) {
      int at = indexOf(b, pos, end, segments[k], masks[k]);
      if (at < 0) {
        return -1;
      }
      pos = at + segments[k].length;
    }
    if (anchoredEnd) {
      int at = end - segments[n - 1].length;
      return at >= pos && regionMatches(b, at, segments[n - 1], masks[n - 1], 0) ? end : -1;
    }
    return pos;
  }

  /**
   * Where {@code segment} first occurs in {@code b} from {@code from} to {@code end}, or -1. The
   * places where its first byte occurs are found eight bytes at a time (the bytes equal to it,
   * after the case mask, are the zero bytes of a word; every zero byte is flagged, and the few
   * others flagged are checked away).
   */
  private static int indexOf(byte[] b, int from, int end, byte[] segment, byte[] masks) {
    byte first = segment[0];
    byte mask = masks[0];
    int last = end - segment.length;
    long firsts = (first & 0xffL) * ONES;
    long caseMask = (mask & 0xffL) * ONES;
    int i = from;
    for (; i + 7 <= last; i += 8) {
      long x = ((long) LONGS.get(b, i) | caseMask) ^ firsts;
      for (long found = (x - ONES) & ~x & HIGHS; found != 0; found &= found - 1) {
        int at = i + (Long.numberOfTrailingZeros(found) >>> 3);
        if ((b[at] | mask) == first && regionMatches(b, at + 1, segment, masks, 1)) {
          return at;
        }
      }
    }
    for (; i <= last; i++) {
      if ((b[i] | mask) == first && regionMatches(b, i + 1, segment, masks, 1)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code b} from {@code at} holds {@code segment} from {@code from}, ASCII-folded. */
  private static boolean regionMatches(byte[] b, int at, byte[] segment, byte[] mask, int from) {
    for (int i = from; i < segment.length; i++) {
      if ((b[at + i - from] | mask[i]) != segment[i]) {
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
