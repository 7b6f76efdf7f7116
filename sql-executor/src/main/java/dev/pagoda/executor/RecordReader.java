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
    return reset(record, 0, record.length);
  }

  /**
   * Points this reader at the record in {@code length} bytes of {@code bytes} from {@code start}
   * (a record read in place, on its page) and parses its header. The bytes are read again by each
   * {@link #column} call, so they must not change while this record is read.
   */
  public RecordReader reset(byte[] bytes, int start, int length) {
    this.payload = bytes;
    this.count = 0;
    if (length == 0) {
      return this;
    }
    int end = start + length;
    int pos = start;
    long headerSize;
    if (bytes[pos] >= 0) {
      headerSize = bytes[pos++];
    } else {
      headerSize = Varint.get(bytes, pos);
      pos += Varint.length(bytes, pos);
    }
    if (headerSize > length || headerSize < pos - start) {
      throw corrupt();
    }
    int headerEnd = start + (int) headerSize;
    int body = headerEnd;
    while (pos < headerEnd) {
      long type;
      byte first = bytes[pos];
      if (first >= 0) {
        type = first;
        pos++;
      } else {
        type = Varint.get(bytes, pos);
        pos += Varint.length(bytes, pos);
      }
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
    if (pos != headerEnd || body > end) {
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

  /**
   * Whether column {@code i} holds TEXT; when it does, points {@code out} at its UTF-8 bytes (in
   * the record, not copied).
   */
  boolean text(int i, TextSlice out) {
    if (i >= count) {
      return false;
    }
    long type = types[i];
    if (type < 13 || (type & 1) == 0) {
      return false;
    }
    out.set(payload, offsets[i], (int) ((type - 13) >>> 1));
    return true;
  }

  /**
   * Column {@code i} as a long when it holds an integer, else {@code otherwise}: an index entry's
   * rowid read without boxing.
   */
  public long integer(int i, long otherwise) {
    if (i >= count) {
      return otherwise;
    }
    long type = types[i];
    if (type >= 1 && type <= 6) {
      return readInt(offsets[i], RecordCodec.bodySize(type));
    }
    return type == 8 ? 0 : type == 9 ? 1 : otherwise;
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
