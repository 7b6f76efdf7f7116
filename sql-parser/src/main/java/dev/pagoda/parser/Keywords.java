package dev.pagoda.parser;

/**
 * Case-insensitive keyword lookup over a char range, allocation-free: an open-addressing table
 * built once from {@link TokenType}'s keyword constants.
 */
final class Keywords {
  /** Longest keyword, {@code CURRENT_TIMESTAMP}. */
  static final int MAX_LENGTH = 17;

  private static final int SIZE = 512;
  private static final int MASK = SIZE - 1;
  private static final TokenType[] TYPES = new TokenType[SIZE];
  private static final char[][] TEXTS = new char[SIZE][];

  static {
    for (TokenType t : TokenType.values()) {
      if (t.isKeyword()) {
        add(t.keywordText(), t);
      }
    }
    add("TEMPORARY", TokenType.TEMP);
  }

  private Keywords() {}

  private static void add(String text, TokenType type) {
    char[] chars = text.toCharArray();
    int i = hash(chars, 0, chars.length) & MASK;
    while (TYPES[i] != null) {
      i = (i + 1) & MASK;
    }
    TYPES[i] = type;
    TEXTS[i] = chars;
  }

  /**
   * The keyword spelled by {@code s[start, end)}, ignoring case, or {@link TokenType#ID}. The range
   * must hold only ASCII letters and underscores.
   */
  static TokenType lookup(char[] s, int start, int end) {
    int n = end - start;
    if (n < 2 || n > MAX_LENGTH) {
      return TokenType.ID;
    }
    for (int i = hash(s, start, end) & MASK; TYPES[i] != null; i = (i + 1) & MASK) {
      if (matches(TEXTS[i], s, start, n)) {
        return TYPES[i];
      }
    }
    return TokenType.ID;
  }

  /** The keyword spelled by {@code text} (any characters), or {@link TokenType#ID}. */
  static TokenType lookup(String text) {
    int n = text.length();
    if (n < 2 || n > MAX_LENGTH) {
      return TokenType.ID;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) {
        return TokenType.ID;
      }
    }
    char[] chars = text.toCharArray();
    return lookup(chars, 0, n);
  }

  private static int hash(char[] s, int start, int end) {
    int h = end - start;
    for (int i = start; i < end; i++) {
      h = h * 31 + (s[i] & 0xDF);
    }
    return h ^ (h >>> 9);
  }

  private static boolean matches(char[] keyword, char[] s, int start, int n) {
    if (keyword.length != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if ((s[start + i] & 0xDF) != keyword[i]) {
        return false;
      }
    }
    return true;
  }
}
