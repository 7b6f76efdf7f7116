package dev.pagoda.conformance.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Printing, sorting and hashing as sqllogictest's SQLite driver does. */
class ResultFormatTest {
  @Test
  void integer_low32Bits() {
    assertEquals("42", ResultFormat.integer(42));
    assertEquals("-7", ResultFormat.integer(-7));
    assertEquals("-2147483648", ResultFormat.integer(2147483648L));
    assertEquals("1", ResultFormat.integer(4294967297L));
  }

  @Test
  void real_sqlitePrintfRounding() {
    assertEquals("1.500", ResultFormat.real(1.5));
    assertEquals("0.000", ResultFormat.real(0.0));
    assertEquals("0.000", ResultFormat.real(-0.0));
    assertEquals("-0.000", ResultFormat.real(-0.0001));
    assertEquals("-12.346", ResultFormat.real(-12.3456));
    // rounding is of the binary value's digits (1.0005 is 1.000499999... in binary), where
    // Java's String.format("%.3f") rounds the shortest decimal form and prints 1.001
    assertEquals("1.000", ResultFormat.real(1.0005));
    assertEquals("2.500", ResultFormat.real(2.4995000000000003));
    assertEquals("0.001", ResultFormat.real(0.0005));
    assertEquals("0.000", ResultFormat.real(0.0004));
    assertEquals("100000000000000000000.000", ResultFormat.real(1e20));
    assertEquals("123456789012345.700", ResultFormat.real(123456789012345.67));
    assertEquals("Inf", ResultFormat.real(Double.POSITIVE_INFINITY));
    assertEquals("-Inf", ResultFormat.real(Double.NEGATIVE_INFINITY));
  }

  @Test
  void text_emptyControlAndNonAscii() {
    assertEquals("(empty)", ResultFormat.text(new byte[0]));
    assertEquals("abc", ResultFormat.text(bytes("abc")));
    assertEquals("a@b@", ResultFormat.text(bytes("a\tb\n")));
    assertEquals("@@x", ResultFormat.text(bytes("é" + "x")));
    assertEquals("a", ResultFormat.text(new byte[] {'a', 0, 'b'}));
    assertEquals("(empty)", ResultFormat.text(new byte[] {0, 'b'}));
    assertEquals("@", ResultFormat.text(new byte[] {0x7f}));
  }

  @Test
  void sort_modes() {
    List<String> values = List.of("2", "b", "10", "a", "2", "a");

    assertEquals(values, ResultFormat.sort(values, 2, SortMode.NOSORT));
    assertEquals(List.of("10", "a", "2", "a", "2", "b"),
        ResultFormat.sort(values, 2, SortMode.ROWSORT));
    assertEquals(List.of("10", "2", "2", "a", "a", "b"),
        ResultFormat.sort(values, 2, SortMode.VALUESORT));
    assertEquals(List.of("NULL", "x"), ResultFormat.sort(List.of("x", "NULL"), 1, SortMode.ROWSORT));
  }

  @Test
  void md5_valuesEachFollowedByNewline() {
    assertEquals("6ddb4095eb719e2a9f0a3f95677d24e0", ResultFormat.md5(List.of("1", "2")));
    assertEquals("d41d8cd98f00b204e9800998ecf8427e", ResultFormat.md5(List.of()));
    assertEquals("2 values hashing to 6ddb4095eb719e2a9f0a3f95677d24e0",
        ResultFormat.hashLine(List.of("1", "2")));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
