package dev.pagoda.btree;

import dev.pagoda.pager.Pager;
import dev.pagoda.pager.StorageException;
import java.util.List;
import java.util.Objects;

/**
 * Entry points for table and index b-trees: create, drop, clear and open a cursor. A tree is
 * known by its root page number, which never changes while the tree exists.
 */
public final class BTree {
  /** The root page of sqlite_schema. */
  public static final int SCHEMA_ROOT = 1;

  private BTree() {}

  /** Allocates an empty table-leaf root page and returns its number. Requires a write transaction. */
  public static int createTable(Pager pager) {
    requireWrite(pager);
    int pgno = pager.allocatePage();
    new BTreePage(pager.getPage(pgno), pager.usableSize()).rebuild(BTreePage.TABLE_LEAF, List.of(), 0);
    return pgno;
  }

  /**
   * Allocates an empty index-leaf root page and returns its number. Requires a write transaction.
   */
  public static int createIndex(Pager pager) {
    requireWrite(pager);
    int pgno = pager.allocatePage();
    new BTreePage(pager.getPage(pgno), pager.usableSize()).rebuild(BTreePage.INDEX_LEAF, List.of(), 0);
    return pgno;
  }

  /**
   * Frees every page of the b-tree rooted at {@code rootPage} (table or index), including overflow
   * pages and the root itself, onto the freelist. Requires a write transaction.
   */
  public static void drop(Pager pager, int rootPage) {
    requireWrite(pager);
    if (rootPage == SCHEMA_ROOT) {
      throw new StorageException(StorageException.Kind.MISUSE, "cannot drop sqlite_schema");
    }
    TreeWalker.freeTree(pager, rootPage, true);
  }

  /** The same as {@link #drop}, which frees index trees too; kept for existing callers. */
  public static void dropTable(Pager pager, int rootPage) {
    drop(pager, rootPage);
  }

  /**
   * Removes every row or entry of the b-tree rooted at {@code rootPage}: frees all pages but the
   * root, which becomes an empty leaf of the same kind (table or index). Requires a write
   * transaction.
   */
  public static void clear(Pager pager, int rootPage) {
    requireWrite(pager);
    TreeWalker.freeTree(pager, rootPage, false);
  }

  /** The same as {@link #clear}, which clears index trees too; kept for existing callers. */
  public static void clearTable(Pager pager, int rootPage) {
    clear(pager, rootPage);
  }

  /** Opens a cursor on the table b-tree rooted at {@code rootPage} (1 = sqlite_schema). */
  public static TableCursor openTable(Pager pager, int rootPage) {
    if (rootPage < 1 || rootPage > pager.pageCount()) {
      throw CellCodec.corrupt("root page out of range: " + rootPage);
    }
    return new TableCursor(pager, rootPage);
  }

  /**
   * Opens a cursor on the index b-tree rooted at {@code rootPage}, whose entries {@code comparator}
   * orders. The comparator is fixed for the cursor's life; every cursor on one index must use the
   * same order.
   */
  public static IndexCursor openIndex(Pager pager, int rootPage, KeyComparator comparator) {
    if (rootPage < 2 || rootPage > pager.pageCount()) {
      throw CellCodec.corrupt("index root page out of range: " + rootPage);
    }
    return new IndexCursor(pager, rootPage, Objects.requireNonNull(comparator, "comparator"));
  }

  private static void requireWrite(Pager pager) {
    if (!pager.inWriteTransaction()) {
      throw new StorageException(StorageException.Kind.MISUSE, "no write transaction is active");
    }
  }
}
