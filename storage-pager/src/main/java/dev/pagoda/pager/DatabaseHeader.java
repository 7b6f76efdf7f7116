package dev.pagoda.pager;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The 100-byte database file header at the start of page 1. All multi-byte fields are big-endian.
 *
 * <pre>
 * OFFSET SIZE MEANING
 *      0   16 magic "SQLite format 3\0"
 *     16    2 page size in bytes; 1 means 65536
 *     18    1 file format write version: 1 legacy (rollback journal), 2 WAL
 *     19    1 file format read version: 1 legacy, 2 WAL
 *     20    1 reserved bytes at the end of each page (usable size = page size - this)
 *     21    1 maximum embedded payload fraction, must be 64
 *     22    1 minimum embedded payload fraction, must be 32
 *     23    1 leaf payload fraction, must be 32
 *     24    4 file change counter
 *     28    4 database size in pages (valid only if offset 92 == offset 24 and non-zero)
 *     32    4 page number of the first freelist trunk page, 0 if none
 *     36    4 total number of freelist pages (trunks and leaves)
 *     40    4 schema cookie
 *     44    4 schema format number (1..4; we write 4)
 *     48    4 default page cache size (we write 0)
 *     52    4 largest root b-tree page in auto-vacuum mode, else 0
 *     56    4 text encoding: 1 UTF-8, 2 UTF-16le, 3 UTF-16be
 *     60    4 user version (PRAGMA user_version)
 *     64    4 incremental-vacuum mode flag (0)
 *     68    4 application id (PRAGMA application_id)
 *     72   20 reserved for expansion, must be zero
 *     92    4 version-valid-for: change counter value when offset 96 was written
 *     96    4 SQLITE_VERSION_NUMBER of the library that last wrote the file
 * </pre>
 */
final class DatabaseHeader {
  static final int SIZE = 100;
  static final int PAGE_SIZE = 16;
  static final int WRITE_VERSION = 18;
  static final int READ_VERSION = 19;
  static final int RESERVED_BYTES = 20;
  static final int MAX_PAYLOAD_FRACTION = 21;
  static final int MIN_PAYLOAD_FRACTION = 22;
  static final int LEAF_PAYLOAD_FRACTION = 23;
  static final int CHANGE_COUNTER = 24;
  static final int DATABASE_SIZE = 28;
  static final int FREELIST_TRUNK = 32;
  static final int FREELIST_COUNT = 36;
  static final int SCHEMA_COOKIE = 40;
  static final int SCHEMA_FORMAT = 44;
  static final int DEFAULT_CACHE_SIZE = 48;
  static final int LARGEST_ROOT_PAGE = 52;
  static final int TEXT_ENCODING = 56;
  static final int USER_VERSION = 60;
  static final int INCREMENTAL_VACUUM = 64;
  static final int APPLICATION_ID = 68;
  static final int VERSION_VALID_FOR = 92;
  static final int SQLITE_VERSION = 96;

  /** The SQLITE_VERSION_NUMBER we write at offset 96 (we mimic SQLite 3.45.0). */
  static final int VERSION_NUMBER = 3045000;

  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /** Table-leaf b-tree page type, the type of an empty sqlite_schema root. */
  private static final byte TABLE_LEAF = 0x0D;

  private DatabaseHeader() {}

  /** Decodes the page-size field (1 means 65536); returns -1 when it is not a valid page size. */
  static int decodePageSize(int raw) {
    int size = raw == 1 ? 65536 : raw;
    if (size < 512 || size > 65536 || Integer.bitCount(size) != 1) {
      return -1;
    }
    return size;
  }

  /**
   * Validates the header of an existing database image.
   *
   * @return the page size
   * @throws StorageException NOTADB when the header is not a usable SQLite 3 header
   */
  static int validate(byte[] h) {
    if (!Arrays.equals(h, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw notADb("bad magic string");
    }
    int pageSize = decodePageSize(BigEndian.u16(h, PAGE_SIZE));
    if (pageSize < 0) {
      throw notADb("bad page size " + BigEndian.u16(h, PAGE_SIZE));
    }
    int readVersion = h[READ_VERSION] & 0xff;
    int writeVersion = h[WRITE_VERSION] & 0xff;
    if (readVersion < 1 || readVersion > 2 || writeVersion < 1) {
      throw notADb("unsupported file format version " + writeVersion + "/" + readVersion);
    }
    if ((h[MAX_PAYLOAD_FRACTION] & 0xff) != 64
        || (h[MIN_PAYLOAD_FRACTION] & 0xff) != 32
        || (h[LEAF_PAYLOAD_FRACTION] & 0xff) != 32) {
      throw notADb("bad payload fractions");
    }
    int usable = pageSize - (h[RESERVED_BYTES] & 0xff);
    if (usable < 480) {
      throw notADb("usable page size too small: " + usable);
    }
    return pageSize;
  }

  /**
   * Fills {@code page1} (all zero, length pageSize) with the header of a new empty database and an
   * empty table-leaf b-tree page for sqlite_schema at offset 100.
   */
  static void initNew(byte[] page1, int pageSize) {
    System.arraycopy(MAGIC, 0, page1, 0, MAGIC.length);
    BigEndian.putU16(page1, PAGE_SIZE, pageSize == 65536 ? 1 : pageSize);
    page1[WRITE_VERSION] = 1;
    page1[READ_VERSION] = 1;
    page1[RESERVED_BYTES] = 0;
    page1[MAX_PAYLOAD_FRACTION] = 64;
    page1[MIN_PAYLOAD_FRACTION] = 32;
    page1[LEAF_PAYLOAD_FRACTION] = 32;
    BigEndian.putI32(page1, DATABASE_SIZE, 1);
    BigEndian.putI32(page1, SCHEMA_FORMAT, 4);
    BigEndian.putI32(page1, TEXT_ENCODING, 1);
    BigEndian.putI32(page1, SQLITE_VERSION, VERSION_NUMBER);
    // empty table-leaf page header at offset 100: type, freeblock 0, 0 cells, content start, frag 0
    page1[SIZE] = TABLE_LEAF;
    BigEndian.putU16(page1, SIZE + 5, pageSize == 65536 ? 0 : pageSize);
  }

  /** The number of pages according to the header, or 0 when the in-header size is not valid. */
  static int trustedDatabaseSize(byte[] h) {
    int changeCounter = BigEndian.i32(h, CHANGE_COUNTER);
    int validFor = BigEndian.i32(h, VERSION_VALID_FOR);
    int size = BigEndian.i32(h, DATABASE_SIZE);
    return validFor == changeCounter && size > 0 ? size : 0;
  }

  private static StorageException notADb(String why) {
    return new StorageException(StorageException.Kind.NOTADB, "file is not a database: " + why);
  }
}
