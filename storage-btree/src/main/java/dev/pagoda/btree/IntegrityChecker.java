package dev.pagoda.btree;

import dev.pagoda.pager.BigEndian;
import dev.pagoda.pager.Pager;
import java.util.ArrayList;
import java.util.List;

/**
 * Pagoda's structural check of a database file, the storage half of {@code PRAGMA
 * integrity_check}: given the root pages of every table and index (read from sqlite_schema by the
 * caller), it returns SQLite-style error messages, none for a sound file. It follows SQLite's
 * {@code sqlite3BtreeIntegrityCheck}; messages that SQLite also produces use SQLite's exact words.
 *
 * <h2>The checks, in the order they run</h2>
 *
 * <ol>
 *   <li><b>Freelist</b> (prefix {@code "Freelist: "}): from the header's first trunk (offset 32),
 *       every trunk and every leaf it lists is a valid page number referenced once; a trunk lists
 *       at most U/4-2 leaves ("freelist leaf count too big on page N"); trunks plus leaves equal the
 *       header's count at offset 36 ("size is X but should be Y").
 *   <li><b>Auto-vacuum header</b>: with auto-vacuum (offset 52 non-zero) the largest root equals
 *       offset 52 ("max rootpage (X) disagrees with header (Y)"); without it the incremental-vacuum
 *       flag (offset 64) is zero.
 *   <li><b>Each tree</b>, sqlite_schema (page 1) included even when not listed (prefixes {@code
 *       "Tree R page P: "}, {@code "... cell C: "}, {@code "... right child: "}):
 *       <ol type="a">
 *         <li>every page number is in 1..page count ("invalid page number N") and referenced once
 *             across the whole file ("2nd reference to page N"); so cycles end at once;
 *         <li>the page kind fits the tree: table pages 0x05/0x0D in table trees, index pages
 *             0x02/0x0A in index trees; any other type byte is not a b-tree page;
 *         <li>the header is consistent: at most (P-8)/6 cells, the cell pointer array ends at or
 *             before the cell content area, which starts inside the usable area;
 *         <li>the freeblock chain starts inside the content area, ascends with at least 4 bytes
 *             between blocks, each block at least 4 bytes and inside the usable area, and freeblocks
 *             plus fragments do not exceed the content area ("free space corruption: ...");
 *         <li>each cell pointer lies in the content area ("Offset X out of range A..B") and each
 *             cell ends inside the usable area ("Extends off end of page");
 *         <li>table keys strictly increase across the tree, within the bounds set by the dividers
 *             above them ("Rowid K out of order"); index entries likewise when the root carries a
 *             {@link KeyComparator} ("Index key out of order");
 *         <li>every overflow chain has exactly ceil((P-L)/(U-4)) pages ("overflow list length is X
 *             but should be Y"), each referenced once;
 *         <li>all leaves are at the same depth ("Child page depth differs"), and no tree is deeper
 *             than {@value TableCursor#MAX_DEPTH} levels below its root;
 *         <li>cells, freeblocks and fragments cover the content area exactly once ("Multiple uses
 *             for byte X of page P"), and the uncovered bytes equal the header's fragment count
 *             ("Fragmentation of X bytes reported as Y on page P").
 *       </ol>
 *   <li><b>Pointer map</b> (auto-vacuum only): each root, child, overflow and free page has the
 *       entry its position implies ("Bad ptr map entry key=N expected=(T,P) got=(T,P)").
 *   <li><b>Page accounting</b>: every page 1..N is used exactly once, by a tree, an overflow chain
 *       or the freelist, or is a pointer-map page, or the lock-byte page ("Page N: never used";
 *       "Page N: pointer map referenced" when a tree or list uses a pointer-map page).
 * </ol>
 *
 * <p>The check reads pages only, never writes, allocates one bit per page plus one page's worth of
 * bookkeeping at a time (and, for index order checks, one entry), and stops after {@code
 * maxErrors} messages. A page the pager reports corrupt becomes a message; other storage failures
 * (I/O errors) propagate.
 */
public final class IntegrityChecker {
  /** SQLite's default limit on messages ({@code PRAGMA integrity_check} without an argument). */
  public static final int DEFAULT_MAX_ERRORS = 100;

  private static final int LARGEST_ROOT_PAGE = 52;
  private static final int INCREMENTAL_VACUUM = 64;
  private static final int FREELIST_TRUNK = 32;
  private static final int FREELIST_COUNT = 36;

  private IntegrityChecker() {}

  /**
   * The root page of one b-tree to check. From sqlite_schema: every row with a non-zero rootpage;
   * views, triggers and virtual tables have rootpage 0 and no tree. Indexes (including automatic
   * ones, whose sql is NULL) and WITHOUT ROWID tables are index b-trees; other tables are table
   * b-trees.
   *
   * @param page the root page number, as stored in sqlite_schema
   * @param index whether it is an index b-tree (page kinds 0x02/0x0A) rather than a table b-tree
   * @param comparator for index trees, orders the entries so that their order is checked too; null
   *     to skip that check. Entries must compare strictly increasing (SQLite index entries are
   *     unique: they end with the rowid, or are a WITHOUT ROWID table's unique primary key).
   */
  public record Root(int page, boolean index, KeyComparator comparator) {
    public Root {
      if (comparator != null && !index) {
        throw new IllegalArgumentException("a comparator orders index trees only");
      }
    }

    /** A table b-tree (rowid keys). */
    public static Root table(int page) {
      return new Root(page, false, null);
    }

    /** An index b-tree whose entry order is not checked. */
    public static Root index(int page) {
      return new Root(page, true, null);
    }

    /** An index b-tree whose entries must increase strictly under {@code comparator}. */
    public static Root index(int page, KeyComparator comparator) {
      return new Root(page, true, comparator);
    }
  }

  /**
   * The outcome of a check.
   *
   * @param errors the messages, at most maxErrors; empty for a sound file
   * @param entries per root in the order given (sqlite_schema first when it was added): table rows
   *     or index entries counted, so the caller can compare an index with its table as SQLite does
   */
  public record Report(List<String> errors, List<Long> entries) {
    public Report {
      errors = List.copyOf(errors);
      entries = List.copyOf(entries);
    }

    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /** Checks the file; returns the error messages, an empty list when it is sound. */
  public static List<String> check(Pager pager, List<Root> roots, int maxErrors) {
    return run(pager, roots, maxErrors).errors();
  }

  /** Checks the file; returns the messages and the entry count of each tree. */
  public static Report run(Pager pager, List<Root> roots, int maxErrors) {
    return run(pager, roots, maxErrors, false);
  }

  /**
   * With {@code partial}, checks only the trees given, as SQLite's {@code PRAGMA
   * integrity_check(TABLE)}: sqlite_schema is not added, the freelist is checked only when page 1
   * is among the roots, and neither the auto-vacuum header nor page accounting is checked (pages
   * of trees left out would all be "never used"). Otherwise the same as {@link #run(Pager, List,
   * int)}.
   */
  public static Report run(Pager pager, List<Root> roots, int maxErrors, boolean partial) {
    if (maxErrors < 1) {
      throw new IllegalArgumentException("maxErrors must be positive: " + maxErrors);
    }
    byte[] header = pager.getPage(1).data();
    int largestRoot = BigEndian.i32(header, LARGEST_ROOT_PAGE);
    CheckContext ck = new CheckContext(pager, maxErrors, largestRoot != 0);
    int lockByte = pager.lockBytePage();
    if (lockByte <= ck.pageCount) {
      ck.markReferenced(lockByte);
    }
    List<Root> all = partial ? roots : withSchemaRoot(roots);
    if (!partial || hasSchemaRoot(roots)) {
      ck.prefix(CheckContext.FREELIST, 0, 0);
      ck.checkList(true, BigEndian.i32(header, FREELIST_TRUNK),
          Integer.toUnsignedLong(BigEndian.i32(header, FREELIST_COUNT)));
      ck.prefix(CheckContext.NONE, 0, 0);
    }
    if (!partial) {
      checkVacuumHeader(ck, all, largestRoot, header);
    }
    List<Long> entries = new ArrayList<>(all.size());
    for (Root root : all) {
      entries.add(ck.full() ? 0L : new TreeChecker(ck, root).check());
    }
    ck.prefix(CheckContext.NONE, 0, 0);
    if (!partial) {
      checkAccounting(ck);
    }
    return new Report(ck.errors(), entries);
  }

  private static boolean hasSchemaRoot(List<Root> roots) {
    for (Root r : roots) {
      if (r.page() == BTree.SCHEMA_ROOT) {
        return true;
      }
    }
    return false;
  }

  private static List<Root> withSchemaRoot(List<Root> roots) {
    if (hasSchemaRoot(roots)) {
      return roots;
    }
    List<Root> all = new ArrayList<>(roots.size() + 1);
    all.add(Root.table(BTree.SCHEMA_ROOT));
    all.addAll(roots);
    return all;
  }

  private static void checkVacuumHeader(CheckContext ck, List<Root> roots, int largestRoot, byte[] header) {
    if (ck.autoVacuum) {
      long max = 0;
      for (Root r : roots) {
        max = Math.max(max, Integer.toUnsignedLong(r.page()));
      }
      if (max != Integer.toUnsignedLong(largestRoot)) {
        ck.error("max rootpage (" + max + ") disagrees with header (" + CheckContext.unsigned(largestRoot) + ")");
      }
    } else if (BigEndian.i32(header, INCREMENTAL_VACUUM) != 0) {
      ck.error("incremental_vacuum enabled with a max rootpage of zero");
    }
  }

  /** Every page used exactly once: the second-use half was reported along the way. */
  private static void checkAccounting(CheckContext ck) {
    for (int pgno = 1; pgno <= ck.pageCount && !ck.full(); pgno++) {
      boolean used = ck.isReferenced(pgno);
      boolean ptrmap = ck.isPtrmapPage(pgno);
      if (!used && !ptrmap) {
        ck.error("Page " + pgno + ": never used");
      } else if (used && ptrmap) {
        ck.error("Page " + pgno + ": pointer map referenced");
      }
    }
  }
}
