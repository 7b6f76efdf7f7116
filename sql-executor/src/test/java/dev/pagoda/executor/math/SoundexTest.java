package dev.pagoda.executor.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagoda.spi.Value;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * {@code soundex()} against codes worked out by hand from SQLite's algorithm (func.c's soundexFunc,
 * as lang_corefunc.html describes it). The sqlite-jdbc oracle is built without SQLITE_SOUNDEX, so
 * the one oracle check is that it indeed lacks the function.
 */
class SoundexTest {
  private static final ExtraStringFunctions PROVIDER = new ExtraStringFunctions();

  private static String soundex(Value v) {
    return DirectCalls.render(PROVIDER.scalarFunctions().get(0)
        .call(DirectCalls.CONTEXT, dev.pagoda.spi.Arguments.of(v)));
  }

  @Test
  void classicNames_haveTheirCodes() {
    assertEquals("TR163", soundex(Value.of("Robert")));
    assertEquals("TR163", soundex(Value.of("Rupert")));
    assertEquals("TR150", soundex(Value.of("Rubin")));
    assertEquals("TT522", soundex(Value.of("Tymczak")));
    assertEquals("TP236", soundex(Value.of("Pfister")));
    assertEquals("TH555", soundex(Value.of("Honeyman")));
    assertEquals("TL000", soundex(Value.of("Lee")));
    assertEquals("TL222", soundex(Value.of("lukasiewicz")));
  }

  /** H and W separate equal digits like vowels in SQLite, unlike the census rule (A261). */
  @Test
  void hAndW_separateDigits() {
    assertEquals("TA226", soundex(Value.of("Ashcraft")));
    assertEquals("TB220", soundex(Value.of("Bushwick")));
  }

  @Test
  void noAsciiLetter_isQuestionMarkZeros() {
    assertEquals("T?000", soundex(Value.NULL));
    assertEquals("T?000", soundex(Value.of("")));
    assertEquals("T?000", soundex(Value.of(123L)));
    assertEquals("T?000", soundex(Value.of(1.5)));
    assertEquals("T?000", soundex(Value.of("日本語")));
    assertEquals("T?000", soundex(Value.of(new byte[] {(byte) 0xC3, (byte) 0x9C})));
  }

  /** Leading non-letters are skipped; later non-ASCII bytes are coded by their low seven bits. */
  @Test
  void leadingSkips_andNonAsciiBytes() {
    assertEquals("TR163", soundex(Value.of("  1-robert")));
    // 'Ü' is C3 9C: C3 & 0x7f is 'C' (2), 9C & 0x7f is a control character (separates).
    assertEquals("TA210", soundex(Value.of("aÜb")));
    assertEquals("TX000", soundex(Value.of("x")));
    assertEquals("TA123", soundex(Value.of("abcdefg")));
    assertEquals("TA123", soundex(Value.of(new byte[] {'a', 'b', 'c', 'd'})));
  }

  @Test
  void oracle_lacksSoundex() throws SQLException {
    try (DirectCalls calls = new DirectCalls(PROVIDER)) {
      assertEquals("error: no such function: soundex", calls.sqlite("soundex", Value.of("x")));
    }
  }
}
