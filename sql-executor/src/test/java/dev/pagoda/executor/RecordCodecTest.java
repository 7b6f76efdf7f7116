package dev.pagoda.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
  private static Value[] decode(byte[] record) {
    RecordReader reader = new RecordReader().reset(record);
    Value[] out = new Value[reader.columnCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = reader.column(i);
    }
    return out;
  }

  @Test
  void encode_smallIntegers_usesConstantAndNarrowSerialTypes() {
    byte[] record = RecordCodec.encode(new Value[] {Value.of(0L), Value.of(1L), Value.of(2L)});

    // header size 4, serial types 8 (zero), 9 (one), 1 (8-bit); body one byte.
    assertArrayEquals(new byte[] {4, 8, 9, 1, 2}, record);
  }

  @Test
  void encode_textAndNull_matchesSqliteLayout() {
    byte[] record = RecordCodec.encode(new Value[] {Value.NULL, Value.of("hi")});

    // header size 3, serial type 0 (NULL), 13 + 2*2 = 17 (text of two bytes), then "hi".
    assertArrayEquals(new byte[] {3, 0, 17, 'h', 'i'}, record);
  }

  @Test
  void roundTrip_everyIntegerWidth_readsBackSameValue() {
    long[] samples = {
      -1, 127, -128, 128, 32767, -32768, 8388607, -8388608, 8388608, Integer.MAX_VALUE,
      Integer.MIN_VALUE, 140737488355327L, -140737488355328L, Long.MAX_VALUE, Long.MIN_VALUE
    };
    for (long v : samples) {
      Value[] decoded = decode(RecordCodec.encode(new Value[] {Value.of(v)}));
      assertEquals(Value.of(v), decoded[0], "value " + v);
    }
  }

  @Test
  void roundTrip_randomRows_readBackEqual() {
    Random random = new Random(42);
    for (int n = 0; n < 500; n++) {
      Value[] row = new Value[random.nextInt(80)];
      for (int i = 0; i < row.length; i++) {
        row[i] = switch (random.nextInt(5)) {
          case 0 -> Value.NULL;
          case 1 -> Value.of(random.nextLong() >> random.nextInt(64));
          case 2 -> Value.of(random.nextDouble() * 1e6);
          case 3 -> Value.of("t".repeat(random.nextInt(300)) + "\u00e9\u4e2d");
          default -> Value.of(new byte[random.nextInt(40)]);
        };
      }
      assertArrayEquals(row, decode(RecordCodec.encode(row)));
    }
  }

  @Test
  void reset_headerSizeBeyondRecord_isCorrupt() {
    assertThrows(SqlException.class, () -> new RecordReader().reset(new byte[] {50, 1}));
  }

  @Test
  void column_pastEndOfRecord_isNull() {
    RecordReader reader = new RecordReader().reset(RecordCodec.encode(new Value[] {Value.of(5L)}));

    assertEquals(Value.NULL, reader.column(3));
  }
}
