package dev.pagoda.btree;

import dev.pagoda.pager.Pager;
import dev.pagoda.pager.StorageException;
import java.util.List;

/** Entry points for table b-trees: create, drop, clear and open a cursor. */
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
   * Frees every page of the b-tree rooted at {@code rootPage} (table or index), including overflow
   * pages and the root itself, onto the freelist. Requires a write transaction.
   */
  public static void dropTable(Pager pager, int rootPage) {
    requireWrite(pager);
    if (rootPage == SCHEMA_ROOT) {
      throw new StorageException(StorageException.Kind.MISUSE, "cannot drop sqlite_schema");
    }
    TreeWalker.freeTree(pager, rootPage, true);
  }

  /**
   * Removes every row of the b-tree rooted at {@code rootPage}: frees all pages but the root, which
   * becomes an empty leaf of the same kind (table or index). Requires a write transaction.
   */
  public static void clearTable(Pager pager, int rootPage) {
    requireWrite(pager);
    TreeWalker.freeTree(pager, rootPage, false);
  }

  /** Opens a cursor on the table b-tree rooted at {@code rootPage} (1 = sqlite_schema). */
  public static TableCursor openTable(Pager pager, int rootPage) {
    if (rootPage < 1 || rootPage > pager.pageCount()) {
      throw CellCodec.corrupt("root page out of range: " + rootPage);
    }
    return new TableCursor(pager, rootPage);
  }

  private static void requireWrite(Pager pager) {
    if (!pager.inWriteTransaction()) {
      throw new StorageException(StorageException.Kind.MISUSE, "no write transaction is active");
    }
  }
}
