package dev.pagoda.shell;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer for one line of output. sqlite3 prints bytes, not characters: a BLOB's
 * bytes go out as they are, and {@code %s} stops at a NUL; building output here keeps both true.
 */
final class Bytes {
  private byte[] bytes = new byte[256];
  private int length;

  Bytes add(byte b) {
    ensure(1);
    bytes[length++] = b;
    return this;
  }

  Bytes add(byte[] b, int from, int to) {
    ensure(to - from);
    System.arraycopy(b, from, bytes, length, to - from);
    length += to - from;
    return this;
  }

  Bytes add(byte[] b) {
    return add(b, 0, b.length);
  }

  /** {@code s} in UTF-8. */
  Bytes add(String s) {
    return add(s.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code b} up to its first NUL, as C's {@code %s} prints it. */
  Bytes addC(byte[] b) {
    return add(b, 0, Cells.cLength(b));
  }

  Bytes spaces(int n) {
    for (int i = 0; i < n; i++) {
      add((byte) ' ');
    }
    return this;
  }

  int length() {
    return length;
  }

  byte[] toArray() {
    return Arrays.copyOf(bytes, length);
  }

  /** Writes the bytes to {@code out} and empties the buffer. */
  void flushTo(PrintStream out) {
    out.write(bytes, 0, length);
    length = 0;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
