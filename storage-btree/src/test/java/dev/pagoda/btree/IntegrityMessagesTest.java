package dev.pagoda.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.btree.IntegrityChecker.Root;
import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.DiskFile;
import dev.pagoda.pager.MemoryFile;
import dev.pagoda.pager.Page;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerOptions;
import dev.pagoda.pager.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each kind of damage gives the expected message. Where SQLite has a message for the same finding,
 * Pagoda's whole report must equal SQLite's b-tree messages word for word.
 */
class IntegrityMessagesTest {
  @TempDir static Path dir;
  static FileAnatomy good;

  @BeforeAll
  static void createGoodFile() throws Exception {
    good = FileAnatomy.create(dir.resolve("good.db"));
  }

  /** SQLite's structural messages for {@code f}: the row-level index checks are left out. */
  static List<String> sqliteMessages(Path f) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = Sqlite.open(f);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check(1000)")) {
      while (rs.next()) {
        for (String line : rs.getString(1).split("\n", -1)) {
          if (line.matches("(Tree |Page |Freelist: |Multiple uses|Fragmentation|2nd reference|invalid page"
              + "|max rootpage|incremental_vacuum|Bad ptr map|Failed to read ptrmap).*")) {
            out.add(line);
          }
        }
      }
    } catch (SQLException e) {
      // the b-tree messages come first; SQLite's row-by-row index checks may then fail on the damage
      assertTrue(e.getMessage().contains("malformed"), e::toString);
    }
    return out;
  }

  static List<String> pagodaMessages(Path f, List<Root> roots) {
    try (Pager pager = Pager.open(DiskFile.open(f, true), new PagerOptions(4096, true))) {
      return IntegrityChecker.check(pager, roots, 1000);
    }
  }

  private static Path damaged(String name) throws Exception {
    CorruptionCorpusTest.Damage d = CorruptionCorpusTest.damages().filter(x -> x.name().equals(name)).findFirst()
        .orElseThrow();
    Path f = dir.resolve(name + ".db");
    Files.write(f, d.change().apply(good.image.clone(), good));
    return f;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"leaf_cellPointerPastUsable", "leaf_cellPointerIntoHeader", "leaf_cellPointerDuplicated",
      "leaf_payloadRunsOffPage", "leaf_rowidAboveNextCell", "leaf_rowidAboveParentDivider", "leaf_fragmentCountPlus3",
      "interior_typeTableLeaf", "interior_childOutOfRange", "interior_twoChildrenShareASubtree",
      "interior_childSkipsALevel", "interior_dividerTooSmall", "overflow_nextIsItself", "overflow_lastLinksIntoTree",
      "freelist_trunkOutOfRange", "freelist_countPlusOne", "freelist_trunkLeafCountHuge", "freelist_leafIsTableRoot"})
  void damage_givesExactlySqlitesMessages(String name) throws Exception {
    Path f = damaged(name);
    assertEquals(sqliteMessages(f), pagodaMessages(f, good.roots()));
  }

  @Test
  void interiorChildZero_isReportedAsInvalidPageNumber_whereSqliteSaysNothingOfIt() throws Exception {
    Path f = damaged("interior_childZero");
    List<String> ours = pagodaMessages(f, good.roots());
    List<String> expected = new ArrayList<>(sqliteMessages(f));
    expected.add(0, "Tree " + good.tRoot + " page " + good.tRoot + " cell 0: invalid page number 0");
    assertEquals(expected, ours);
  }

  @Test
  void partialCheck_ofOneTable_skipsFreelistAndPageAccounting() throws Exception {
    Path f = damaged("freelist_countPlusOne");
    try (Pager pager = Pager.open(DiskFile.open(f, true), new PagerOptions(4096, true))) {
      IntegrityChecker.Report t = IntegrityChecker.run(pager, List.of(Root.table(good.tRoot)), 100, true);
      assertEquals(List.of(), t.errors(), "other trees' pages are not 'never used' in a partial check");
      assertEquals(List.of(Sqlite.queryLong(f, "SELECT count(*) FROM t")), t.entries());
      IntegrityChecker.Report withSchema =
          IntegrityChecker.run(pager, List.of(Root.table(1), Root.table(good.tRoot)), 100, true);
      assertEquals(List.of("Freelist: size is 93 but should be 94"), withSchema.errors(),
          "with page 1 among the roots the freelist is checked, as SQLite does");
    }
  }

  @Test
  void partialCheck_stillFindsDamageInsideTheTree() throws Exception {
    Path f = damaged("interior_dividerTooSmall");
    try (Pager pager = Pager.open(DiskFile.open(f, true), new PagerOptions(4096, true))) {
      assertEquals(pagodaMessages(f, good.roots()),
          IntegrityChecker.run(pager, List.of(Root.table(good.tRoot)), 100, true).errors());
    }
  }

  @Test
  void maxErrors_capsTheReport() throws Exception {
    Path f = damaged("interior_childOutOfRange");
    try (Pager pager = Pager.open(DiskFile.open(f, true), new PagerOptions(4096, true))) {
      List<String> all = IntegrityChecker.check(pager, good.roots(), 1000);
      assertTrue(all.size() > 10);
      assertEquals(all.subList(0, 7), IntegrityChecker.check(pager, good.roots(), 7));
    }
  }

  @Test
  void comparatorThatThrows_isReportedOnce_andTheCheckGoesOn() throws Exception {
    Path f = dir.resolve("throws.db");
    Files.write(f, good.image);
    KeyComparator broken = (key, entry, offset, length) -> {
      throw new IllegalStateException("no such collation");
    };
    List<String> errors = pagodaMessages(f, List.of(Root.table(good.tRoot), Root.index(good.indexRoot, broken)));
    assertEquals(1, errors.size(), errors::toString);
    assertTrue(errors.get(0).endsWith(": cannot compare index keys: java.lang.IllegalStateException: no such collation"),
        errors::toString);
  }

  @Test
  void chainOfInteriorPagesDeeperThanTwentyLevels_isReported_andCursorsRefuseIt() {
    MemoryFile file = new MemoryFile();
    int root;
    try (Pager pager = Pager.open(file, new PagerOptions(512, false))) {
      pager.beginWrite();
      root = BTree.createTable(pager);
      int parent = root;
      for (int level = 0; level < 24; level++) {
        int child = pager.allocatePage();
        new BTreePage(pager.getPage(parent), pager.usableSize()).rebuild(BTreePage.TABLE_INTERIOR, List.of(), child);
        new BTreePage(pager.getPage(child), pager.usableSize()).rebuild(BTreePage.TABLE_LEAF, List.of(), 0);
        parent = child;
      }
      pager.commit();
      List<String> errors = IntegrityChecker.check(pager, List.of(Root.table(root)), 100);
      assertEquals("Tree " + root + " page " + (root + 21) + ": b-tree is deeper than 20 levels (a cycle of child"
          + " pointers?)", errors.get(0));
      assertEquals("Page " + (root + 22) + ": never used", errors.get(1));
      try (TableCursor c = BTree.openTable(pager, root)) {
        StorageException e = assertThrows(StorageException.class, c::first);
        assertEquals(StorageException.Kind.CORRUPT, e.kind());
        assertTrue(e.getMessage().contains("deeper than 20 levels at page " + (root + 20)), e::getMessage);
      }
    }
  }

  @Test
  void incrementalVacuumFlagWithoutAutoVacuum_isReported_asSqliteDoes() throws Exception {
    byte[] img = good.image.clone();
    BigEndian.putI32(img, 64, 1);
    Path f = dir.resolve("incr.db");
    Files.write(f, img);
    assertEquals(List.of("incremental_vacuum enabled with a max rootpage of zero"), sqliteMessages(f));
    assertEquals(sqliteMessages(f), pagodaMessages(f, good.roots()));
  }

  /** An auto-vacuum file written by SQLite: pointer-map pages and their entries. */
  private static Path autoVacuumFile(String name) throws Exception {
    Path f = dir.resolve(name + ".db");
    IntegrityCheckerTest.writeWithSqlite(f, 1024, "full");
    return f;
  }

  @Test
  void autoVacuum_ptrmapEntryWithWrongParent_givesSqlitesMessage() throws Exception {
    Path f = autoVacuumFile("ptrmap");
    byte[] img = Files.readAllBytes(f);
    // page 2 is the first pointer-map page; its entry for page 5 (5 bytes at 5*(5-2-1)) names the parent
    int entry = FileAnatomy.pageStart(2) + 5 * (5 - 2 - 1);
    BigEndian.putI32(img, entry + 1, BigEndian.i32(img, entry + 1) + 1);
    Files.write(f, img);
    List<String> sqlite = sqliteMessages(f);
    assertEquals(List.of("Bad ptr map entry key=5 expected=(1,0) got=(1,1)"), sqlite, "page 5 is a root");
    assertEquals(sqlite, pagodaMessages(f, IntegrityCheckerTest.rootsOf(f)));
  }

  @Test
  void autoVacuum_largestRootInHeaderWrong_givesSqlitesMessage() throws Exception {
    Path f = autoVacuumFile("maxroot");
    byte[] img = Files.readAllBytes(f);
    BigEndian.putI32(img, 52, BigEndian.i32(img, 52) + 1);
    Files.write(f, img);
    List<String> sqlite = sqliteMessages(f);
    assertTrue(sqlite.get(0).startsWith("max rootpage ("), sqlite::toString);
    assertEquals(sqlite, pagodaMessages(f, IntegrityCheckerTest.rootsOf(f)));
  }

  @Test
  void autoVacuum_treeUsingAPointerMapPage_isPointerMapReferenced() throws Exception {
    Path f = autoVacuumFile("ptrref");
    List<Root> roots = IntegrityCheckerTest.rootsOf(f);
    byte[] img = Files.readAllBytes(f);
    // the first overflow page pointer of some cell now names page 2, the first pointer-map page
    int[] cell = firstOverflowCell(img, roots);
    BigEndian.putI32(img, cell[1], 2);
    Files.write(f, img);
    List<String> ours = pagodaMessages(f, roots);
    assertTrue(ours.contains("Page 2: pointer map referenced"), ours::toString);
    assertTrue(ours.contains("Page " + cell[0] + ": never used"), ours::toString);
  }

  /** {first overflow page, offset in the image of its pointer} of the first table-leaf cell with one. */
  private static int[] firstOverflowCell(byte[] img, List<Root> roots) {
    try (Pager pager = Pager.open(fileOf(img), new PagerOptions(4096, true))) {
      for (Root r : roots) {
        if (r.index()) {
          continue;
        }
        for (int pgno = 3; pgno <= pager.pageCount(); pgno++) {
          Page p = pager.getPage(pgno);
          if ((p.data()[0] & 0xff) != BTreePage.TABLE_LEAF) {
            continue;
          }
          BTreePage page = new BTreePage(p, pager.usableSize());
          CellInfo info = new CellInfo();
          for (int i = 0; i < page.cellCount(); i++) {
            int off = page.cellOffset(i);
            CellCodec.parseLeaf(p.data(), off, pager.usableSize(), pgno, info);
            if (info.overflowPage != 0) {
              int at = off + info.headerSize + info.localSize;
              return new int[] {info.overflowPage, FileAnatomy.pageStart(pgno) + at};
            }
          }
        }
      }
    }
    throw new IllegalStateException("no overflow cell");
  }

  private static MemoryFile fileOf(byte[] img) {
    MemoryFile m = new MemoryFile();
    m.write(0, Arrays.copyOf(img, img.length), 0, img.length);
    return m;
  }
}
