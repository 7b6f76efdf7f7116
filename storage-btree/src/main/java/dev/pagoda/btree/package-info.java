/**
 * SQLite table and index b-trees on pager pages. A table b-tree sees 64-bit rowid keys and byte[]
 * payloads; an index b-tree sees opaque byte[] entries ordered by a {@link
 * dev.pagoda.btree.KeyComparator} handed in when a cursor opens. The package knows nothing of
 * records, SQL values or the schema (even sqlite_schema is just the table b-tree rooted at page 1).
 *
 * <h2>Pieces</h2>
 *
 * <ul>
 *   <li>{@link dev.pagoda.btree.BTree}: create, drop, clear a tree (either kind); open a cursor.
 *   <li>{@link dev.pagoda.btree.TableCursor}: seek, iterate, insert/replace and delete rows.
 *   <li>{@link dev.pagoda.btree.IndexCursor}: seek (exact, &gt;=, &lt;=), iterate, insert/replace
 *       and delete index entries.
 *   <li>{@code BTreePage}: page header, cell pointer array, cell insertion and removal with
 *       freeblocks and fragments (layout tables in its javadoc).
 *   <li>{@code CellCodec} (table cells), {@code IndexCellCodec} (index cells), {@code Varint},
 *       {@code OverflowChain}: cell, varint and overflow page formats (layout tables in their
 *       javadoc).
 *   <li>{@code Balancer}, {@code Distribution}, {@code NodeContent}: splitting, merging and
 *       redistribution of pages, for both kinds of tree.
 *   <li>{@code TreeWalker}: whole-tree page freeing.
 *   <li>{@link dev.pagoda.btree.IntegrityChecker} ({@code TreeChecker}, {@code PageLayout}, {@code
 *       CheckedCell}, {@code CheckContext}): the structural half of {@code PRAGMA integrity_check},
 *       with SQLite's messages; its checks are listed in its javadoc.
 * </ul>
 *
 * <h2>Page kinds</h2>
 *
 * <pre>
 * TYPE  KIND            CELL                                            DIVIDERS
 * 0x0D  table leaf      varint P, varint rowid, payload [, overflow]     -
 * 0x05  table interior  4-byte left child, varint rowid                  copies of the largest rowid
 *                                                                        of the left subtree
 * 0x0A  index leaf      varint P, payload [, overflow]                   -
 * 0x02  index interior  4-byte left child, varint P, payload [, overflow] real entries, stored
 *                                                                        nowhere else
 * </pre>
 *
 * Local payload sizes, with U the usable page size and M = ((U-12)*32/255)-23: table leaves keep
 * P bytes when P &lt;= X = U-35; index pages keep P bytes when P &lt;= X = ((U-12)*64/255)-23; else
 * K = M+((P-M) mod (U-4)) if K &lt;= X, else M; the rest goes to an overflow chain.
 *
 * <h2>Invariants of every b-tree</h2>
 *
 * <ol>
 *   <li>The root page number never changes: a root that overflows moves its content into a new
 *       child; a root interior page left without cells takes its only child's content back when it
 *       fits (page 1, with 100 fewer bytes, may keep a zero-cell interior root, as SQLite does).
 *   <li>All leaves are at the same depth; every page on a level has the same kind (interior/leaf)
 *       and every page of a tree the same family (table 0x05/0x0D, index 0x02/0x0A).
 *   <li>Non-root pages are never empty after a balance: a non-root page less than 1/3 full is
 *       merged with or refilled from up to two siblings; pages that become unnecessary are freed.
 *   <li>Every byte of a page's content area belongs to exactly one cell, freeblock or fragment;
 *       freeblocks are ascending and at least 4 bytes apart; fragments total at most 60 bytes.
 *   <li>A payload of P bytes keeps its local size (above) on its page and the rest on a chain of
 *       overflow pages, each holding U-4 bytes after its 4-byte next pointer.
 *   <li>Every page of a tree (b-tree and overflow pages) is referenced exactly once; dropping a tree
 *       puts every one of them on the freelist.
 * </ol>
 *
 * <h2>Invariants of a table b-tree</h2>
 *
 * <ol>
 *   <li>Rowids are strictly increasing along the cell pointer arrays and across leaves from left to
 *       right. For interior cell (child, K): every rowid under child is &lt;= K and greater than the
 *       previous cell's key; every rowid under the right-most child is greater than the last key.
 *   <li>Rows live in leaves only.
 * </ol>
 *
 * <h2>Invariants of an index b-tree</h2>
 *
 * <ol>
 *   <li>Each entry is stored exactly once, in a leaf or in an interior cell; an in-order walk (child
 *       0, cell 0, child 1, ..., right child) visits the entries strictly ascending by the
 *       comparator: no two entries compare equal.
 *   <li>An entry's bytes are the same in a leaf and an interior cell but for the 4-byte child
 *       pointer, so balancing moves entries between levels with their overflow chains untouched.
 *   <li>Deleting an entry held by an interior cell replaces it with its in-order predecessor (the
 *       last entry of the right-most leaf of its left subtree), then rebalances that leaf.
 * </ol>
 *
 * <h2>Cursor states</h2>
 *
 * A cursor is <em>invalid</em> (after opening, a failed seek, running off either end, its own
 * insert or delete, {@code count()}) or <em>valid</em> on one row or entry. {@code first}, {@code
 * last} and the seeks move any cursor; {@code next}/{@code previous} move a valid one. A valid
 * cursor whose pages changed through something else (detected with {@code
 * Pager.modificationCount()}) is <em>stale</em>: it re-seeks its saved rowid or entry before it
 * moves or reads. {@code close()} is final.
 *
 * <h2>Damaged files</h2>
 *
 * Reads never trust the file. On any damage a cursor throws {@code StorageException} CORRUPT whose
 * message names the page; never another exception, an endless loop or an absurd allocation:
 *
 * <ol>
 *   <li>A page is checked when a cursor loads it (O(1)): its type fits the tree, and its cell
 *       pointer array ends before the cell content area, which starts inside the usable area.
 *   <li>Every cell pointer is range-checked, every varint read near the page end is bounded by the
 *       usable area, and a cell must end inside it.
 *   <li>Child page numbers must be in 2..page count, and a path deeper than {@code
 *       TableCursor.MAX_DEPTH} levels (a cycle of child pointers) is refused.
 *   <li>A payload is allocated only when its overflow chain could fit in the file, and an overflow
 *       chain is followed for exactly the pages its payload needs, so a cyclic chain ends.
 *   <li>Table cursors check that rowids strictly increase as they step, which stops a walk through
 *       child pointers that share subtrees; a walk visiting more leaves than the file has pages
 *       stops too.
 * </ol>
 *
 * Write paths assume the pages they change were read sound; {@link dev.pagoda.btree.IntegrityChecker}
 * is the full check.
 *
 * <h2>Simplifications compared with SQLite</h2>
 *
 * <ul>
 *   <li>Balancing redistributes up to three siblings over the fewest pages that hold them (SQLite
 *       may use up to five output pages), then evens neighbours right-to-left; sibling pages are
 *       rebuilt from scratch rather than edited in place.
 *   <li>Deletion rebalances a page that falls below 1/3 full, like SQLite; replacing a table payload
 *       with a smaller one does not trigger that rebalance (replacing an index entry does).
 *   <li>An index interior delete rebalances the predecessor's leaf first, then finds the deleted
 *       entry again by comparator and swaps the predecessor in, rather than SQLite's single
 *       balance pass up the cursor's path; an extra seek per such delete.
 *   <li>Cells are located by binary search over the cell pointer array; there is no cursor-local
 *       page cache or "append" fast path yet. An index cursor copies the current entry when it
 *       moves (SQLite saves positions lazily, only when another cursor writes).
 *   <li>Pointer-map pages (auto-vacuum files) are never referenced by a b-tree, so such files read
 *       correctly; writing them is not supported (the pager opens them read-only).
 * </ul>
 */
package dev.pagoda.btree;
