package dev.pagoda.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The LIKE matcher on UTF-8 bytes: its answers are {@link LikePattern}'s on the decoded string,
 * for the fixed cases here and for random texts and patterns (random bytes, malformed ones
 * included, where it may only answer UNKNOWN instead).
 */
class Utf8LikePatternTest {
  private static final int NO = LikePattern.NO_ESCAPE;

  /** The byte matcher's answer for {@code s}, read from the middle of a larger buffer. */
  private static int bytes(String s, String p, int escape) {
    return bytes(s.getBytes(StandardCharsets.UTF_8), p, escape);
  }

  private static int bytes(byte[] text, String p, int escape) {
    byte[] buffer = new byte[text.length + 6];
    java.util.Arrays.fill(buffer, (byte) 'a');
    System.arraycopy(text, 0, buffer, 3, text.length);
    return Utf8LikePattern.like(p, escape).match(buffer, 3, text.length);
  }

  private static void assertLike(boolean expected, String s, String p) {
    assertLike(expected, s, p, NO);
  }

  private static void assertLike(boolean expected, String s, String p, int escape) {
    assertEquals(expected, LikePattern.like(p, escape).matches(s), "string: " + s + " / " + p);
    assertEquals(expected ? Utf8LikePattern.MATCH : Utf8LikePattern.NO_MATCH,
        bytes(s, p, escape), "bytes: " + s + " / " + p);
  }

  @Test
  void segments_substringPrefixSuffixExact_asciiCaseFolding() {
    assertLike(true, "xxabcxx", "%abc%");
    assertLike(true, "xxABCxx", "%abc%");
    assertLike(true, "xxAbCxx", "%aBc%");
    assertLike(false, "xxabxcx", "%abc%");
    assertLike(true, "abc", "%abc%");
    assertLike(true, "abcdef", "abc%");
    assertLike(false, "xabcdef", "abc%");
    assertLike(true, "defABC", "%abc");
    assertLike(false, "defABCx", "%abc");
    assertLike(true, "ABC", "abc");
    assertLike(false, "ABCD", "abc");
    assertLike(true, "a1b2c3", "a%b%c%");
    assertLike(true, "a-b", "a%%-%b");
    assertLike(false, "aba", "ab%ba");
    assertLike(true, "abba", "ab%ba");
    assertLike(true, "[@`{", "[@`{");
    assertLike(false, "{", "[");
    assertLike(false, "@", "`");
  }

  @Test
  void emptyPatternAndPatternLongerThanText() {
    assertLike(true, "", "");
    assertLike(false, "a", "");
    assertLike(true, "", "%");
    assertLike(true, "", "%%");
    assertLike(false, "ab", "%abc%");
    assertLike(false, "ab", "abc%");
    assertLike(false, "ab", "%abc");
    assertLike(false, "ab", "a_c");
  }

  @Test
  void nonAsciiText_underscoreTakesOneWholeCharacter() {
    assertLike(true, "é", "_");
    assertLike(false, "é", "__");
    assertLike(true, "日本", "__");
    assertLike(true, "日本", "日_");
    assertLike(false, "日本", "_");
    assertLike(true, "😀", "_");
    assertLike(true, "a😀b", "a_b");
    assertLike(true, "a😀b", "%😀%");
    assertLike(false, "É", "é");
    assertLike(true, "xéy", "%é_");
    assertLike(false, "café", "%FÉ");
    assertLike(true, "caFÉ", "%fÉ");
    assertLike(false, "café", "%FE");
    assertLike(true, "日本語", "%本%");
    assertLike(true, "日本語", "%_語");
  }

  @Test
  void escape_makesWildcardsLiteral_trailingEscapeNeverMatches() {
    assertLike(true, "a%c", "a!%c", '!');
    assertLike(false, "abc", "a!%c", '!');
    assertLike(true, "a_c", "%!_%", '!');
    assertLike(false, "abc", "%!_%", '!');
    assertLike(false, "a", "a!", '!');
    assertLike(true, "a!", "a!!", '!');
    assertLike(true, "50%", "%0é%", 'é');
    assertLike(true, "x%y", "%é%%", 'é');
  }

  @Test
  void nul_endsTheText() {
    assertLike(true, "ab\0cd", "ab");
    assertLike(false, "ab\0cd", "%cd%");
    assertLike(true, "ab\0cd", "%b");
    assertLike(true, "ab\0cd", "a_");
    assertLike(true, "\0", "");
    assertLike(true, "ab", "ab\0zz");
  }

  @Test
  void malformedBytes_segmentsAnswer_othersUnknown() {
    byte[] text = {'x', (byte) 0xc3, 'a', 'b', 'c', (byte) 0xff};
    assertEquals(Utf8LikePattern.MATCH, bytes(text, "%abc%", NO));
    assertEquals(Utf8LikePattern.NO_MATCH, bytes(text, "%abd%", NO));
    assertEquals(Utf8LikePattern.UNKNOWN, bytes(text, "%a_c%", NO));
    byte[] surrogate = {(byte) 0xed, (byte) 0xa0, (byte) 0x80};
    assertEquals(Utf8LikePattern.UNKNOWN, bytes(surrogate, "_", NO));
    byte[] overlong = {(byte) 0xc0, (byte) 0x80};
    assertEquals(Utf8LikePattern.UNKNOWN, bytes(overlong, "%é%", NO));
    byte[] afterNul = {'a', 0, (byte) 0xff};
    assertEquals(Utf8LikePattern.MATCH, bytes(afterNul, "_", NO));
  }

  private static final String[] PIECES = {
      "a", "A", "b", "B", "z", "%", "_", "!", "é", "É", "日", "😀", "\0", "[", "@"};

  private static String random(SplittableRandom r, int max) {
    StringBuilder sb = new StringBuilder();
    for (int i = r.nextInt(max + 1); i > 0; i--) {
      sb.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }

  @Test
  void randomTextsAndPatterns_sameAsLikePattern() {
    SplittableRandom r = new SplittableRandom(20261209);
    for (int n = 0; n < 40_000; n++) {
      String s = random(r, 8);
      String p = random(r, 5);
      int escape = r.nextInt(3) == 0 ? '!' : NO;
      boolean expected = LikePattern.like(p, escape).matches(s);
      assertEquals(expected ? Utf8LikePattern.MATCH : Utf8LikePattern.NO_MATCH,
          bytes(s, p, escape), () -> s + " / " + p);
    }
  }

  @Test
  void randomLongAsciiTexts_segmentSearchSameAsLikePattern() {
    SplittableRandom r = new SplittableRandom(7);
    String letters = "abAB\0x";
    for (int n = 0; n < 40_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = r.nextInt(41); i > 0; i--) {
        text.append(letters.charAt(r.nextInt(r.nextInt(8) == 0 ? 6 : 5)));
      }
      StringBuilder segment = new StringBuilder();
      for (int i = 1 + r.nextInt(3); i > 0; i--) {
        segment.append("abB".charAt(r.nextInt(3)));
      }
      String s = text.toString();
      String p = switch (r.nextInt(4)) {
        case 0 -> "%" + segment + "%";
        case 1 -> segment + "%";
        case 2 -> "%" + segment;
        default -> "%" + segment + "%" + segment.reverse() + "%";
      };
      boolean expected = LikePattern.like(p, NO).matches(s);
      assertEquals(expected ? Utf8LikePattern.MATCH : Utf8LikePattern.NO_MATCH,
          bytes(s, p, NO), () -> s + " / " + p);
    }
  }

  @Test
  void randomBytes_answerIsLikePatternsOnTheDecodedStringOrUnknown() {
    SplittableRandom r = new SplittableRandom(42);
    byte[] alphabet = {'a', 'B', 'c', 0, (byte) 0x80, (byte) 0xbf, (byte) 0xc3, (byte) 0xa9,
        (byte) 0xe6, (byte) 0x97, (byte) 0xa5, (byte) 0xf0, (byte) 0x9f, (byte) 0xed,
        (byte) 0xff};
    int unknown = 0;
    for (int n = 0; n < 40_000; n++) {
      byte[] text = new byte[r.nextInt(9)];
      for (int i = 0; i < text.length; i++) {
        text[i] = alphabet[r.nextInt(alphabet.length)];
      }
      String p = random(r, 4);
      int got = bytes(text, p, NO);
      if (got == Utf8LikePattern.UNKNOWN) {
        unknown++;
        continue;
      }
      String s = new String(text, StandardCharsets.UTF_8);
      boolean expected = LikePattern.like(p, NO).matches(s);
      assertEquals(expected ? Utf8LikePattern.MATCH : Utf8LikePattern.NO_MATCH, got,
          () -> java.util.HexFormat.of().formatHex(text) + " / " + p);
    }
    assertEquals(true, unknown > 0 && unknown < 40_000, "unknown answers: " + unknown);
  }
}
