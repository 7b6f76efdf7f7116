package dev.pagoda.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.planner.Affinity;
import dev.pagoda.spi.Value;
import org.junit.jupiter.api.Test;

class ValuesTest {
  @Test
  void compare_acrossStorageClasses_followsSqliteOrder() {
    Value[] ascending = {
      Value.NULL, Value.of(-5L), Value.of(1.5), Value.of(2L), Value.of("A"), Value.of("a"),
      Value.of(new byte[] {0})
    };
    for (int i = 0; i + 1 < ascending.length; i++) {
      assertTrue(Values.compare(ascending[i], ascending[i + 1]) < 0, i + " < " + (i + 1));
    }
  }

  @Test
  void compare_integerAndRealEqualInValue_areEqual() {
    assertEquals(0, Values.compare(Value.of(3L), Value.of(3.0)));
  }

  @Test
  void compare_largeIntegerAgainstNearbyDouble_isExact() {
    // 2^53 + 1 is not representable as a double; it is greater than 2^53.
    assertTrue(Values.compare(Value.of((1L << 53) + 1), Value.of(9007199254740992.0)) > 0);
  }

  @Test
  void compare_textBeyondBmp_sortsByCodePointNotUtf16() {
    assertTrue(Values.compare(Value.of("\uffff"), Value.of("\ud83d\ude00")) < 0);
  }

  @Test
  void applyAffinity_numericText_becomesNumber() {
    assertEquals(Value.of(12L), Values.applyAffinity(Affinity.INTEGER, Value.of(" 12 ")));
    assertEquals(Value.of(3L), Values.applyAffinity(Affinity.NUMERIC, Value.of("3.0")));
    assertEquals(Value.of(1.5), Values.applyAffinity(Affinity.NUMERIC, Value.of("1.5")));
    assertEquals(Value.of(7.0), Values.applyAffinity(Affinity.REAL, Value.of("7")));
    assertEquals(Value.of("12abc"), Values.applyAffinity(Affinity.INTEGER, Value.of("12abc")));
  }

  @Test
  void applyAffinity_textColumnGetsNumber_storesText() {
    assertEquals(Value.of("1.5"), Values.applyAffinity(Affinity.TEXT, Value.of(1.5)));
    assertEquals(Value.of("42"), Values.applyAffinity(Affinity.TEXT, Value.of(42L)));
  }

  @Test
  void applyAffinity_blobAffinity_changesNothing() {
    assertEquals(Value.of("12"), Values.applyAffinity(Affinity.BLOB, Value.of("12")));
  }

  @Test
  void toLong_textWithNumericPrefix_readsPrefix() {
    assertEquals(12, Values.toLong(Value.of("12abc")));
    assertEquals(0, Values.toLong(Value.of("abc")));
    assertEquals(3, Values.toLong(Value.of(3.9)));
  }

  @Test
  void toText_reals_formatLikeSqlite() {
    assertEquals("1.5", Values.toText(Value.of(1.5)));
    assertEquals("100.0", Values.toText(Value.of(100.0)));
    assertEquals("0.1", Values.toText(Value.of(0.1)));
    assertEquals("0.30000000000000004", Values.toText(Value.of(0.1 + 0.2)));
    assertEquals("1.0e+20", Values.toText(Value.of(1e20)));
    assertEquals("1.5e-05", Values.toText(Value.of(1.5e-5)));
    assertEquals("-2.5", Values.toText(Value.of(-2.5)));
    assertEquals("123456789012345.0", Values.toText(Value.of(123456789012345.0)));
    assertEquals("1234567890123456.0", Values.toText(Value.of(1234567890123456.0)));
  }

  @Test
  void arithmetic_integerOverflow_becomesReal() {
    assertEquals(Value.of(9.223372036854775807e18), Arithmetic.add(Value.of(Long.MAX_VALUE), Value.of(1L)));
    assertEquals(Value.of(2L), Arithmetic.divide(Value.of(5L), Value.of(2L)));
    assertEquals(Value.NULL, Arithmetic.divide(Value.of(5L), Value.of(0L)));
    assertEquals(Value.of(-1L), Arithmetic.remainder(Value.of(-7L), Value.of(3L)));
  }
}
