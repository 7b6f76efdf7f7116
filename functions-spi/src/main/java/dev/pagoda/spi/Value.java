package dev.pagoda.spi;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * One SQL value in one of SQLite's five storage classes. Immutable.
 *
 * <p>This is the value model at API boundaries (parameters, result rows, function arguments).
 * Hot loops in the executor may keep values unboxed; they convert at the boundary.
 */
public sealed interface Value permits Value.Null, Value.Int, Value.Real, Value.Text, Value.Blob {

  /** The one NULL value. */
  Value NULL = Null.INSTANCE;

  StorageClass storageClass();

  static Value of(long v) {
    return new Int(v);
  }

  static Value of(double v) {
    return new Real(v);
  }

  /** A TEXT value, or NULL when {@code v} is null. */
  static Value of(String v) {
    return v == null ? NULL : new Text(v);
  }

  /** A BLOB value holding a copy of {@code v}, or NULL when {@code v} is null. */
  static Value of(byte[] v) {
    return v == null ? NULL : new Blob(v.clone());
  }

  default boolean isNull() {
    return storageClass() == StorageClass.NULL;
  }

  /** SQL NULL. */
  enum Null implements Value {
    INSTANCE;

    @Override
    public StorageClass storageClass() {
      return StorageClass.NULL;
    }

    @Override
    public String toString() {
      return "NULL";
    }
  }

  /** A 64-bit signed INTEGER. */
  record Int(long value) implements Value {
    @Override
    public StorageClass storageClass() {
      return StorageClass.INTEGER;
    }

    @Override
    public String toString() {
      return Long.toString(value);
    }
  }

  /** An IEEE 754 double REAL. */
  record Real(double value) implements Value {
    @Override
    public StorageClass storageClass() {
      return StorageClass.REAL;
    }

    @Override
    public String toString() {
      return Double.toString(value);
    }
  }

  /** A TEXT value (UTF-8 on disk). */
  record Text(String value) implements Value {
    public Text {
      requireNonNull(value, "value");
    }

    @Override
    public StorageClass storageClass() {
      return StorageClass.TEXT;
    }

    @Override
    public String toString() {
      return value;
    }
  }

  /**
   * A BLOB. The array is owned by this value and must not be changed; {@link #bytes()} returns it
   * without a copy for speed, so callers must not modify what they get.
   */
  record Blob(byte[] bytes) implements Value {
    public Blob {
      requireNonNull(bytes, "bytes");
    }

    @Override
    public StorageClass storageClass() {
      return StorageClass.BLOB;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Blob other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("x'");
      for (byte b : bytes) {
        sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return sb.append('\'').toString();
    }
  }
}
