/**
 * Files, page cache and pager for the SQLite 3 database file format. Knows nothing of SQL, records
 * or b-trees: it hands out fixed-size pages by number and writes changed pages back on commit.
 *
 * <h2>Pieces</h2>
 *
 * <ul>
 *   <li>{@link dev.pagoda.pager.DbFile}: random-access file ({@link dev.pagoda.pager.DiskFile} on a
 *       FileChannel, {@link dev.pagoda.pager.MemoryFile} for {@code :memory:}).
 *   <li>{@link dev.pagoda.pager.Pager}: page cache (an unbounded map for now), write transactions,
 *       commit and rollback, page allocation.
 *   <li>{@code DatabaseHeader}: the 100-byte header at the start of page 1 (layout table in its
 *       javadoc).
 *   <li>{@code FreeList}: trunk/leaf freelist pages exactly as SQLite lays them out (layout table in
 *       its javadoc).
 * </ul>
 *
 * <h2>Database file layout</h2>
 *
 * <pre>
 * OFFSET              SIZE       MEANING
 * 0                   100        database header (page 1 only), see DatabaseHeader
 * 100                 P-100      rest of page 1: root page of sqlite_schema (a table b-tree)
 * (n-1)*P             P          page n (1-based); P = page size, a power of two in 512..65536
 * 2^30 .. 2^30+P-1    P          the lock-byte page: never used, never allocated
 * </pre>
 *
 * The last R bytes of every page (R = header byte 20) are reserved; only the first {@code
 * usableSize() = P - R} bytes carry data.
 *
 * <h2>Invariants</h2>
 *
 * <ol>
 *   <li>Page 1 is always in memory; header fields are read and written directly in its bytes, so
 *       restoring page 1 restores the whole header (freelist head and count included).
 *   <li>A page's bytes change only inside a write transaction and only after {@link
 *       dev.pagoda.pager.Pager#makeWritable}, which keeps the page's original image.
 *   <li>Dirty pages are never written to the file before {@link dev.pagoda.pager.Pager#commit()}.
 *       Commit writes them in page order, then syncs.
 *   <li>Every commit that writes increments the change counter (offset 24) and stores the page
 *       count (28), version-valid-for = change counter (92) and our SQLITE_VERSION_NUMBER (96), so
 *       the in-header size is always trusted by SQLite.
 *   <li>{@link dev.pagoda.pager.Pager#rollback()} restores every dirty page in place (the same
 *       {@link dev.pagoda.pager.Page} objects), drops pages created in the transaction, and restores
 *       the page count: pager and file are exactly as before {@code beginWrite()}.
 *   <li>The database only grows: allocation takes a freelist page first, otherwise appends a page,
 *       skipping the lock-byte page. Allocated pages are zeroed and writable.
 *   <li>The freelist count in the header equals the number of trunk plus leaf pages; every free
 *       page is reachable from the trunk chain exactly once.
 *   <li>Files with write version 2 (WAL) or higher open read-only; read version &gt; 2 is rejected.
 * </ol>
 *
 * <h2>Not yet implemented</h2>
 *
 * <ul>
 *   <li>Crash atomicity: there is no rollback journal or WAL yet. A crash or I/O error in the
 *       middle of {@code commit()} can leave a partially written (corrupt) file. There are no hot
 *       journal checks and no -wal file handling when opening either.
 *   <li>File locking: nothing prevents another process from writing the file concurrently, and the
 *       page cache is not invalidated when another process changes the file.
 *   <li>A bounded page cache (pluggable provider); the cache currently holds every page read.
 *   <li>Auto-vacuum / pointer-map pages, incremental vacuum, truncation of free pages at the end.
 * </ul>
 *
 * <p>Not thread-safe: callers serialise access to a pager.
 */
package dev.pagoda.pager;
