package dev.pagoda.wal;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.StorageException;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The 32-byte header at the start of a WAL file. Eight big-endian 32-bit unsigned integers:
 *
 * <pre>
 * OFFSET SIZE MEANING
 *      0    4 magic: 0x377f0682 (checksums over little-endian words) or 0x377f0683 (big-endian)
 *      4    4 file format version, always 3007000
 *      8    4 database page size in bytes: a power of two in 512..65536, stored as is
 *             (65536 is 0x00010000 here; the "1 means 65536" encoding is the database header's
 *             and the wal-index's 16-bit field, never the WAL file's)
 *     12    4 checkpoint sequence number (incremented on each WAL restart)
 *     16    4 salt-1: random when the WAL is created, incremented on each restart
 *     20    4 salt-2: a fresh random value on each restart
 *     24    4 checksum-1 \ WalChecksum over bytes 0..23, starting from (0, 0), words in the
 *     28    4 checksum-2 / order the magic selects
 * </pre>
 *
 * <p>An instance is always self-consistent: the components are validated on construction and the
 * two checksum words are computed from them ({@link #checksum1()}, {@link #checksum2()}), so
 * {@link #encode()} always yields a header SQLite accepts. The format version is a constant
 * ({@link #FORMAT_VERSION}) rather than a component.
 *
 * <p>Invalid input: {@link #check} classifies 32 bytes without throwing, in SQLite's order (magic
 * and page size, then checksum, then version); {@link #decode} throws. SQLite's recovery treats a
 * header with a bad magic, page size or checksum as "the WAL holds nothing" and a header whose
 * checksum is right but whose version is not 3007000 as {@code SQLITE_CANTOPEN}; {@link
 * WalReader} follows that rule.
 *
 * @param magic {@link #MAGIC_LITTLE_ENDIAN} or {@link #MAGIC_BIG_ENDIAN}
 * @param pageSize database page size, a power of two in 512..65536
 * @param checkpointSequence checkpoint sequence number (unsigned)
 * @param salt1 salt-1 (unsigned), copied into every frame header
 * @param salt2 salt-2 (unsigned), copied into every frame header
 */
public record WalHeader(int magic, int pageSize, int checkpointSequence, int salt1, int salt2) {
  /** Size of the WAL header in bytes. */
  public static final int SIZE = 32;
  /** The only WAL format version there is ({@code WAL_MAX_VERSION}). */
  public static final int FORMAT_VERSION = 3007000;
  /** Magic for checksums computed over little-endian words. */
  public static final int MAGIC_LITTLE_ENDIAN = 0x377f0682;
  /** Magic for checksums computed over big-endian words. */
  public static final int MAGIC_BIG_ENDIAN = 0x377f0683;
  /** Smallest page size. */
  public static final int MIN_PAGE_SIZE = 512;
  /** Largest page size ({@code SQLITE_MAX_PAGE_SIZE}). */
  public static final int MAX_PAGE_SIZE = 65536;

  /** Offset of the magic number. */
  static final int OFF_MAGIC = 0;
  /** Offset of the format version. */
  static final int OFF_VERSION = 4;
  /** Offset of the page size. */
  static final int OFF_PAGE_SIZE = 8;
  /** Offset of the checkpoint sequence number. */
  static final int OFF_CHECKPOINT_SEQUENCE = 12;
  /** Offset of salt-1 (salt-2 follows). */
  static final int OFF_SALT1 = 16;
  /** Offset of salt-2. */
  static final int OFF_SALT2 = 20;
  /** Offset of checksum-1 (checksum-2 follows); also the number of checksummed bytes. */
  static final int OFF_CHECKSUM1 = 24;
  /** Offset of checksum-2. */
  static final int OFF_CHECKSUM2 = 28;

  /** The outcome of {@link #check}: why 32 bytes are or are not a usable WAL header. */
  public enum Status {
    /** A valid header. */
    VALID,
    /** The magic is neither 0x377f0682 nor 0x377f0683; SQLite ignores the WAL. */
    BAD_MAGIC,
    /** The page size is not a power of two in 512..65536; SQLite ignores the WAL. */
    BAD_PAGE_SIZE,
    /** The stored checksum does not match bytes 0..23; SQLite ignores the WAL. */
    BAD_CHECKSUM,
    /** Checksum right but version not 3007000; SQLite fails with SQLITE_CANTOPEN. */
    UNSUPPORTED_VERSION
  }

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException on a bad magic or page size
   */
  public WalHeader {
    if (!isMagic(magic)) {
      throw new IllegalArgumentException("bad WAL magic: 0x" + Integer.toHexString(magic));
    }
    if (!isPageSize(pageSize)) {
      throw new IllegalArgumentException("bad WAL page size: " + pageSize);
    }
  }

  /**
   * A header for a new WAL: checkpoint sequence 0, random salts, and checksums over the platform's
   * native word order, as SQLite itself writes ({@code WAL_MAGIC | SQLITE_BIGENDIAN}).
   */
  public static WalHeader create(int pageSize, RandomGenerator random) {
    int magic =
        ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? MAGIC_BIG_ENDIAN : MAGIC_LITTLE_ENDIAN;
    return new WalHeader(magic, pageSize, 0, random.nextInt(), random.nextInt());
  }

  /** {@link #create(int, RandomGenerator)} with salts from a {@link SecureRandom}. */
  public static WalHeader create(int pageSize) {
    return create(pageSize, Salts.RANDOM);
  }

  /**
   * The header SQLite writes when it restarts the WAL from its beginning after a checkpoint
   * ({@code walRestartHdr}): checkpoint sequence + 1, salt-1 + 1, a fresh random salt-2. Frames
   * left over from this header's generation no longer match the salts and so stop any scan.
   */
  public WalHeader restart(RandomGenerator random) {
    return new WalHeader(magic, pageSize, checkpointSequence + 1, salt1 + 1, random.nextInt());
  }

  /** Whether checksums are computed over big-endian words (magic 0x377f0683). */
  public boolean bigEndianChecksums() {
    return (magic & 1) != 0;
  }

  /** Bytes per frame in this WAL: the 24-byte frame header plus one page. */
  public int frameSize() {
    return WalFrameHeader.SIZE + pageSize;
  }

  /** The header checksum packed as by {@link WalChecksum}: where frame 1's checksum chain starts. */
  public long checksum() {
    byte[] b = new byte[SIZE];
    encodeFields(b, 0);
    return WalChecksum.update(bigEndianChecksums(), WalChecksum.INITIAL, b, 0, OFF_CHECKSUM1);
  }

  /** Checksum-1 (offset 24). */
  public int checksum1() {
    return WalChecksum.s0(checksum());
  }

  /** Checksum-2 (offset 28). */
  public int checksum2() {
    return WalChecksum.s1(checksum());
  }

  /** The 32 header bytes. */
  public byte[] encode() {
    byte[] b = new byte[SIZE];
    encode(b, 0);
    return b;
  }

  /** Writes the 32 header bytes at {@code b[off]}. */
  public void encode(byte[] b, int off) {
    Objects.checkFromIndexSize(off, SIZE, b.length);
    encodeFields(b, off);
    long c = WalChecksum.update(bigEndianChecksums(), WalChecksum.INITIAL, b, off, OFF_CHECKSUM1);
    BigEndian.putI32(b, off + OFF_CHECKSUM1, WalChecksum.s0(c));
    BigEndian.putI32(b, off + OFF_CHECKSUM2, WalChecksum.s1(c));
  }

  private void encodeFields(byte[] b, int off) {
    BigEndian.putI32(b, off + OFF_MAGIC, magic);
    BigEndian.putI32(b, off + OFF_VERSION, FORMAT_VERSION);
    BigEndian.putI32(b, off + OFF_PAGE_SIZE, pageSize);
    BigEndian.putI32(b, off + OFF_CHECKPOINT_SEQUENCE, checkpointSequence);
    BigEndian.putI32(b, off + OFF_SALT1, salt1);
    BigEndian.putI32(b, off + OFF_SALT2, salt2);
  }

  /**
   * Classifies the 32 bytes at {@code b[off]} exactly as SQLite's recovery does, in its order:
   * magic and page size first, then the checksum, then the version.
   */
  public static Status check(byte[] b, int off) {
    Objects.checkFromIndexSize(off, SIZE, b.length);
    int magic = BigEndian.i32(b, off + OFF_MAGIC);
    if (!isMagic(magic)) {
      return Status.BAD_MAGIC;
    }
    if (!isPageSize(BigEndian.i32(b, off + OFF_PAGE_SIZE))) {
      return Status.BAD_PAGE_SIZE;
    }
    long c = WalChecksum.update((magic & 1) != 0, WalChecksum.INITIAL, b, off, OFF_CHECKSUM1);
    if (WalChecksum.s0(c) != BigEndian.i32(b, off + OFF_CHECKSUM1)
        || WalChecksum.s1(c) != BigEndian.i32(b, off + OFF_CHECKSUM2)) {
      return Status.BAD_CHECKSUM;
    }
    if (BigEndian.i32(b, off + OFF_VERSION) != FORMAT_VERSION) {
      return Status.UNSUPPORTED_VERSION;
    }
    return Status.VALID;
  }

  /** {@link #decode(byte[], int)} at offset 0. */
  public static WalHeader decode(byte[] b) {
    return decode(b, 0);
  }

  /**
   * Decodes and validates the 32 bytes at {@code b[off]}.
   *
   * @throws StorageException {@code CORRUPT} for a bad magic, page size or checksum; {@code
   *     CANTOPEN} for a correctly checksummed header of another format version (SQLite's code)
   */
  public static WalHeader decode(byte[] b, int off) {
    return switch (check(b, off)) {
      case VALID -> new WalHeader(
          BigEndian.i32(b, off + OFF_MAGIC),
          BigEndian.i32(b, off + OFF_PAGE_SIZE),
          BigEndian.i32(b, off + OFF_CHECKPOINT_SEQUENCE),
          BigEndian.i32(b, off + OFF_SALT1),
          BigEndian.i32(b, off + OFF_SALT2));
      case UNSUPPORTED_VERSION -> throw new StorageException(
          StorageException.Kind.CANTOPEN,
          "unsupported WAL format version "
              + Integer.toUnsignedString(BigEndian.i32(b, off + OFF_VERSION))
              + " (expected "
              + FORMAT_VERSION
              + ")");
      case BAD_MAGIC -> throw new StorageException(
          StorageException.Kind.CORRUPT,
          "not a WAL header: magic 0x" + Integer.toHexString(BigEndian.i32(b, off + OFF_MAGIC)));
      case BAD_PAGE_SIZE -> throw new StorageException(
          StorageException.Kind.CORRUPT,
          "bad WAL page size " + Integer.toUnsignedString(BigEndian.i32(b, off + OFF_PAGE_SIZE)));
      case BAD_CHECKSUM -> throw new StorageException(
          StorageException.Kind.CORRUPT, "WAL header checksum mismatch");
    };
  }

  static boolean isMagic(int magic) {
    return (magic & 0xfffffffe) == MAGIC_LITTLE_ENDIAN;
  }

  static boolean isPageSize(int pageSize) {
    return pageSize >= MIN_PAGE_SIZE
        && pageSize <= MAX_PAGE_SIZE
        && (pageSize & (pageSize - 1)) == 0;
  }

  @Override
  public String toString() {
    return "WalHeader[magic=0x"
        + Integer.toHexString(magic)
        + ", pageSize="
        + pageSize
        + ", checkpointSequence="
        + Integer.toUnsignedString(checkpointSequence)
        + ", salt1=0x"
        + Integer.toHexString(salt1)
        + ", salt2=0x"
        + Integer.toHexString(salt2)
        + "]";
  }

  /** Lazily created source of fresh salts. */
  private static final class Salts {
    static final SecureRandom RANDOM = new SecureRandom();

    private Salts() {}
  }
}
