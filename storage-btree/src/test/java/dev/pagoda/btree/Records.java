package dev.pagoda.btree;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test-only encoder/decoder for the SQLite record format (the B-tree itself never sees records). */
final class Records {
  private Records() {}

  /** Encodes values (null, Long/Integer, Double, String, byte[]) as a SQLite record. */
  static byte[] encode(Object... values) {
    ByteArrayOutputStream types = new ByteArrayOutputStream();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Object v : values) {
      long type;
      if (v == null) {
        type = 0;
      } else if (v instanceof Integer || v instanceof Long) {
        long x = ((Number) v).longValue();
        type = intType(x);
        int len = new int[] {0, 1, 2, 3, 4, 6, 8}[(int) Math.min(type, 6)];
        if (type <= 6) {
          for (int i = len - 1; i >= 0; i--) {
            body.write((int) (x >>> (8 * i)));
          }
        }
      } else if (v instanceof Double dbl) {
        type = 7;
        long bits = Double.doubleToRawLongBits(dbl);
        for (int i = 7; i >= 0; i--) {
          body.write((int) (bits >>> (8 * i)));
        }
      } else if (v instanceof String str) {
        byte[] b = str.getBytes(StandardCharsets.UTF_8);
        type = 13 + 2L * b.length;
        body.writeBytes(b);
      } else {
        byte[] b = (byte[]) v;
        type = 12 + 2L * b.length;
        body.writeBytes(b);
      }
      writeVarint(types, type);
    }
    int typesLen = types.size();
    int headerLen = typesLen + 1;
    if (varintSize(headerLen) > 1) {
      headerLen = typesLen + varintSize(typesLen + 2);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeVarint(out, headerLen);
    out.writeBytes(types.toByteArray());
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static long intType(long x) {
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
    if (x >= -(1L << 47) && x < (1L << 47)) {
      return 5;
    }
    return 6;
  }

  /** Decodes a record into Long/Double/String/byte[]/null values. */
  static List<Object> decode(byte[] rec) {
    int[] pos = {0};
    long headerLen = readVarint(rec, pos);
    int bodyPos = (int) headerLen;
    List<Object> out = new ArrayList<>();
    while (pos[0] < headerLen) {
      long t = readVarint(rec, pos);
      if (t == 0) {
        out.add(null);
      } else if (t >= 1 && t <= 6) {
        int len = new int[] {0, 1, 2, 3, 4, 6, 8}[(int) t];
        long x = rec[bodyPos]; // sign-extended first byte
        for (int i = 1; i < len; i++) {
          x = (x << 8) | (rec[bodyPos + i] & 0xff);
        }
        out.add(x);
        bodyPos += len;
      } else if (t == 7) {
        long bits = 0;
        for (int i = 0; i < 8; i++) {
          bits = (bits << 8) | (rec[bodyPos + i] & 0xff);
        }
        out.add(Double.longBitsToDouble(bits));
        bodyPos += 8;
      } else if (t == 8 || t == 9) {
        out.add(t - 8);
      } else if (t >= 12 && t % 2 == 0) {
        int len = (int) ((t - 12) / 2);
        byte[] b = new byte[len];
        System.arraycopy(rec, bodyPos, b, 0, len);
        out.add(b);
        bodyPos += len;
      } else {
        int len = (int) ((t - 13) / 2);
        out.add(new String(rec, bodyPos, len, StandardCharsets.UTF_8));
        bodyPos += len;
      }
    }
    return out;
  }

  private static long readVarint(byte[] b, int[] pos) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      int x = b[pos[0]++] & 0xff;
      v = (v << 7) | (x & 0x7f);
      if (x < 0x80) {
        return v;
      }
    }
    return (v << 8) | (b[pos[0]++] & 0xff);
  }

  private static int varintSize(long v) {
    byte[] tmp = new byte[9];
    return Varint.put(tmp, 0, v);
  }

  private static void writeVarint(ByteArrayOutputStream out, long v) {
    byte[] tmp = new byte[9];
    int n = Varint.put(tmp, 0, v);
    out.write(tmp, 0, n);
  }
}
