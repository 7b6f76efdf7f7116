package dev.pagoda.spi;

/**
 * The arguments of one call, read by position. Each getter converts as SQLite's {@code
 * sqlite3_value_*} do (see {@link Conversions}); an implementation may keep values unboxed, so
 * {@link #getLong} on an INTEGER need not allocate. The object is valid only during the call: a
 * function must not keep it.
 *
 * <pre>{@code
 * if (args.isNull(0)) {
 *   return Value.NULL;
 * }
 * long n = args.getLong(0);
 * }</pre>
 */
public interface Arguments {
  /** The number of arguments. */
  int size();

  /** Argument {@code i} as a value. */
  Value get(int i);

  /** The storage class of argument {@code i}. */
  default StorageClass type(int i) {
    return get(i).storageClass();
  }

  default boolean isNull(int i) {
    return type(i) == StorageClass.NULL;
  }

  /** Argument {@code i} as an integer; see {@link Conversions#toLong}. */
  default long getLong(int i) {
    return Conversions.toLong(get(i));
  }

  /** Argument {@code i} as a double; see {@link Conversions#toDouble}. */
  default double getDouble(int i) {
    return Conversions.toDouble(get(i));
  }

  /** Argument {@code i} as text, or null when it is NULL; see {@link Conversions#toText}. */
  default String getText(int i) {
    return Conversions.toText(get(i));
  }

  /** Argument {@code i} as bytes (a BLOB's own, text as UTF-8), or null when it is NULL. */
  default byte[] getBytes(int i) {
    return Conversions.toBytes(get(i));
  }

  /** Arguments over an array of values (the array is not copied). */
  static Arguments of(Value... values) {
    return new Arguments() {
      @Override
      public int size() {
        return values.length;
      }

      @Override
      public Value get(int i) {
        return values[i];
      }
    };
  }
}
