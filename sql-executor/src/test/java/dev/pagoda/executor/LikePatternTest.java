package dev.pagoda.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import org.junit.jupiter.api.Test;

/** The LIKE and GLOB matchers on their own. */
class LikePatternTest {
  private static boolean like(String s, String p) {
    return LikePattern.like(p, LikePattern.NO_ESCAPE).matches(s);
  }

  private static boolean glob(String s, String p) {
    return LikePattern.glob(p).matches(s);
  }

  @Test
  void like_wildcardsAndAsciiCaseFolding() {
    assertTrue(like("abc", "ABC"));
    assertTrue(like("abc", "a_c"));
    assertTrue(like("abc", "%"));
    assertTrue(like("", "%"));
    assertFalse(like("", "_"));
    assertTrue(like("aXbXc", "%X%X%"));
    assertTrue(like("😀", "_"));
    assertFalse(like("Ä", "ä"));
    assertTrue(like("ÄB", "Äb"));
    assertFalse(like("abc", "ab"));
  }

  @Test
  void like_escapeMakesWildcardsLiteral_trailingEscapeNeverMatches() {
    LikePattern p = LikePattern.like("a!%c", '!');
    assertTrue(p.matches("a%c"));
    assertFalse(p.matches("abc"));
    assertFalse(LikePattern.like("a!", '!').matches("a"));
    assertEquals('!', LikePattern.escapeChar(Value.of("!")));
    assertEquals("ESCAPE expression must be a single character",
        assertThrows(SqlException.class, () -> LikePattern.escapeChar(Value.of("ab")))
            .getMessage());
  }

  @Test
  void glob_setsRangesNegationCaseSensitive() {
    assertTrue(glob("abc", "a*"));
    assertFalse(glob("abc", "A*"));
    assertTrue(glob("abc", "a?c"));
    assertTrue(glob("b", "[a-c]"));
    assertFalse(glob("b", "[^a-c]"));
    assertTrue(glob("]", "[]]"));
    assertTrue(glob("-", "[a-]"));
    assertTrue(glob("b", "[^]a]"));
    assertFalse(glob("a", "[a"));
    assertFalse(glob("x", "[z-a]"));
    assertTrue(glob("*", "[*]"));
    assertTrue(glob("😀", "[😀]"));
  }
}
