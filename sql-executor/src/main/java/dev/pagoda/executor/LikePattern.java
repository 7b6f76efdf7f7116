package dev.pagoda.executor;

import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled LIKE or GLOB pattern. LIKE: {@code %} matches any run of characters, {@code _} one
 * character, an optional escape character makes the next one literal, and the 26 ASCII letters
 * match regardless of case (other characters exactly, as SQLite without ICU). GLOB: {@code *},
 * {@code ?}, and {@code [...]} sets with ranges and {@code ^} negation, case-sensitive. Matching
 * is by code point; an unterminated set or a trailing escape never matches. Immutable.
 */
final class LikePattern {
  /** No escape character. */
  static final int NO_ESCAPE = -1;

  /** Ops: {@code _}, {@code %}, and a trailing escape (which never matches). */
  static final int ONE = -1;
  static final int ANY = -2;
  static final int FAIL = -3;
  /** Ops at or below this are sets: set k is {@code CLASS_BASE - k}. */
  private static final int CLASS_BASE = -10;

  /** Literal code points (folded when {@code noCase}) or the negative codes above. */
  private final int[] ops;
  /** For each set: {@code [negated, lo1, hi1, lo2, hi2, ...]}. */
  private final int[][] classes;
  private final boolean noCase;

  private LikePattern(int[] ops, int[][] classes, boolean noCase) {
    this.ops = ops;
    this.classes = classes;
    this.noCase = noCase;
  }

  /** The LIKE pattern {@code p} with escape character {@code escape} or {@link #NO_ESCAPE}. */
  static LikePattern like(String p, int escape) {
    return new LikePattern(likeOps(p, escape), new int[0][], true);
  }

  /**
   * The ops of the LIKE pattern {@code p} with escape character {@code escape}: literal code
   * points, ASCII letters folded to lower case, or {@link #ONE}, {@link #ANY}, {@link #FAIL}.
   */
  static int[] likeOps(String p, int escape) {
    p = untilNul(p);
    List<Integer> ops = new ArrayList<>();
    for (int i = 0; i < p.length(); ) {
      int cp = p.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == escape) {
        if (i >= p.length()) {
          ops.add(FAIL);
          break;
        }
        cp = p.codePointAt(i);
        i += Character.charCount(cp);
        ops.add(fold(cp));
      } else if (cp == '%') {
        ops.add(ANY);
      } else if (cp == '_') {
        ops.add(ONE);
      } else {
        ops.add(fold(cp));
      }
    }
    return toArray(ops);
  }

  /** The GLOB pattern {@code p}. */
  static LikePattern glob(String p) {
    p = untilNul(p);
    List<Integer> ops = new ArrayList<>();
    List<int[]> classes = new ArrayList<>();
    for (int i = 0; i < p.length(); ) {
      int cp = p.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '*') {
        ops.add(ANY);
      } else if (cp == '?') {
        ops.add(ONE);
      } else if (cp == '[') {
        List<Integer> set = new ArrayList<>();
        i = parseSet(p, i, set);
        if (i < 0) {
          ops.add(FAIL);
          break;
        }
        ops.add(CLASS_BASE - classes.size());
        classes.add(toArray(set));
      } else {
        ops.add(cp);
      }
    }
    return new LikePattern(toArray(ops), classes.toArray(new int[0][]), false);
  }

  /**
   * Parses the set after a {@code [} at {@code i} into {@code [negated, lo, hi, ...]}; returns
   * the index after its {@code ]}, or -1 when it has none.
   */
  private static int parseSet(String p, int i, List<Integer> set) {
    boolean negated = i < p.length() && p.charAt(i) == '^';
    set.add(negated ? 1 : 0);
    if (negated) {
      i++;
    }
    boolean first = true;
    while (i < p.length()) {
      int cp = p.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == ']' && !first) {
        return i;
      }
      first = false;
      if (cp == '-' && set.size() > 1 && i < p.length() && p.charAt(i) != ']') {
        int hi = p.codePointAt(i);
        i += Character.charCount(hi);
        set.set(set.size() - 1, hi);
      } else {
        set.add(cp);
        set.add(cp);
      }
    }
    return -1;
  }

  /**
   * The escape character an ESCAPE value denotes.
   *
   * @throws SqlException unless its text is exactly one character
   */
  static int escapeChar(Value escape) {
    String s = Values.toText(escape);
    if (s == null || s.isEmpty() || s.codePointCount(0, s.length()) != 1) {
      throw SqlException.error("ESCAPE expression must be a single character");
    }
    return s.codePointAt(0);
  }

  /** Whether {@code s} matches the whole pattern. */
  boolean matches(String s) {
    return match(0, untilNul(s), 0);
  }

  /** SQLite matches the C strings: text ends at its first NUL (X'00' LIKE X'00ff' is true). */
  private static String untilNul(String s) {
    int nul = s.indexOf('\0');
    return nul < 0 ? s : s.substring(0, nul);
  }

  private boolean match(int pi, String s, int si) {
    int n = s.length();
    while (pi < ops.length) {
      int op = ops[pi];
      if (op == ANY) {
        while (pi < ops.length && (ops[pi] == ANY || ops[pi] == ONE)) {
          if (ops[pi] == ONE) {
            if (si >= n) {
              return false;
            }
            si += Character.charCount(s.codePointAt(si));
          }
          pi++;
        }
        if (pi == ops.length) {
          return true;
        }
        for (int k = si; k <= n; k += Character.charCount(s.codePointAt(k))) {
          if (match(pi, s, k)) {
            return true;
          }
          if (k == n) {
            break;
          }
        }
        return false;
      }
      if (si >= n) {
        return false;
      }
      int cp = s.codePointAt(si);
      if (!step(op, cp)) {
        return false;
      }
      pi++;
      si += Character.charCount(cp);
    }
    return si == n;
  }

  private boolean step(int op, int cp) {
    if (op >= 0) {
      return op == (noCase ? fold(cp) : cp);
    } else if (op == ONE) {
      return true;
    } else if (op == FAIL) {
      return false;
    }
    int[] set = classes[CLASS_BASE - op];
    boolean in = false;
    for (int i = 1; i + 1 < set.length && !in; i += 2) {
      in = cp >= set[i] && cp <= set[i + 1];
    }
    return in != (set[0] == 1);
  }

  static int fold(int cp) {
    return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
  }

  private static int[] toArray(List<Integer> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }
}
