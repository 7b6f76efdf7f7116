package dev.pagoda.executor;

import dev.pagoda.btree.Varint;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.nio.charset.StandardCharsets;

/**
 * Reads the columns of one record at a time, lazily: {@link #reset} parses only the header, and
 * {@link #column} decodes only the column asked for, so a scan that reads two columns of ten does
 * not decode the other eight. One reader is reused for every row of a scan; its arrays grow to the
 * widest record seen and are not reallocated per row.
 */
public final class RecordReader {
  private byte[] payload = new byte[0];
  private long[] types = new long[8];
  private int[] offsets = new int[8];
  private int count;

  /** Points this reader at a new record and parses its header. */
  public RecordReader reset(byte[] record) {
    this.payload = record;
    this.count = 0;
    if (record.length == 0) {
      return this;
    }
    long headerSize = Varint.get(record, 0);
    int pos = Varint.length(record, 0);
    if (headerSize > record.length || headerSize < pos) {
      throw corrupt();
    }
    int body = (int) headerSize;
    while (pos < headerSize) {
      long type = Varint.get(record, pos);
      pos += Varint.length(record, pos);
      if (type == 10 || type == 11) {
        throw corrupt();
      }
      if (count == types.length) {
        types = java.util.Arrays.copyOf(types, count * 2);
        offsets = java.util.Arrays.copyOf(offsets, count * 2);
      }
      types[count] = type;
      offsets[count] = body;
      body += RecordCodec.bodySize(type);
      count++;
    }
    if (pos != headerSize || body > record.length) {
      throw corrupt();
    }
    return this;
  }

  /** The number of columns the record holds. */
  public int columnCount() {
    return count;
  }

  /** Column {@code i}; NULL for a column past the end (one added after the row was written). */
  public Value column(int i) {
    if (i >= count) {
      return Value.NULL;
    }
    long type = types[i];
    int off = offsets[i];
    if (type >= 12) {
      int len = (int) ((type - 12) >>> 1);
      if ((type & 1) == 1) {
        return new Value.Text(new String(payload, off, len, StandardCharsets.UTF_8));
      }
      return new Value.Blob(java.util.Arrays.copyOfRange(payload, off, off + len));
    }
    return switch ((int) type) {
      case 0 -> Value.NULL;
      case 7 -> Value.of(Double.longBitsToDouble(readInt(off, 8)));
      case 8 -> Values.FALSE;
      case 9 -> Values.TRUE;
      default -> Value.of(readInt(off, RecordCodec.bodySize(type)));
    };
  }

  private long readInt(int off, int size) {
    long v = payload[off]; // sign-extends the first byte
    for (int k = 1; k < size; k++) {
      v = (v << 8) | (payload[off + k] & 0xff);
    }
    return v;
  }

  private static SqlException corrupt() {
    return new SqlException(ResultCode.CORRUPT, "database disk image is malformed");
  }
}
