package dev.pagoda.executor;

import dev.pagoda.btree.Varint;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.nio.charset.StandardCharsets;

/**
 * Encodes rows in SQLite's record format (schema format 4). Decoding is {@link RecordReader}'s.
 *
 * <pre>
 * record  := header body
 * header  := varint(header size in bytes, itself included) serial-type-varint*
 * body    := the column values, in order, each as its serial type says
 *
 * SERIAL TYPE   BODY SIZE   MEANING
 * 0             0           NULL
 * 1 .. 6        1,2,3,4,6,8 big-endian two's complement integer
 * 7             8           big-endian IEEE 754 double
 * 8, 9          0           the integers 0 and 1
 * 10, 11        -           reserved, never written; corrupt when read
 * N >= 12 even  (N-12)/2    BLOB
 * N >= 13 odd   (N-13)/2    TEXT, UTF-8
 * </pre>
 */
public final class RecordCodec {
  private RecordCodec() {}

  /** Encodes {@code values} as one record. */
  public static byte[] encode(Value[] values) {
    int n = values.length;
    long[] types = new long[n];
    byte[][] texts = new byte[n][];
    int typesSize = 0;
    long bodySize = 0;
    for (int i = 0; i < n; i++) {
      Value v = values[i];
      long type;
      if (v instanceof Value.Text t) {
        texts[i] = t.value().getBytes(StandardCharsets.UTF_8);
        type = 13 + 2L * texts[i].length;
      } else if (v instanceof Value.Blob b) {
        type = 12 + 2L * b.bytes().length;
      } else {
        type = serialType(v);
      }
      types[i] = type;
      typesSize += Varint.sizeOf(type);
      bodySize += bodySize(type);
    }
    // The header size counts its own varint, whose length depends on the size: iterate to the fixpoint.
    int headerSize = typesSize + 1;
    while (headerSize != typesSize + Varint.sizeOf(headerSize)) {
      headerSize = typesSize + Varint.sizeOf(headerSize);
    }
    long total = headerSize + bodySize;
    if (total > Integer.MAX_VALUE - 8) {
      throw new SqlException(ResultCode.TOOBIG, "string or blob too big");
    }
    byte[] out = new byte[(int) total];
    int pos = Varint.put(out, 0, headerSize);
    for (long type : types) {
      pos += Varint.put(out, pos, type);
    }
    for (int i = 0; i < n; i++) {
      pos = writeBody(out, pos, types[i], values[i], texts[i]);
    }
    return out;
  }

  private static long serialType(Value v) {
    if (v instanceof Value.Int i) {
      long x = i.value();
      if (x == 0) {
        return 8;
      }
      if (x == 1) {
        return 9;
      }
      if (x >= -128 && x <= 127) {
        return 1;
      }
      if (x >= -32768 && x <= 32767) {
        return 2;
      }
      if (x >= -8388608 && x <= 8388607) {
        return 3;
      }
      if (x >= Integer.MIN_VALUE && x <= Integer.MAX_VALUE) {
        return 4;
      }
      if (x >= -140737488355328L && x <= 140737488355327L) {
        return 5;
      }
      return 6;
    }
    if (v instanceof Value.Real) {
      return 7;
    }
    return 0;
  }

  /** The body size of a value with serial type {@code type}. */
  static int bodySize(long type) {
    if (type >= 12) {
      return (int) ((type - 12) >>> 1);
    }
    return switch ((int) type) {
      case 1 -> 1;
      case 2 -> 2;
      case 3 -> 3;
      case 4 -> 4;
      case 5 -> 6;
      case 6, 7 -> 8;
      default -> 0;
    };
  }

  private static int writeBody(byte[] out, int pos, long type, Value v, byte[] text) {
    if (text != null) {
      System.arraycopy(text, 0, out, pos, text.length);
      return pos + text.length;
    }
    if (v instanceof Value.Blob b) {
      System.arraycopy(b.bytes(), 0, out, pos, b.bytes().length);
      return pos + b.bytes().length;
    }
    int size = bodySize(type);
    long bits = v instanceof Value.Real r ? Double.doubleToRawLongBits(r.value()) : 0;
    if (v instanceof Value.Int i) {
      bits = i.value();
    }
    for (int k = size - 1; k >= 0; k--) {
      out[pos + k] = (byte) bits;
      bits >>= 8;
    }
    return pos + size;
  }
}
