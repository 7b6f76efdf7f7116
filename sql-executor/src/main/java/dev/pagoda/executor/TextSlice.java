package dev.pagoda.executor;

/**
 * Where a TEXT value's UTF-8 bytes lie ({@link Row#storedText}): {@code length} bytes of
 * {@code bytes} from {@code start}, borrowed, not copied. One per call site, reused for every row.
 */
final class TextSlice {
  byte[] bytes;
  int start;
  int length;

  void set(byte[] bytes, int start, int length) {
    this.bytes = bytes;
    this.start = start;
    this.length = length;
  }
}
