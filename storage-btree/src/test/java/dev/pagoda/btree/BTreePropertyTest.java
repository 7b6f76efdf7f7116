package dev.pagoda.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.DiskFile;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Random insert/overwrite/delete sequences on table and index b-trees, checked against a TreeMap
 * model, by a structural walk, and by real SQLite's {@code PRAGMA integrity_check}. Every try runs
 * the same sequence on each {@link Layout}: page sizes 512..65536, and files with reserved bytes
 * at the end of each page (one at SQLite's smallest usable size, 480).
 */
class BTreePropertyTest {
  /** A page size and a number of reserved bytes per page. */
  record Layout(int pageSize, int reserved) {
    int usable() {
      return pageSize - reserved;
    }
  }

  static final List<Layout> LAYOUTS =
      List.of(
          new Layout(512, 0),
          new Layout(1024, 0),
          new Layout(4096, 0),
          new Layout(65536, 0),
          new Layout(512, 32),
          new Layout(4096, 200));

  /** Insert (or overwrite) {@code rowid} with a payload of {@code size} bytes, or delete it. */
  record TableOp(boolean delete, long rowid, int size) {}

  /** Insert (or re-key) row {@code rowid} with an index key of {@code keyLen} bytes, or delete it. */
  record IndexOp(boolean delete, long rowid, int keyLen, int keySeed) {}

  private static final Comparator<byte[]> RECORD_ORDER =
      (x, y) -> RecordOrder.INSTANCE.compare(x, y, 0, y.length);

  @Property(tries = 15)
  void tableTree_randomInsertOverwriteDelete_matchesModelAndSqliteIntegrityCheck(
      @ForAll("tableOps") List<TableOp> ops) throws Exception {
    for (Layout layout : LAYOUTS) {
      withTempDir(dir -> runTable(dir.resolve("t.db"), layout, ops));
    }
  }

  @Property(tries = 15)
  void indexTree_randomInsertOverwriteDelete_matchesModelAndSqliteIntegrityCheck(
      @ForAll("indexOps") List<IndexOp> ops) throws Exception {
    for (Layout layout : LAYOUTS) {
      withTempDir(dir -> runIndex(dir.resolve("i.db"), layout, ops));
    }
  }

  @Provide
  @SuppressWarnings("unchecked") // generic varargs of frequencyOf
  Arbitrary<List<TableOp>> tableOps() {
    Arbitrary<Long> rowids =
        Arbitraries.frequencyOf(
            Tuple.of(20, Arbitraries.longs().between(-20, 1500)),
            Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L)));
    Arbitrary<Integer> sizes =
        Arbitraries.frequencyOf(
            Tuple.of(700, Arbitraries.integers().between(0, 200)),
            Tuple.of(200, Arbitraries.integers().between(200, 5000)),
            Tuple.of(60, Arbitraries.integers().between(5000, 70_000)),
            Tuple.of(3, Arbitraries.integers().between(70_000, 1 << 20).withDistribution(RandomDistribution.uniform())));
    Arbitrary<Boolean> deletes = Arbitraries.integers().between(0, 9).map(i -> i < 3);
    return Combinators.combine(deletes, rowids, sizes)
        .as(TableOp::new)
        .list()
        .ofMinSize(200)
        .ofMaxSize(1500)
        .withSizeDistribution(RandomDistribution.uniform());
  }

  @Provide
  @SuppressWarnings("unchecked") // generic varargs of frequencyOf
  Arbitrary<List<IndexOp>> indexOps() {
    Arbitrary<Integer> lengths =
        Arbitraries.frequencyOf(
            Tuple.of(60, Arbitraries.integers().between(0, 24)),
            Tuple.of(30, Arbitraries.integers().between(25, 400)),
            Tuple.of(10, Arbitraries.integers().between(400, 2000)));
    Arbitrary<Boolean> deletes = Arbitraries.integers().between(0, 9).map(i -> i < 3);
    return Combinators.combine(
            deletes, Arbitraries.longs().between(1, 1500), lengths, Arbitraries.integers().between(0, 40))
        .as(IndexOp::new)
        .list()
        .ofMinSize(200)
        .ofMaxSize(2000)
        .withSizeDistribution(RandomDistribution.uniform());
  }

  private static void runTable(Path f, Layout layout, List<TableOp> ops) throws Exception {
    TreeMap<Long, byte[]> model = new TreeMap<>();
    try (Pager pager = openNew(f, layout)) {
      pager.beginWrite();
      int root = BTree.createTable(pager);
      addSchemaRow(pager, 1, Records.encode("table", "t", "t", root, "CREATE TABLE t(a)"));
      try (TableCursor t = BTree.openTable(pager, root)) {
        for (int i = 0; i < ops.size(); i++) {
          if (i == ops.size() / 2) {
            pager.commit();
            pager.beginWrite();
          }
          TableOp op = ops.get(i);
          if (op.delete()) {
            assertEquals(model.remove(op.rowid()) != null, t.delete(op.rowid()), "delete " + op);
          } else {
            byte[] p = tablePayload(op.size(), i);
            model.put(op.rowid(), p);
            t.insert(op.rowid(), p);
          }
        }
      }
      pager.commit();
      try (TableCursor t = BTree.openTable(pager, root)) {
        verifyTable(t, model);
      }
      assertEquals(List.of(), IntegrityChecker.check(pager, List.of(IntegrityChecker.Root.table(root)), 10),
          "Pagoda's own checker, " + layout);
    }
    assertEquals("ok", Sqlite.integrityCheck(f), layout.toString());
    assertEquals(model.size(), Sqlite.queryLong(f, "select count(*) from t"), layout.toString());
  }

  private static void runIndex(Path f, Layout layout, List<IndexOp> ops) throws Exception {
    TreeMap<Long, byte[]> rows = new TreeMap<>();
    int index;
    try (Pager pager = openNew(f, layout)) {
      pager.beginWrite();
      int table = BTree.createTable(pager);
      index = BTree.createIndex(pager);
      addSchemaRow(pager, 1, Records.encode("table", "t", "t", table, "CREATE TABLE t(k BLOB)"));
      addSchemaRow(pager, 2, Records.encode("index", "i", "t", index, "CREATE INDEX i ON t(k)"));
      try (TableCursor t = BTree.openTable(pager, table);
          IndexCursor ix = BTree.openIndex(pager, index, RecordOrder.INSTANCE)) {
        for (int n = 0; n < ops.size(); n++) {
          if (n == ops.size() / 2) {
            pager.commit();
            pager.beginWrite();
          }
          applyIndexOp(ops.get(n), rows, t, ix);
        }
      }
      pager.commit();
      List<byte[]> expected = new ArrayList<>();
      for (Map.Entry<Long, byte[]> e : rows.entrySet()) {
        expected.add(Records.encode(e.getValue(), e.getKey()));
      }
      expected.sort(RECORD_ORDER);
      IndexCursorTest.assertEntries(expected, IndexTreeCheck.of(pager, index, RecordOrder.INSTANCE).entries());
      try (IndexCursor ix = BTree.openIndex(pager, index, RecordOrder.INSTANCE)) {
        verifyIndex(ix, expected, rows);
      }
      List<IntegrityChecker.Root> roots = List.of(
          IntegrityChecker.Root.table(table), IntegrityChecker.Root.index(index, RecordOrder.INSTANCE));
      assertEquals(List.of(), IntegrityChecker.check(pager, roots, 10), "Pagoda's own checker, " + layout);
    }
    assertEquals("ok", Sqlite.integrityCheck(f), layout.toString());
    assertEquals(rows.size(), Sqlite.queryLong(f, "select count(*) from t indexed by i where k is not null"));
  }

  private static void applyIndexOp(IndexOp op, TreeMap<Long, byte[]> rows, TableCursor t, IndexCursor ix) {
    long r = op.rowid();
    if (op.delete()) {
      byte[] old = rows.remove(r);
      assertEquals(old != null, t.delete(r));
      assertEquals(old != null, ix.delete(Records.encode(old != null ? old : indexKey(op), r)), "delete " + op);
      return;
    }
    byte[] k = indexKey(op);
    byte[] old = rows.put(r, k);
    if (old != null && !Arrays.equals(old, k)) {
      assertTrue(ix.delete(Records.encode(old, r)), "re-key " + op);
    }
    t.insert(r, Records.encode(k));
    ix.insert(Records.encode(k, r)); // an unchanged key overwrites its own entry
  }

  private static void verifyTable(TableCursor t, TreeMap<Long, byte[]> model) {
    List<Long> keys = new ArrayList<>();
    for (boolean ok = t.first(); ok; ok = t.next()) {
      keys.add(t.rowid());
      assertArrayEquals(model.get(t.rowid()), t.payload(), "payload of " + t.rowid());
    }
    assertEquals(new ArrayList<>(model.keySet()), keys);
    List<Long> back = new ArrayList<>();
    for (boolean ok = t.last(); ok; ok = t.previous()) {
      back.add(0, t.rowid());
    }
    assertEquals(keys, back);
    assertEquals(model.size(), t.count());
    for (long probe = -25; probe <= 1505; probe += 7) {
      Long ceil = model.ceilingKey(probe);
      assertEquals(ceil != null, t.seekAtOrAfter(probe));
      if (ceil != null) {
        assertEquals((long) ceil, t.rowid());
      }
      Long floor = model.floorKey(probe);
      assertEquals(floor != null, t.seekAtOrBefore(probe));
      if (floor != null) {
        assertEquals((long) floor, t.rowid());
        Long lower = model.lowerKey(floor);
        assertEquals(lower != null, t.previous());
      }
    }
  }

  private static void verifyIndex(IndexCursor ix, List<byte[]> expected, TreeMap<Long, byte[]> rows) {
    List<byte[]> forward = new ArrayList<>();
    for (boolean ok = ix.first(); ok; ok = ix.next()) {
      forward.add(ix.entry());
    }
    IndexCursorTest.assertEntries(expected, forward);
    List<byte[]> backward = new ArrayList<>();
    for (boolean ok = ix.last(); ok; ok = ix.previous()) {
      backward.add(0, ix.entry());
    }
    IndexCursorTest.assertEntries(expected, backward);
    assertEquals(expected.size(), ix.count());
    for (Map.Entry<Long, byte[]> e : rows.entrySet()) {
      byte[] full = Records.encode(e.getValue(), e.getKey());
      assertTrue(ix.seek(full));
      assertArrayEquals(full, ix.entry());
      byte[] prefix = Records.encode(e.getValue());
      assertTrue(ix.seekAtOrAfter(prefix));
      assertArrayEquals(firstAtOrAfter(expected, prefix), ix.entry());
      assertTrue(ix.seekAtOrBefore(prefix));
      assertArrayEquals(lastAtOrBefore(expected, prefix), ix.entry());
    }
    assertFalse(ix.seek(Records.encode(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 7}, -1L)));
  }

  private static byte[] firstAtOrAfter(List<byte[]> sorted, byte[] key) {
    for (byte[] e : sorted) {
      if (RecordOrder.INSTANCE.compare(key, e, 0, e.length) <= 0) {
        return e;
      }
    }
    return null;
  }

  private static byte[] lastAtOrBefore(List<byte[]> sorted, byte[] key) {
    byte[] last = null;
    for (byte[] e : sorted) {
      if (RecordOrder.INSTANCE.compare(key, e, 0, e.length) >= 0) {
        last = e;
      }
    }
    return last;
  }

  /**
   * A table payload of {@code size} bytes that SQLite can decode: a one-column blob record of
   * exactly {@code size} bytes, or the 2-byte one-NULL record for sizes 0..2. (SQLite never writes
   * a record shorter than 2 bytes, and its record decoder reads one byte past a 0-byte payload:
   * at the very end of a page, with a 9-byte rowid, it reports corruption. The b-tree itself
   * stores 0-byte payloads; {@code BTreeTest} covers them.)
   */
  static byte[] tablePayload(int size, int version) {
    if (size < 3) {
      return new byte[] {2, 0};
    }
    int len = size - 2;
    while (Records.encode(new byte[len]).length > size) {
      len--;
    }
    byte[] blob = new byte[len];
    new Random(version * 31L + size).nextBytes(blob);
    byte[] rec = Records.encode((Object) blob);
    if (rec.length != size) {
      // a varint width step: pad with a NULL column
      rec = Records.encode(blob, null);
    }
    assertEquals(size, rec.length, "payload size");
    return rec;
  }

  /** An index key; few distinct seeds, so keys share prefixes and repeat across rows. */
  static byte[] indexKey(IndexOp op) {
    byte[] k = new byte[op.keyLen()];
    Random rnd = new Random(op.keySeed());
    rnd.nextBytes(k);
    if (k.length > 0) {
      k[0] = (byte) (op.keySeed() % 3);
    }
    return k;
  }

  private static void addSchemaRow(Pager pager, long rowid, byte[] record) {
    try (TableCursor schema = BTree.openTable(pager, 1)) {
      schema.insert(rowid, record);
    }
    pager.setSchemaCookie(pager.schemaCookie() + 1);
  }

  /** Opens a pager on a new file; one with reserved bytes is first written as a one-page image. */
  static Pager openNew(Path f, Layout layout) throws IOException {
    if (layout.reserved() > 0) {
      Files.write(f, emptyDatabaseImage(layout));
    }
    return Pager.open(DiskFile.open(f, false), new PagerOptions(layout.pageSize(), false));
  }

  /** Page 1 of an empty database (header and empty sqlite_schema leaf) as SQLite writes it. */
  static byte[] emptyDatabaseImage(Layout layout) {
    int ps = layout.pageSize();
    byte[] p = new byte[ps];
    byte[] magic = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, p, 0, magic.length);
    BigEndian.putU16(p, 16, ps == 65536 ? 1 : ps);
    p[18] = 1;
    p[19] = 1;
    p[20] = (byte) layout.reserved();
    p[21] = 64;
    p[22] = 32;
    p[23] = 32;
    BigEndian.putI32(p, 24, 1); // change counter
    BigEndian.putI32(p, 28, 1); // database size in pages
    BigEndian.putI32(p, 44, 4); // schema format
    BigEndian.putI32(p, 56, 1); // UTF-8
    BigEndian.putI32(p, 92, 1); // version-valid-for
    BigEndian.putI32(p, 96, 3045000);
    p[100] = BTreePage.TABLE_LEAF;
    BigEndian.putU16(p, 105, layout.usable()); // cell content area starts at the usable end
    return p;
  }

  interface TempDirBody {
    void run(Path dir) throws Exception;
  }

  static void withTempDir(TempDirBody body) throws Exception {
    Path dir = Files.createTempDirectory("pagoda-prop");
    try {
      body.run(dir);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
