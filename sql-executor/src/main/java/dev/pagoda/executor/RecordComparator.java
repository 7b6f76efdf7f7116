package dev.pagoda.executor;

import dev.pagoda.btree.KeyComparator;
import dev.pagoda.btree.Varint;
import dev.pagoda.planner.IndexSchema;
import dev.pagoda.spi.Collation;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares two records field by field as SQLite orders index entries: NULL first, then numbers
 * (integers and reals by value), then text (by the field's collation), then blobs (bytewise); a
 * DESC field reverses its order. Only the search key's fields are compared, so a key that is a
 * prefix of an entry compares equal to it.
 *
 * <p>Why it is shaped this way: it runs once per cell visited by every index seek, so it walks the
 * two record headers in step and compares the bodies in place: no values are built and nothing is
 * allocated. {@link #compareSlow} is the plain reference version (decode, then {@link
 * Values#compare}) that tests check it against.
 */
public final class RecordComparator implements KeyComparator {
  private final Collation[] collations;
  private final boolean[] descending;

  /**
   * @param collations the collation of each indexed field, in order
   * @param descending whether each field sorts DESC; fields past either list use BINARY ASC
   */
  public RecordComparator(List<? extends Collation> collations, List<Boolean> descending) {
    this.collations = collations.toArray(new Collation[0]);
    this.descending = new boolean[descending.size()];
    for (int i = 0; i < this.descending.length; i++) {
      this.descending[i] = descending.get(i);
    }
  }

  /**
   * The order of an index's entries: its columns' collations and directions, then the rowid. A
   * collation other than the built-in three comes from a plugged-in {@code FunctionProvider}.
   *
   * @throws SqlException "no such collation sequence" when a column's collation is unknown
   */
  public static RecordComparator forIndex(IndexSchema index) {
    List<Collation> collations = new ArrayList<>();
    List<Boolean> descending = new ArrayList<>();
    for (IndexSchema.IndexColumn c : index.columns()) {
      collations.add(Comparison.collation(c.collation()));
      descending.add(c.descending());
    }
    return new RecordComparator(collations, descending);
  }

  /** Every field BINARY and ascending: the order of a rowid-suffixed default index. */
  public static RecordComparator binary() {
    return new RecordComparator(List.of(), List.of());
  }

  @Override
  public int compare(byte[] key, byte[] entry, int offset, int length) {
    int keyHeaderEnd = (int) Varint.get(key, 0);
    int keyPos = Varint.length(key, 0);
    int keyBody = keyHeaderEnd;
    int entryHeaderEnd = offset + (int) Varint.get(entry, offset);
    int entryPos = offset + Varint.length(entry, offset);
    int entryBody = entryHeaderEnd;
    if (entryHeaderEnd > offset + length || keyHeaderEnd > key.length) {
      throw corrupt();
    }
    for (int field = 0; keyPos < keyHeaderEnd; field++) {
      if (entryPos >= entryHeaderEnd) {
        return 1; // the entry has fewer fields: it sorts first
      }
      long keyType = Varint.get(key, keyPos);
      keyPos += Varint.length(key, keyPos);
      long entryType = Varint.get(entry, entryPos);
      entryPos += Varint.length(entry, entryPos);
      if (keyBody + RecordCodec.bodySize(keyType) > key.length
          || entryBody + RecordCodec.bodySize(entryType) > offset + length) {
        throw corrupt(); // a field that runs past its record
      }
      int c = compareField(field, key, keyBody, keyType, entry, entryBody, entryType);
      if (c != 0) {
        return field < descending.length && descending[field] ? -c : c;
      }
      keyBody += RecordCodec.bodySize(keyType);
      entryBody += RecordCodec.bodySize(entryType);
    }
    return 0;
  }

  private int compareField(
      int field, byte[] a, int aOff, long aType, byte[] b, int bOff, long bType) {
    int aClass = typeClass(aType);
    int bClass = typeClass(bType);
    if (aClass != bClass) {
      return Integer.compare(aClass, bClass);
    }
    switch (aClass) {
      case 0:
        return 0;
      case 1:
        return compareNumbers(a, aOff, aType, b, bOff, bType);
      case 2:
        return compareText(field, a, aOff, RecordCodec.bodySize(aType),
            b, bOff, RecordCodec.bodySize(bType));
      default:
        return BuiltinCollation.BINARY.compare(
            a, aOff, RecordCodec.bodySize(aType), b, bOff, RecordCodec.bodySize(bType));
    }
  }

  /**
   * Compares two UTF-8 texts under field {@code field}'s collation: a built-in one on the bytes,
   * a plugged-in one on the decoded strings.
   */
  private int compareText(int field, byte[] a, int aOff, int aLen, byte[] b, int bOff,
      int bLen) {
    Collation c = field < collations.length ? collations[field] : BuiltinCollation.BINARY;
    if (c instanceof BuiltinCollation builtin) {
      return builtin.compare(a, aOff, aLen, b, bOff, bLen);
    }
    return c.compare(new String(a, aOff, aLen, java.nio.charset.StandardCharsets.UTF_8),
        new String(b, bOff, bLen, java.nio.charset.StandardCharsets.UTF_8));
  }

  /** 0 NULL, 1 number, 2 text, 3 blob: the order of storage classes. */
  private static int typeClass(long type) {
    if (type == 0) {
      return 0;
    }
    if (type < 10) {
      return 1;
    }
    if (type < 12) {
      throw corrupt(); // serial types 10 and 11 are reserved
    }
    return (type & 1) == 1 ? 2 : 3;
  }

  private static int compareNumbers(byte[] a, int aOff, long aType, byte[] b, int bOff, long bType) {
    if (aType == 7 && bType == 7) {
      return Values.compareDoubles(readDouble(a, aOff), readDouble(b, bOff));
    }
    if (aType == 7) {
      return -Values.compareLongDouble(readInt(b, bOff, bType), readDouble(a, aOff));
    }
    if (bType == 7) {
      return Values.compareLongDouble(readInt(a, aOff, aType), readDouble(b, bOff));
    }
    return Long.compare(readInt(a, aOff, aType), readInt(b, bOff, bType));
  }

  private static double readDouble(byte[] p, int off) {
    return Double.longBitsToDouble(readBits(p, off, 8));
  }

  private static long readInt(byte[] p, int off, long type) {
    if (type == 8) {
      return 0;
    }
    if (type == 9) {
      return 1;
    }
    return readBits(p, off, RecordCodec.bodySize(type));
  }

  private static long readBits(byte[] p, int off, int size) {
    long v = p[off]; // sign-extends the first byte
    for (int k = 1; k < size; k++) {
      v = (v << 8) | (p[off + k] & 0xff);
    }
    return v;
  }

  /**
   * The reference comparison: decodes both records into values and compares them with {@link
   * Values#compare}, text by collation. Slow; for tests and assertions.
   */
  public int compareSlow(byte[] key, byte[] entry) {
    RecordReader k = new RecordReader().reset(key);
    RecordReader e = new RecordReader().reset(entry);
    for (int i = 0; i < k.columnCount(); i++) {
      if (i >= e.columnCount()) {
        return 1;
      }
      int c = compareValues(i, k.column(i), e.column(i));
      if (c != 0) {
        return i < descending.length && descending[i] ? -c : c;
      }
    }
    return 0;
  }

  private int compareValues(int field, dev.pagoda.spi.Value x, dev.pagoda.spi.Value y) {
    if (x instanceof dev.pagoda.spi.Value.Text tx && y instanceof dev.pagoda.spi.Value.Text ty) {
      byte[] a = tx.value().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] b = ty.value().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return Integer.signum(compareText(field, a, 0, a.length, b, 0, b.length));
    }
    return Integer.signum(Values.compare(x, y));
  }

  private static SqlException corrupt() {
    return new SqlException(ResultCode.CORRUPT, "database disk image is malformed");
  }
}
