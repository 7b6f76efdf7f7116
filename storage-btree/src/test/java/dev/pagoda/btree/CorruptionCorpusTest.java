package dev.pagoda.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.MemoryFile;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerOptions;
import dev.pagoda.pager.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of hand-damaged copies of one sound file ({@link FileAnatomy}). Each damage changes
 * precisely described bytes; each damaged file is opened, scanned completely with every cursor,
 * and checked with {@link IntegrityChecker}. The only acceptable outcomes: a CORRUPT (or, for a
 * bad header, NOTADB) {@link StorageException}, or a non-empty integrity report; never another
 * exception or error, never a hang (each case has a time limit). Real SQLite must agree that the
 * file is damaged, which keeps the corpus honest.
 */
class CorruptionCorpusTest {
  @TempDir static Path dir;
  static FileAnatomy good;

  /** How far a damaged file gets. */
  enum Scan {
    /** Pager.open throws. */
    OPEN_FAILS,
    /** Opening works; a full cursor scan throws CORRUPT. */
    SCAN_FAILS,
    /** Every cursor scan completes (the damage is in bytes reads never need); the check finds it. */
    SCAN_PASSES
  }

  /**
   * One damage: a name, why those bytes, the change, the expected scan outcome and a fragment of
   * the expected integrity report (null when the file does not open).
   */
  record Damage(
      String name, String why, BiFunction<byte[], FileAnatomy, byte[]> change, Scan scan, String report) {
    @Override
    public String toString() {
      return name + " (" + why + ")";
    }
  }

  /** A damage that changes bytes of the image in place. */
  static Damage inPlace(String name, String why, BiConsumer<byte[], FileAnatomy> edit, Scan scan, String report) {
    return new Damage(name, why, (img, a) -> {
      edit.accept(img, a);
      return img;
    }, scan, report);
  }

  /** What happened to one damaged file. */
  record Outcome(StorageException openError, StorageException scanError, List<String> report) {}

  @BeforeAll
  static void createGoodFile() throws Exception {
    good = FileAnatomy.create(dir.resolve("good.db"));
  }

  @Test
  void goodFile_opensScansAndChecksClean_andHasTheShapeTheCorpusNeeds() throws Exception {
    Outcome o = run(good.image.clone(), good);
    assertEquals(null, o.openError());
    assertEquals(null, o.scanError());
    assertEquals(List.of(), o.report());
    assertEquals(3, good.tLevels.size(), "t should have three levels");
    assertTrue(good.indexLevels.size() >= 2, "the index should have interior pages");
    assertTrue(BigEndian.i32(good.image, 36) > 20, "the freelist should have a trunk and leaves");
    assertTrue(good.overflowCells.size() > 10);
    assertEquals(List.of(), damages().filter(d -> d.why().isEmpty()).toList(), "every damage says why");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damages")
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void damagedFile_isReportedCorrupt_andNothingWorse(Damage damage) throws Exception {
    byte[] image = damage.change().apply(good.image.clone(), good);
    assertNotEquals("ok", sqliteVerdict(image, damage.name()), "real SQLite must see damage too");
    Outcome o = run(image, good);
    switch (damage.scan()) {
      case OPEN_FAILS -> assertTrue(o.openError() != null, "open should fail");
      case SCAN_FAILS -> {
        assertEquals(null, o.openError());
        assertTrue(o.scanError() != null, "scan should fail, report: " + o.report());
      }
      case SCAN_PASSES -> {
        assertEquals(null, o.openError());
        assertEquals(null, o.scanError());
      }
      default -> fail("unknown scan outcome");
    }
    if (o.openError() == null) {
      assertTrue(o.report().stream().anyMatch(m -> m.contains(damage.report())),
          "expected \"" + damage.report() + "\" in " + o.report());
    }
  }

  /** Opens, scans and checks {@code image}; lets anything but a StorageException fail the test. */
  static Outcome run(byte[] image, FileAnatomy good) {
    MemoryFile file = new MemoryFile();
    file.write(0, image, 0, image.length);
    Pager pager;
    try {
      pager = Pager.open(file, new PagerOptions(FileAnatomy.PAGE_SIZE, true));
    } catch (StorageException e) {
      assertTrue(e.kind() == StorageException.Kind.CORRUPT || e.kind() == StorageException.Kind.NOTADB,
          e::toString);
      return new Outcome(e, null, null);
    }
    try (pager) {
      StorageException scanError = null;
      for (Consumer<Pager> phase : scanPhases(good)) {
        try {
          phase.accept(pager);
        } catch (StorageException e) {
          assertEquals(StorageException.Kind.CORRUPT, e.kind(), e::toString);
          scanError = scanError == null ? e : scanError;
        }
      }
      return new Outcome(null, scanError, IntegrityChecker.check(pager, good.roots(), 100));
    }
  }

  /**
   * The test record order, failing on a malformed record as the executor's comparator must: with
   * CORRUPT. (The B-tree never reads entries itself; a comparator's exception passes through.)
   */
  static final KeyComparator STRICT_ORDER = (key, entry, offset, length) -> {
    try {
      return RecordOrder.INSTANCE.compare(key, entry, offset, length);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new StorageException(StorageException.Kind.CORRUPT, "malformed index record: " + e.getMessage());
    }
  };

  /**
   * Every read path, each run on its own (a CORRUPT in one must not hide a crash in another):
   * forward with payloads, count, backward, seeks; for both tables and the index.
   */
  private static List<Consumer<Pager>> scanPhases(FileAnatomy good) {
    List<Consumer<Pager>> phases = new ArrayList<>();
    for (int root : new int[] {1, good.tRoot}) {
      phases.add(pager -> {
        try (TableCursor c = BTree.openTable(pager, root)) {
          for (boolean ok = c.first(); ok; ok = c.next()) {
            c.payload();
          }
        }
      });
      phases.add(pager -> BTree.openTable(pager, root).count());
      phases.add(pager -> {
        try (TableCursor c = BTree.openTable(pager, root)) {
          for (boolean ok = c.last(); ok; ok = c.previous()) {
            c.payloadSize();
          }
        }
      });
      phases.add(pager -> {
        try (TableCursor c = BTree.openTable(pager, root)) {
          for (long rowid = 0; rowid < 3100; rowid += 37) {
            if (c.seekAtOrAfter(rowid)) {
              c.payload();
            }
          }
        }
      });
    }
    phases.add(pager -> {
      try (IndexCursor c = BTree.openIndex(pager, good.indexRoot, STRICT_ORDER)) {
        for (boolean ok = c.first(); ok; ok = c.next()) {
          c.entry();
        }
      }
    });
    phases.add(pager -> BTree.openIndex(pager, good.indexRoot, STRICT_ORDER).count());
    phases.add(pager -> {
      try (IndexCursor c = BTree.openIndex(pager, good.indexRoot, STRICT_ORDER)) {
        for (boolean ok = c.last(); ok; ok = c.previous()) {
          c.entrySize();
        }
      }
    });
    phases.add(pager -> {
      try (IndexCursor c = BTree.openIndex(pager, good.indexRoot, STRICT_ORDER)) {
        for (int i = 1; i < 3000; i += 41) {
          if (c.seekAtOrAfter(Records.encode(FileAnatomy.text(i)))) {
            c.entry();
          }
        }
      }
    });
    return phases;
  }

  /** SQLite's integrity_check of {@code image}, or the error it gives opening it. */
  private static String sqliteVerdict(byte[] image, String name) throws Exception {
    Path f = dir.resolve(name + ".db");
    Files.write(f, image);
    try {
      return Sqlite.integrityCheck(f);
    } catch (java.sql.SQLException e) {
      return e.getMessage();
    }
  }

  // ---- the corpus -------------------------------------------------------------------------------

  static Stream<Damage> damages() {
    return Stream.of(headerDamages(), pageDamages(), cellDamages(), childDamages(), overflowDamages(),
            freeDamages(), indexDamages())
        .flatMap(Arrays::stream);
  }

  private static int leaf(FileAnatomy a, int i) {
    List<Integer> leaves = a.tLevels.get(2);
    return leaves.get(Math.floorMod(i, leaves.size()));
  }

  private static int middleInterior(FileAnatomy a) {
    return a.tLevels.get(1).get(1);
  }

  private static void putU16(byte[] img, int off, int v) {
    BigEndian.putU16(img, off, v);
  }

  private static void putI32(byte[] img, int off, int v) {
    BigEndian.putI32(img, off, v);
  }

  private static Damage[] headerDamages() {
    return new Damage[] {
      inPlace("header_pageCountBeyondFile",
          "header bytes 28..31 (database size, trusted as 24 == 92) say 5 pages more than the file",
          (img, a) -> putI32(img, 28, a.pageCount + 5), Scan.OPEN_FAILS, null),
      new Damage("file_truncatedByThreePages",
          "the last 3 pages (of t) are cut off; the trusted header size still counts them",
          (img, a) -> Arrays.copyOf(img, img.length - 3 * FileAnatomy.PAGE_SIZE), Scan.OPEN_FAILS, null),
      new Damage("file_truncated_headerSizeUntrusted",
          "the last 3 pages are cut off and byte 95 changed, so the size comes from the file length",
          (img, a) -> {
            img[95]++;
            return Arrays.copyOf(img, img.length - 3 * FileAnatomy.PAGE_SIZE);
          }, Scan.SCAN_FAILS, "invalid page number"),
      inPlace("header_pageSizeNotPowerOfTwo", "header bytes 16..17 (page size) set to 1000",
          (img, a) -> putU16(img, 16, 1000), Scan.OPEN_FAILS, null),
      inPlace("header_reservedBytes200",
          "header byte 20 (reserved bytes per page) set to 200: the usable size shrinks to 824",
          (img, a) -> img[20] = (byte) 200, Scan.SCAN_FAILS, "past the usable size 824"),
    };
  }

  private static Damage[] pageDamages() {
    return new Damage[] {
      inPlace("leaf_typeByteZero", "type byte of t's 6th leaf set to 0x00 (no b-tree page type)",
          (img, a) -> img[FileAnatomy.header(leaf(a, 5))] = 0, Scan.SCAN_FAILS,
          "page type 0x00 is not a b-tree page type"),
      inPlace("leaf_typeIndexLeaf", "type byte of t's 6th leaf set to 0x0a (index leaf)",
          (img, a) -> img[FileAnatomy.header(leaf(a, 5))] = 0x0a, Scan.SCAN_FAILS,
          "index b-tree page (type 0x0a) in a table b-tree"),
      inPlace("interior_typeTableLeaf",
          "type byte of t's 2nd level-1 interior page set to 0x0d: its 4-byte child numbers read as"
              + " leaf cells give rowid 0 again and again",
          (img, a) -> img[FileAnatomy.header(middleInterior(a))] = 0x0d, Scan.SCAN_FAILS,
          "Rowid 0 out of order"),
      inPlace("leaf_cellCount65535", "cell count (header bytes 3..4) of t's 6th leaf set to 65535",
          (img, a) -> putU16(img, FileAnatomy.header(leaf(a, 5)) + 3, 0xffff), Scan.SCAN_FAILS,
          "too many cells (65535)"),
      inPlace("leaf_contentStartZero",
          "content-area start (header bytes 5..6) of t's 6th leaf set to 0, which means 65536",
          (img, a) -> putU16(img, FileAnatomy.header(leaf(a, 5)) + 5, 0), Scan.SCAN_FAILS,
          "cell content area starts at 65536"),
      inPlace("interior_zeroed", "t's 2nd level-1 interior page overwritten with zeros",
          (img, a) -> Arrays.fill(img, FileAnatomy.pageStart(middleInterior(a)),
              FileAnatomy.pageStart(middleInterior(a) + 1), (byte) 0), Scan.SCAN_FAILS,
          "page type 0x00 is not a b-tree page type"),
      inPlace("leaf_randomGarbage", "t's 9th leaf overwritten with seeded random bytes",
          (img, a) -> {
            byte[] noise = new byte[FileAnatomy.PAGE_SIZE];
            new Random(42).nextBytes(noise);
            System.arraycopy(noise, 0, img, FileAnatomy.pageStart(leaf(a, 8)), noise.length);
          }, Scan.SCAN_FAILS, "Tree"),
      inPlace("schema_cellPointerPastUsable", "page 1 (sqlite_schema) cell pointer 0 set to 0xffff",
          (img, a) -> putU16(img, a.pointerAt(1, 0), 0xffff), Scan.SCAN_FAILS,
          "Tree 1 page 1 cell 0: Offset 65535 out of range"),
    };
  }

  private static Damage[] cellDamages() {
    return new Damage[] {
      inPlace("leaf_cellPointerPastUsable", "cell pointer 0 of t's 6th leaf set to 0xffff",
          (img, a) -> putU16(img, a.pointerAt(leaf(a, 5), 0), 0xffff), Scan.SCAN_FAILS,
          "Offset 65535 out of range"),
      inPlace("leaf_cellPointerIntoHeader", "cell pointer 0 of t's 6th leaf set to 3 (inside the header)",
          (img, a) -> putU16(img, a.pointerAt(leaf(a, 5), 0), 3), Scan.SCAN_FAILS, "Offset 3 out of range"),
      inPlace("leaf_cellPointerDuplicated", "cell pointer 1 of t's 6th leaf made equal to pointer 0",
          (img, a) -> putU16(img, a.pointerAt(leaf(a, 5), 1),
              BigEndian.u16(img, a.pointerAt(leaf(a, 5), 0))), Scan.SCAN_FAILS, "out of order"),
      inPlace("leaf_payloadSizeNineByteVarint",
          "the first 9 bytes of cell 0 of t's 6th leaf set to 0xff: payload size 2^64-1",
          (img, a) -> Arrays.fill(img, a.cellAt(leaf(a, 5), 0), a.cellAt(leaf(a, 5), 0) + 9, (byte) 0xff),
          Scan.SCAN_FAILS, "payload size 18446744073709551615 is too large"),
      inPlace("leaf_payloadRunsOffPage",
          "the 1-byte payload size of the cell nearest the end of t's 6th leaf set to 127",
          (img, a) -> img[lastCellOnPage(img, a, leaf(a, 5))] = 127, Scan.SCAN_FAILS, "Extends off end of page"),
      inPlace("leaf_rowidAboveNextCell",
          "rowid varint of cell 0 of t's 21st leaf (2 bytes) set to the rowid of cell 1 plus one",
          (img, a) -> setRowid(img, a, leaf(a, 20), 0, a.leafRowid(leaf(a, 20), 1) + 1), Scan.SCAN_FAILS,
          "out of order"),
      inPlace("leaf_rowidAboveParentDivider",
          "rowid of the last cell of t's 1st leaf (1 byte) set to the 2nd leaf's first rowid plus one",
          (img, a) -> setRowid(img, a, leaf(a, 0), a.cellCount(leaf(a, 0)) - 1, a.leafRowid(leaf(a, 1), 0) + 1),
          Scan.SCAN_FAILS, "out of order"),
      inPlace("leaf_fragmentCountPlus3", "fragmented-bytes count (header byte 7) of t's 6th leaf plus 3",
          (img, a) -> img[FileAnatomy.header(leaf(a, 5)) + 7] = (byte) (img[FileAnatomy.header(leaf(a, 5)) + 7] + 3), Scan.SCAN_PASSES, "Fragmentation of"),
    };
  }

  private static Damage[] childDamages() {
    return new Damage[] {
      inPlace("interior_childOutOfRange", "left child of cell 0 of t's root set to 0x7fffffff",
          (img, a) -> putI32(img, a.cellAt(a.tRoot, 0), 0x7fffffff), Scan.SCAN_FAILS,
          "invalid page number 2147483647"),
      inPlace("interior_childZero", "left child of cell 0 of t's root set to 0",
          (img, a) -> putI32(img, a.cellAt(a.tRoot, 0), 0), Scan.SCAN_FAILS, "invalid page number 0"),
      inPlace("interior_rightChildIsRoot",
          "right child of t's 2nd level-1 interior page set to t's root: a cycle",
          (img, a) -> putI32(img, a.rightChildAt(middleInterior(a)), a.tRoot), Scan.SCAN_FAILS,
          "2nd reference to page"),
      inPlace("root_rightChildIsItself", "right child of t's root set to the root itself",
          (img, a) -> putI32(img, a.rightChildAt(a.tRoot), a.tRoot), Scan.SCAN_FAILS, "2nd reference to page"),
      inPlace("interior_twoChildrenShareASubtree",
          "left child of cell 1 of t's root set to the left child of cell 0",
          (img, a) -> putI32(img, a.cellAt(a.tRoot, 1), a.child(a.tRoot, 0)), Scan.SCAN_FAILS,
          "2nd reference to page"),
      inPlace("interior_childSkipsALevel",
          "left child of cell 0 of t's root set to the first leaf: one leaf a level too high",
          (img, a) -> putI32(img, a.cellAt(a.tRoot, 0), leaf(a, 0)), Scan.SCAN_PASSES, "Child page depth differs"),
      inPlace("interior_dividerTooSmall",
          "key of cell 1 of t's root (2-byte varint) set to 128, below the keys of its left subtree",
          (img, a) -> {
            int key = a.cellAt(a.tRoot, 1) + 4;
            img[key] = (byte) 0x81;
            img[key + 1] = 0;
          }, Scan.SCAN_PASSES, "out of order"),
    };
  }

  private static Damage[] overflowDamages() {
    return new Damage[] {
      inPlace("overflow_nextIsItself", "next pointer of the first overflow page of a row points to itself",
          (img, a) -> {
            int first = a.overflowCells.get(3)[2];
            putI32(img, FileAnatomy.pageStart(first), first);
          }, Scan.SCAN_PASSES, "2nd reference to page"),
      inPlace("overflow_chainCutShort", "next pointer of the first of a row's two overflow pages set to 0",
          (img, a) -> putI32(img, FileAnatomy.pageStart(a.overflowCells.get(3)[2]), 0), Scan.SCAN_FAILS,
          "overflow list length is 1 but should be 2"),
      inPlace("overflow_firstPageOutOfRange", "a row's first-overflow-page pointer set to page count + 100",
          (img, a) -> putI32(img, overflowPointer(a, a.overflowCells.get(3)), a.pageCount + 100),
          Scan.SCAN_FAILS, "invalid page number"),
      inPlace("overflow_lastLinksIntoTree",
          "next pointer of a chain's last overflow page (0) set to t's root: the chain runs on into the tree",
          (img, a) -> {
            List<Integer> chain = a.chain(a.overflowCells.get(3)[2]);
            putI32(img, FileAnatomy.pageStart(chain.get(chain.size() - 1)), a.tRoot);
          }, Scan.SCAN_PASSES, "2nd reference to page"),
    };
  }

  private static Damage[] freeDamages() {
    return new Damage[] {
      inPlace("freelist_trunkOutOfRange", "header bytes 32..35 (first freelist trunk) set to page count + 7",
          (img, a) -> putI32(img, 32, a.pageCount + 7), Scan.SCAN_PASSES, "Freelist: invalid page number"),
      inPlace("freelist_countPlusOne", "header bytes 36..39 (freelist page count) plus one",
          (img, a) -> putI32(img, 36, BigEndian.i32(img, 36) + 1), Scan.SCAN_PASSES, "Freelist: size is"),
      inPlace("freelist_trunkLeafCountHuge", "leaf count (bytes 4..7) of the first freelist trunk set to 65536",
          (img, a) -> putI32(img, FileAnatomy.pageStart(BigEndian.i32(img, 32)) + 4, 65536), Scan.SCAN_PASSES,
          "freelist leaf count too big on page"),
      inPlace("freelist_leafIsTableRoot", "the first leaf listed on the first freelist trunk set to t's root",
          (img, a) -> putI32(img, FileAnatomy.pageStart(BigEndian.i32(img, 32)) + 8, a.tRoot), Scan.SCAN_PASSES,
          "2nd reference to page"),
      inPlace("freeblock_nextIsItself", "next pointer of the first freeblock of a leaf of t points to itself",
          (img, a) -> {
            int hdr = FileAnatomy.header(a.leafWithFreeblock());
            int fb = BigEndian.u16(img, hdr + 1);
            putU16(img, FileAnatomy.pageStart(a.leafWithFreeblock()) + fb, fb);
          }, Scan.SCAN_PASSES, "free space corruption"),
      inPlace("freeblock_sizePastPageEnd", "size of the first freeblock of a leaf of t set to 1024",
          (img, a) -> {
            int hdr = FileAnatomy.header(a.leafWithFreeblock());
            int fb = BigEndian.u16(img, hdr + 1);
            putU16(img, FileAnatomy.pageStart(a.leafWithFreeblock()) + fb + 2, 1024);
          }, Scan.SCAN_PASSES, "free space corruption"),
    };
  }

  private static Damage[] indexDamages() {
    return new Damage[] {
      inPlace("index_leafTypeTableLeaf", "type byte of the index's 3rd leaf set to 0x0d (table leaf)",
          (img, a) -> img[FileAnatomy.header(indexLeaf(a, 2))] = 0x0d, Scan.SCAN_FAILS,
          "table b-tree page (type 0x0d) in an index b-tree"),
      inPlace("index_entriesSwapped", "cell pointers 0 and 1 of the index's 3rd leaf swapped",
          (img, a) -> {
            int p0 = a.pointerAt(indexLeaf(a, 2), 0);
            int v0 = BigEndian.u16(img, p0);
            putU16(img, p0, BigEndian.u16(img, p0 + 2));
            putU16(img, p0 + 2, v0);
          }, Scan.SCAN_PASSES, "Index key out of order"),
      inPlace("index_cellPointerPastUsable", "cell pointer 0 of the index's 3rd leaf set to 0xffff",
          (img, a) -> putU16(img, a.pointerAt(indexLeaf(a, 2), 0), 0xffff), Scan.SCAN_FAILS,
          "Offset 65535 out of range"),
      inPlace("index_payloadSize2GiB",
          "the first 5 bytes of cell 0 of the index's 3rd leaf set to the varint 2^31-1 (payload size)",
          (img, a) -> System.arraycopy(new byte[] {(byte) 0x87, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f}, 0,
              img, a.cellAt(indexLeaf(a, 2), 0), 5), Scan.SCAN_FAILS, "Tree 3 page"),
      inPlace("index_cellCount65535", "cell count (header bytes 3..4) of the index's 3rd leaf set to 65535",
          (img, a) -> putU16(img, FileAnatomy.header(indexLeaf(a, 2)) + 3, 0xffff), Scan.SCAN_FAILS,
          "too many cells (65535)"),
      inPlace("index_interiorChildIsRoot", "right child of the index's 1st level-1 page set to the index root",
          (img, a) -> putI32(img, a.rightChildAt(a.indexLevels.get(1).get(0)), a.indexRoot), Scan.SCAN_FAILS,
          "2nd reference to page"),
      inPlace("index_childOutOfRange", "left child of cell 0 of the index root set to 0x7fffffff",
          (img, a) -> putI32(img, a.cellAt(a.indexRoot, 0), 0x7fffffff), Scan.SCAN_FAILS,
          "invalid page number 2147483647"),
      inPlace("index_rootRightChildIsItself", "right child of the index root set to the root itself",
          (img, a) -> putI32(img, a.rightChildAt(a.indexRoot), a.indexRoot), Scan.SCAN_FAILS,
          "2nd reference to page"),
      inPlace("index_overflowChainCutShort",
          "next pointer of the first overflow page of an index entry (2500-byte text) set to 0",
          (img, a) -> putI32(img, FileAnatomy.pageStart(a.indexOverflowPages.get(2)), 0), Scan.SCAN_FAILS,
          "overflow list length is 1 but should be"),
    };
  }

  private static int indexLeaf(FileAnatomy a, int i) {
    List<List<Integer>> levels = a.indexLevels;
    return levels.get(levels.size() - 1).get(i);
  }

  /** Offset in the image of the payload-size varint of the cell with the highest offset on a page. */
  private static int lastCellOnPage(byte[] img, FileAnatomy a, int pgno) {
    int best = 0;
    for (int i = 0; i < a.cellCount(pgno); i++) {
      best = Math.max(best, a.cellAt(pgno, i));
    }
    if (img[best] < 0) {
      throw new IllegalStateException("payload size of the last cell is not a 1-byte varint");
    }
    return best;
  }

  /** Rewrites a leaf cell's rowid in place; the new value must have the same varint length. */
  private static void setRowid(byte[] img, FileAnatomy a, int pgno, int i, long rowid) {
    int off = a.cellAt(pgno, i);
    int at = off + Varint.length(img, off);
    if (Varint.sizeOf(rowid) != Varint.length(img, at)) {
      throw new IllegalStateException("rowid " + rowid + " changes the varint length");
    }
    Varint.put(img, at, rowid);
  }

  /** Offset in the image of the first-overflow-page pointer of an overflow cell {leaf, index, first}. */
  private static int overflowPointer(FileAnatomy a, int[] cell) {
    int off = a.cellAt(cell[0], cell[1]);
    long payload = Varint.get(a.image, off);
    int header = Varint.length(a.image, off);
    header += Varint.length(a.image, off + header);
    return off + header + CellCodec.localSize(payload, FileAnatomy.PAGE_SIZE);
  }
}
