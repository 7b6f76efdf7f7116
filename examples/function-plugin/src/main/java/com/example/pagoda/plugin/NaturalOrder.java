package com.example.pagoda.plugin;

import dev.pagoda.spi.Collation;

/**
 * The {@code natsort} collation: text compared code point by code point, as BINARY does, except
 * that each run of ASCII digits counts as one number, so {@code 'file2'} sorts before {@code
 * 'file10'}. Leading zeros do not change a number's value; when two texts are equal that way
 * ({@code 'a01'} and {@code 'a1'}) plain code point order decides, so only equal texts compare
 * equal.
 *
 * <p>It is a total order: a number sits where its digits would (after every character below
 * {@code '0'}, before every one above {@code '9'}, and no other character falls between), so the
 * text reads as a sequence of elements under one total preorder, compared lexicographically, and
 * ties are then broken by a total order. It allocates nothing per comparison.
 */
public final class NaturalOrder implements Collation {
  @Override
  public String name() {
    return "natsort";
  }

  @Override
  public int compare(String a, String b) {
    int natural = compareNatural(a, b);
    return natural != 0 ? natural : compareCodePoints(a, b);
  }

  /** The comparison by elements: numbers by value, other characters by code point. */
  private static int compareNatural(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      if (isDigit(a.charAt(i)) && isDigit(b.charAt(j))) {
        int endA = digitsEnd(a, i);
        int endB = digitsEnd(b, j);
        int byValue = compareNumbers(a, i, endA, b, j, endB);
        if (byValue != 0) {
          return byValue;
        }
        i = endA;
        j = endB;
      } else {
        int ca = a.codePointAt(i);
        int cb = b.codePointAt(j);
        if (ca != cb) {
          return Integer.compare(ca, cb);
        }
        i += Character.charCount(ca);
        j += Character.charCount(cb);
      }
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** Compares the digit runs a[i, endA) and b[j, endB) by value, for any number of digits. */
  private static int compareNumbers(String a, int i, int endA, String b, int j, int endB) {
    while (i < endA - 1 && a.charAt(i) == '0') {
      i++;
    }
    while (j < endB - 1 && b.charAt(j) == '0') {
      j++;
    }
    int byLength = Integer.compare(endA - i, endB - j);
    if (byLength != 0) {
      return byLength;
    }
    for (; i < endA; i++, j++) {
      if (a.charAt(i) != b.charAt(j)) {
        return Character.compare(a.charAt(i), b.charAt(j));
      }
    }
    return 0;
  }

  private static int digitsEnd(String s, int from) {
    int end = from;
    while (end < s.length() && isDigit(s.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Code point order, which is SQLite's BINARY order of the UTF-8 bytes. */
  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
