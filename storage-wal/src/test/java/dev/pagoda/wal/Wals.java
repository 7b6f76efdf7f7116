package dev.pagoda.wal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/** Test helpers: a reference checksum written straight from the definition, and a WAL builder. */
final class Wals {
  private Wals() {}

  /**
   * The WAL checksum as SQLite's file-format document states it, with unsigned 32-bit arithmetic
   * done in longs and masked: independent of {@link WalChecksum}'s int wrapping and VarHandles.
   */
  static long[] reference(ByteOrder order, long s0, long s1, byte[] b, int off, int len) {
    ByteBuffer buf = ByteBuffer.wrap(b, off, len).order(order);
    while (buf.remaining() >= 8) {
      long x0 = buf.getInt() & 0xffffffffL;
      long x1 = buf.getInt() & 0xffffffffL;
      s0 = (s0 + x0 + s1) & 0xffffffffL;
      s1 = (s1 + x1 + s0) & 0xffffffffL;
    }
    return new long[] {s0, s1};
  }

  static long referencePacked(ByteOrder order, long packed, byte[] b, int off, int len) {
    long[] r = reference(order, packed >>> 32, packed & 0xffffffffL, b, off, len);
    return (r[0] << 32) | r[1];
  }

  /** A page of {@code size} deterministic pseudo-random bytes. */
  static byte[] page(int size, long seed) {
    byte[] p = new byte[size];
    new Random(seed).nextBytes(p);
    return p;
  }

  /** Builds a WAL image frame by frame with the codec under test. */
  static final class Builder {
    final WalHeader header;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long checksum;
    private int frames;

    Builder(WalHeader header) {
      this.header = header;
      out.writeBytes(header.encode());
      checksum = header.checksum();
    }

    /** Appends a frame for page {@code pgno} (commit size 0 for a non-commit frame). */
    Builder frame(int pgno, int commitSize, byte[] page) {
      byte[] f = new byte[header.frameSize()];
      checksum = WalFrameHeader.encodeFrame(header, checksum, pgno, commitSize, page, 0, f, 0);
      out.writeBytes(f);
      frames++;
      return this;
    }

    /** Appends a frame whose page is derived from {@code (pgno, frame number)}. */
    Builder frame(int pgno, int commitSize) {
      return frame(pgno, commitSize, page(header.pageSize(), pgno * 1_000_003L + frames));
    }

    int frames() {
      return frames;
    }

    long checksum() {
      return checksum;
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
