package dev.pagoda.spi;

import java.util.Locale;

/** SQLite's five storage classes, in the order SQLite sorts values of different classes. */
public enum StorageClass {
  NULL,
  INTEGER,
  REAL,
  TEXT,
  BLOB;

  /** The name {@code typeof()} returns: {@code null}, {@code integer}, {@code real}, ... */
  public String typeName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
