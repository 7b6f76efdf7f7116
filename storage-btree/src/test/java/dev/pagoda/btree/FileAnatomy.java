package dev.pagoda.btree;

import dev.pagoda.pager.BigEndian;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: a sound database image written by real SQLite (1024-byte pages, so that its trees
 * have three levels), and a map of where its structures live, found by walking the raw pages. The
 * corruption tests damage precise bytes of copies of {@link #image}.
 *
 * <p>Contents: table {@code t(a INTEGER PRIMARY KEY, b TEXT)} with rowids 1..3000 minus every 7th
 * (deleted, which leaves freeblocks), b of 20..219 bytes and of 2500 bytes for every 97th row (a
 * three-page overflow chain); index {@code tb ON t(b)}; a freelist left by dropping table {@code
 * junk}, created between the two halves of t's rows so that t's pages also end the file.
 */
final class FileAnatomy {
  static final int PAGE_SIZE = 1024;

  final byte[] image;
  final int pageCount;
  final int tRoot;
  final int indexRoot;
  /** Pages of t per level, left to right; level 0 is the root. */
  final List<List<Integer>> tLevels = new ArrayList<>();
  final List<List<Integer>> indexLevels = new ArrayList<>();
  /** Leaf cells of t with overflow: {leaf page, cell index, first overflow page}. */
  final List<int[]> overflowCells = new ArrayList<>();
  /** First overflow pages of index cells (leaf and interior) whose chain has at least two pages. */
  final List<Integer> indexOverflowPages = new ArrayList<>();

  private FileAnatomy(byte[] image, int tRoot, int indexRoot) {
    this.image = image;
    this.pageCount = BigEndian.i32(image, 28);
    this.tRoot = tRoot;
    this.indexRoot = indexRoot;
    walk(tRoot, 0, tLevels);
    walk(indexRoot, 0, indexLevels);
  }

  static String text(int i) {
    int len = i % 97 == 0 ? 2500 : 20 + (i * 37) % 200;
    StringBuilder sb = new StringBuilder(len);
    while (sb.length() < len) {
      sb.append("row ").append(i).append(' ');
    }
    return sb.substring(0, len);
  }

  static FileAnatomy create(Path file) throws Exception {
    try (Connection c = Sqlite.open(file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA page_size = " + PAGE_SIZE);
      s.execute("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT)");
      s.execute("CREATE INDEX tb ON t(b)");
      c.setAutoCommit(false);
      insertRows(c, 1, 1500);
      s.execute("CREATE TABLE junk(x)");
      s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)"
          + " INSERT INTO junk SELECT randomblob(200) FROM n");
      insertRows(c, 1501, 3000);
      s.execute("DELETE FROM t WHERE a % 7 = 3");
      s.execute("DROP TABLE junk");
      c.commit();
    }
    long tRoot = Sqlite.queryLong(file, "SELECT rootpage FROM sqlite_schema WHERE name = 't'");
    long indexRoot = Sqlite.queryLong(file, "SELECT rootpage FROM sqlite_schema WHERE name = 'tb'");
    return new FileAnatomy(Files.readAllBytes(file), (int) tRoot, (int) indexRoot);
  }

  private static void insertRows(Connection c, int from, int to) throws Exception {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
      for (int i = from; i <= to; i++) {
        ps.setInt(1, i);
        ps.setString(2, text(i));
        ps.executeUpdate();
      }
    }
  }

  /** The roots the schema lists, as the engine will pass them to the checker. */
  List<IntegrityChecker.Root> roots() {
    return List.of(IntegrityChecker.Root.table(1), IntegrityChecker.Root.table(tRoot),
        IntegrityChecker.Root.index(indexRoot, RecordOrder.INSTANCE));
  }

  static int pageStart(int pgno) {
    return (pgno - 1) * PAGE_SIZE;
  }

  /** Offset in the image of page {@code pgno}'s b-tree header. */
  static int header(int pgno) {
    return pageStart(pgno) + (pgno == 1 ? 100 : 0);
  }

  int type(int pgno) {
    return image[header(pgno)] & 0xff;
  }

  int cellCount(int pgno) {
    return BigEndian.u16(image, header(pgno) + 3);
  }

  /** Offset in the image of cell pointer {@code i} of page {@code pgno}. */
  int pointerAt(int pgno, int i) {
    boolean leaf = (type(pgno) & 0x08) != 0;
    return header(pgno) + (leaf ? 8 : 12) + 2 * i;
  }

  /** Offset in the image of cell {@code i} of page {@code pgno}. */
  int cellAt(int pgno, int i) {
    return pageStart(pgno) + BigEndian.u16(image, pointerAt(pgno, i));
  }

  /** Offset in the image of the right-child pointer of interior page {@code pgno}. */
  int rightChildAt(int pgno) {
    return header(pgno) + 8;
  }

  int rightChild(int pgno) {
    return BigEndian.i32(image, rightChildAt(pgno));
  }

  /** Child {@code i} (0..cellCount) of interior page {@code pgno}. */
  int child(int pgno, int i) {
    return i == cellCount(pgno) ? rightChild(pgno) : BigEndian.i32(image, cellAt(pgno, i));
  }

  /** The rowid of table leaf cell {@code i}. */
  long leafRowid(int pgno, int i) {
    int off = cellAt(pgno, i);
    return Varint.get(image, off + Varint.length(image, off));
  }

  /** The overflow chain starting at {@code first}, as page numbers. */
  List<Integer> chain(int first) {
    List<Integer> pages = new ArrayList<>();
    for (int p = first; p != 0; p = BigEndian.i32(image, pageStart(p))) {
      pages.add(p);
    }
    return pages;
  }

  /** A leaf of t (not the first) whose first freeblock offset is non-zero. */
  int leafWithFreeblock() {
    List<Integer> leaves = tLevels.get(tLevels.size() - 1);
    for (int leaf : leaves.subList(1, leaves.size())) {
      if (BigEndian.u16(image, header(leaf) + 1) != 0) {
        return leaf;
      }
    }
    throw new IllegalStateException("no leaf with a freeblock");
  }

  private void findIndexOverflow(int pgno, int childPointer) {
    for (int i = 0; i < cellCount(pgno); i++) {
      int off = cellAt(pgno, i) + childPointer;
      long payload = Varint.get(image, off);
      int local = CheckedCell.localSize(payload, PAGE_SIZE, false);
      if (local < payload) {
        int first = BigEndian.i32(image, off + Varint.length(image, off) + local);
        if (chain(first).size() >= 2) {
          indexOverflowPages.add(first);
        }
      }
    }
  }

  private void walk(int pgno, int level, List<List<Integer>> levels) {
    while (levels.size() <= level) {
      levels.add(new ArrayList<>());
    }
    levels.get(level).add(pgno);
    int type = type(pgno);
    if (type == BTreePage.INDEX_LEAF || type == BTreePage.INDEX_INTERIOR) {
      findIndexOverflow(pgno, type == BTreePage.INDEX_INTERIOR ? 4 : 0);
    }
    if ((type & 0x08) == 0) {
      for (int i = 0; i <= cellCount(pgno); i++) {
        walk(child(pgno, i), level + 1, levels);
      }
    } else if (type == BTreePage.TABLE_LEAF) {
      for (int i = 0; i < cellCount(pgno); i++) {
        int off = cellAt(pgno, i);
        long payload = Varint.get(image, off);
        int header = Varint.length(image, off);
        header += Varint.length(image, off + header);
        int local = CellCodec.localSize(payload, PAGE_SIZE);
        if (local < payload) {
          overflowCells.add(new int[] {pgno, i, BigEndian.i32(image, off + header + local)});
        }
      }
    }
  }
}
