package dev.pagoda.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.DiskFile;
import dev.pagoda.pager.MemoryFile;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Byte-level interoperability with real SQLite (sqlite-jdbc): WALs written by SQLite are read by
 * {@link WalReader}, and WALs written by this codec are recovered by SQLite.
 */
class SqliteWalInteropTest {
  private static final int COMMITS = 4;
  private static final int BIG_ROWS = 30;

  @TempDir static Path dir;

  /** SQLite's -wal and database file bytes, copied while the writing connection was open. */
  static byte[] wal;

  static byte[] db;
  static int pageSize;
  static int pageCount;

  static Connection open(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  static byte[] blob(int i, int len) {
    byte[] b = new byte[len];
    new Random(i).nextBytes(b);
    return b;
  }

  /**
   * Four commits in WAL mode with checkpoints off: CREATE TABLE; one small row; a transaction of 30
   * rows of 3000 bytes (many pages, overflow chains); an UPDATE of row 1.
   */
  @BeforeAll
  static void sqliteWritesWal() throws Exception {
    Path f = dir.resolve("s.db");
    try (Connection c = open(f);
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode=WAL")) {
        rs.next();
        assertEquals("wal", rs.getString(1));
      }
      s.execute("PRAGMA wal_autocheckpoint=0");
      s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, b BLOB)"); // commit 1
      s.execute("INSERT INTO t VALUES (1, x'0102')"); // commit 2
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
        for (int i = 2; i <= BIG_ROWS + 1; i++) {
          ps.setInt(1, i);
          ps.setBytes(2, blob(i, 3000));
          ps.executeUpdate();
        }
      }
      c.commit(); // commit 3
      c.setAutoCommit(true);
      s.execute("UPDATE t SET b = x'cafe' WHERE id = 1"); // commit 4
      pageSize = intPragma(s, "page_size");
      pageCount = intPragma(s, "page_count");
      // While the connection is open the -wal file exists and nothing was checkpointed.
      wal = Files.readAllBytes(dir.resolve("s.db-wal"));
      db = Files.readAllBytes(f);
    }
  }

  static int intPragma(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static WalScan scan(byte[] bytes) {
    try (MemoryFile f = new MemoryFile()) {
      f.write(0, bytes, 0, bytes.length);
      return WalReader.scan(f);
    }
  }

  /** The frames of SQLite's WAL re-encoded by this codec under {@code header}. */
  static byte[] reencode(WalHeader header, int frames) {
    WalHeader theirs = WalHeader.decode(wal);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header.encode());
    long c = header.checksum();
    byte[] f = new byte[header.frameSize()];
    for (WalFrame fr : scan(wal).frames().subList(0, frames)) {
      c =
          WalFrameHeader.encodeFrame(
              header, c, fr.pageNumber(), fr.commitSize(), wal, (int) fr.pageOffset(), f, 0);
      out.writeBytes(f);
    }
    assertEquals(theirs.pageSize(), header.pageSize());
    return out.toByteArray();
  }

  /** Runs {@code sql} with SQLite on a copy of the database with {@code walBytes} as its WAL. */
  static String sqliteReads(String name, byte[] walBytes, String sql) throws Exception {
    Path d = dir.resolve(name + ".db");
    Files.write(d, db);
    Files.write(dir.resolve(name + ".db-wal"), walBytes);
    try (Connection c = open(d);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      StringBuilder sb = new StringBuilder();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= n; i++) {
          sb.append(i > 1 ? "|" : sb.length() > 0 ? "\n" : "").append(rs.getString(i));
        }
      }
      return sb.toString();
    }
  }

  static int commitFrame(WalScan s, int commit) {
    int seen = 0;
    for (WalFrame f : s.frames()) {
      if (f.isCommit() && ++seen == commit) {
        return f.frameNumber();
      }
    }
    throw new AssertionError("no commit " + commit);
  }

  @Test
  void sqliteWal_header_decodes() {
    WalHeader h = WalHeader.decode(wal);
    assertEquals(pageSize, h.pageSize());
    assertEquals(0, h.checkpointSequence());
    // SQLite writes WAL_MAGIC | SQLITE_BIGENDIAN: checksums in native word order.
    assertEquals(ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN, h.bigEndianChecksums());
    assertArrayEquals(Arrays.copyOf(wal, 32), h.encode());
  }

  @Test
  void sqliteWal_allFramesValid_oneCommitFramePerTransaction() {
    WalScan s = scan(wal);
    WalHeader h = s.header().orElseThrow();
    assertEquals(WalScan.End.END_OF_FILE, s.end());
    assertEquals(0, (wal.length - 32) % h.frameSize(), "no partial frame");
    assertEquals((wal.length - 32) / h.frameSize(), s.maxFrame(), "every frame valid");
    assertEquals(COMMITS, s.commitCount());
    assertEquals(0, s.uncommittedFrames());
    assertTrue(s.maxFrame() > COMMITS + BIG_ROWS, "transaction 3 spans many pages");
    assertEquals(pageCount, s.databaseSize());

    // The newest page 1 is a database header whose in-header size matches the commit size.
    WalFrame p1 = s.newestFrames().get(1);
    int at = (int) p1.pageOffset();
    assertEquals(
        "SQLite format 3\0", new String(wal, at, 16, StandardCharsets.ISO_8859_1));
    assertEquals(s.databaseSize(), BigEndian.i32(wal, at + 28));
    assertEquals(pageSize, BigEndian.u16(wal, at + 16));
  }

  @Test
  void sqliteWal_viaDiskFile_sameResult() throws Exception {
    Path copy = dir.resolve("copy.db-wal");
    Files.write(copy, wal);
    try (DiskFile f = DiskFile.open(copy, true)) {
      WalScan s = WalReader.scan(f);
      assertEquals(scan(wal).frames(), s.frames());
      assertEquals(COMMITS, s.commitCount());
    }
  }

  @Test
  void sqliteWal_reencodedByCodec_byteIdentical() {
    WalHeader theirs = WalHeader.decode(wal);
    assertArrayEquals(wal, reencode(theirs, scan(wal).maxFrame()));
  }

  @Test
  void sqliteWal_truncatedMidLastFrame_prefixEndsAtPreviousCommit() {
    WalScan full = scan(wal);
    int frameSize = full.header().orElseThrow().frameSize();
    for (int cut : new int[] {1, frameSize / 2, frameSize - 1}) {
      WalScan s = scan(Arrays.copyOf(wal, wal.length - cut));
      assertEquals(COMMITS - 1, s.commitCount(), "cut " + cut);
      assertEquals(commitFrame(full, COMMITS - 1), s.maxFrame());
      assertEquals(full.maxFrame() - 1 - s.maxFrame(), s.uncommittedFrames());
    }
  }

  @Test
  void sqliteWal_flippedByteInLastFrame_prefixEndsAtPreviousCommit() {
    WalScan full = scan(wal);
    for (int back : new int[] {1, 100, pageSize - 1, pageSize + 24 - 5 /* commit size */}) {
      byte[] b = wal.clone();
      b[b.length - back] ^= 0x20;
      WalScan s = scan(b);
      assertEquals(WalScan.End.BAD_CHECKSUM, s.end(), "byte " + back + " from the end");
      assertEquals(COMMITS - 1, s.commitCount());
      assertEquals(commitFrame(full, COMMITS - 1), s.maxFrame());
    }
  }

  @Test
  void codecWal_bothByteOrders_recoveredBySqlite() throws Exception {
    int frames = scan(wal).maxFrame();
    Random r = new Random(5);
    for (int magic : new int[] {WalHeader.MAGIC_BIG_ENDIAN, WalHeader.MAGIC_LITTLE_ENDIAN}) {
      WalHeader ours = new WalHeader(magic, pageSize, 9, r.nextInt(), r.nextInt());
      String name = "ours" + Integer.toHexString(magic);
      assertEquals(
          (BIG_ROWS + 1) + "|CAFE|ok",
          sqliteReads(
              name,
              reencode(ours, frames),
              "SELECT count(*), (SELECT hex(b) FROM t WHERE id = 1), "
                  + "(SELECT group_concat(integrity_check) FROM pragma_integrity_check) FROM t"));
    }
  }

  @Test
  void codecWal_damagedLastCommit_sqliteAgreesWithReader() throws Exception {
    WalScan full = scan(wal);
    WalHeader ours = WalHeader.create(pageSize, new Random(11));
    byte[] b = reencode(ours, full.maxFrame());
    b[b.length - 10] ^= 1; // the page of the final commit frame
    WalScan s = scan(b);
    assertEquals(COMMITS - 1, s.commitCount());
    // SQLite, too, ignores transaction 4: row 1 still has its old value.
    assertEquals(
        (BIG_ROWS + 1) + "|0102",
        sqliteReads(
            "damaged", b, "SELECT count(*), (SELECT hex(b) FROM t WHERE id = 1) FROM t"));
  }

  @Test
  void sqliteWal_pageSize65536_storedAsIsInHeader() throws Exception {
    Path f = dir.resolve("big.db");
    byte[] bytes;
    try (Connection c = open(f);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA page_size=65536");
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA wal_autocheckpoint=0");
      s.execute("CREATE TABLE t(x)");
      s.execute("INSERT INTO t VALUES (zeroblob(100000))");
      assertEquals(65536, intPragma(s, "page_size"));
      bytes = Files.readAllBytes(dir.resolve("big.db-wal"));
    }
    assertEquals(0x00010000, BigEndian.i32(bytes, 8));
    WalScan s = scan(bytes);
    assertEquals(65536, s.header().orElseThrow().pageSize());
    assertEquals(WalScan.End.END_OF_FILE, s.end());
    assertEquals(2, s.commitCount());
    assertEquals((bytes.length - 32) / (65536 + 24), s.maxFrame());
  }
}
