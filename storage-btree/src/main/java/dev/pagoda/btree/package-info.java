/**
 * SQLite table b-trees on pager pages. A b-tree sees 64-bit rowid keys and byte[] payloads only;
 * it knows nothing of records, SQL values or the schema (even sqlite_schema is just the table
 * b-tree rooted at page 1).
 *
 * <h2>Pieces</h2>
 *
 * <ul>
 *   <li>{@link dev.pagoda.btree.BTree}: create, drop, clear a tree; open a cursor.
 *   <li>{@link dev.pagoda.btree.TableCursor}: seek, iterate, insert/replace and delete rows.
 *   <li>{@code BTreePage}: page header, cell pointer array, cell insertion and removal with
 *       freeblocks and fragments (layout tables in its javadoc).
 *   <li>{@code CellCodec}, {@code Varint}, {@code OverflowChain}: cell, varint and overflow page
 *       formats (layout tables in their javadoc).
 *   <li>{@code Balancer}, {@code Distribution}, {@code NodeContent}: splitting, merging and
 *       redistribution of pages.
 *   <li>{@code TreeWalker}: whole-tree page freeing (also understands index b-tree pages, so that
 *       dropping an index frees its pages).
 * </ul>
 *
 * <h2>Invariants of a table b-tree</h2>
 *
 * <ol>
 *   <li>The root page number never changes: a root that overflows moves its content into a new
 *       child; a root interior page left without cells takes its only child's content back when it
 *       fits (page 1, with 100 fewer bytes, may keep a zero-cell interior root, as SQLite does).
 *   <li>All leaves are at the same depth; every page on a level has the same kind (interior/leaf).
 *   <li>Rowids are strictly increasing along the cell pointer arrays and across leaves from left to
 *       right. For interior cell (child, K): every rowid under child is &lt;= K and greater than the
 *       previous cell's key; every rowid under the right-most child is greater than the last key.
 *   <li>Non-root pages are never empty after a balance: a non-root page less than 1/3 full is
 *       merged with or refilled from up to two siblings; pages that become unnecessary are freed.
 *   <li>Every byte of a page's content area belongs to exactly one cell, freeblock or fragment;
 *       freeblocks are ascending and at least 4 bytes apart; fragments total at most 60 bytes.
 *   <li>A payload of P bytes keeps {@code CellCodec.localSize(P, U)} bytes on the leaf and the rest
 *       on a chain of overflow pages, each holding U-4 bytes after its 4-byte next pointer.
 *   <li>Every page of a tree (b-tree and overflow pages) is referenced exactly once; dropping a tree
 *       puts every one of them on the freelist.
 * </ol>
 *
 * <h2>Simplifications compared with SQLite</h2>
 *
 * <ul>
 *   <li>Balancing redistributes up to three siblings over the fewest pages that hold them (SQLite
 *       may use up to five output pages), then evens neighbours right-to-left; sibling pages are
 *       rebuilt from scratch rather than edited in place.
 *   <li>Index b-trees (page types 0x02/0x0A) can be freed but not yet searched or modified.
 *   <li>Deletion rebalances a page that falls below 1/3 full, like SQLite; replacing a payload with
 *       a smaller one does not trigger that rebalance.
 *   <li>Cells are located by binary search over the cell pointer array; there is no cursor-local
 *       page cache or "append" fast path yet.
 * </ul>
 */
package dev.pagoda.btree;
