package dev.pagoda.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValueModelTest {
  @Test
  void of_nullReferences_giveSqlNull() {
    assertSame(Value.NULL, Value.of((String) null));
    assertSame(Value.NULL, Value.of((byte[]) null));
    assertTrue(Value.NULL.isNull());
  }

  @Test
  void blob_equality_comparesContentAndCopiesInput() {
    byte[] bytes = {1, 2, 3};
    Value blob = Value.of(bytes);
    bytes[0] = 9;

    assertEquals(Value.of(new byte[] {1, 2, 3}), blob);
    assertNotEquals(Value.of(new byte[] {1, 2}), blob);
    assertEquals("x'010203'", blob.toString());
  }

  @Test
  void storageClass_typeNames_matchTypeof() {
    assertEquals("integer", Value.of(1L).storageClass().typeName());
    assertEquals("real", Value.of(1.0).storageClass().typeName());
    assertEquals("text", Value.of("a").storageClass().typeName());
    assertEquals("blob", Value.of(new byte[0]).storageClass().typeName());
    assertEquals("null", Value.NULL.storageClass().typeName());
  }

  @Test
  void resultCode_extendedCodes_carrySqliteNumbersAndPrimary() {
    assertEquals(2067, ResultCode.CONSTRAINT_UNIQUE.code());
    assertEquals(1555, ResultCode.CONSTRAINT_PRIMARYKEY.code());
    assertEquals(1299, ResultCode.CONSTRAINT_NOTNULL.code());
    assertEquals(ResultCode.CONSTRAINT, ResultCode.CONSTRAINT_NOTNULL.primary());
    assertEquals(ResultCode.IOERR, ResultCode.IOERR_FSYNC.primary());
    assertSame(ResultCode.BUSY, ResultCode.BUSY.primary());
  }
}
