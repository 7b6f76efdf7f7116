/**
 * Files, page cache and pager for the SQLite 3 database file format. Knows nothing of SQL, records
 * or b-trees: it hands out fixed-size pages by number and writes changed pages back on commit.
 *
 * <h2>Pieces</h2>
 *
 * <ul>
 *   <li>{@link dev.pagoda.pager.DbFile}: random-access file ({@link dev.pagoda.pager.DiskFile} on a
 *       FileChannel, {@link dev.pagoda.pager.MemoryFile} for {@code :memory:}).
 *   <li>{@link dev.pagoda.pager.Pager}: page states and pins, write transactions, commit and
 *       rollback, page allocation.
 *   <li>{@link dev.pagoda.pager.PageCache}: the plug-in holding clean, unpinned pages, made by a
 *       {@link dev.pagoda.pager.PageCacheProvider} found with ServiceLoader and chosen by name from
 *       a {@link dev.pagoda.pager.PageCacheProviders} registry. Shipped: {@code caffeine} (the
 *       default; W-TinyLFU) and {@code clock} (second chance), in the non-exported package {@code
 *       dev.pagoda.pager.cache}. The system property {@code pagoda.pageCache} replaces the default
 *       name (not an explicitly chosen one), so a test run can pin a provider: {@code
 *       -Dpagoda.pageCache=clock}.
 *   <li>{@code DatabaseHeader}: the 100-byte header at the start of page 1 (layout table in its
 *       javadoc).
 *   <li>{@code FreeList}: trunk/leaf freelist pages exactly as SQLite lays them out (layout table in
 *       its javadoc).
 *   <li>Test kit, in storage-pager's test jar (package {@code dev.pagoda.pager.testing}): {@code
 *       FaultyFile}, a DbFile that fails chosen I/O calls, fills the disk, fails syncs and crashes
 *       (dropping unsynced writes, optionally tearing the last); {@code
 *       AbstractPageCacheProviderTest}, the contract test a page cache plug-in's test extends.
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
 * <h2>Page states</h2>
 *
 * <p>Every page object a pager makes is in one state. "Owned" pages are in the pager's own table
 * (strongly held); the plug-in never sees them. Page 1 is outside this table: always in memory,
 * never cached, never discarded.
 *
 * <pre>
 * STATE      WHERE                                   LEAVES BY
 * CACHED     in the PageCache plug-in                 eviction -&gt; DETACHED; pin -&gt; PINNED;
 *            (clean, pin count 0)                       makeWritable -&gt; DIRTY
 * DETACHED   only in callers' variables; the pager    getPage -&gt; CACHED (same object);
 *            keeps a weak reference                    pin, makeWritable as CACHED; unreachable -&gt; gone
 * PINNED     owned (clean, pin count &gt; 0)            last release -&gt; CACHED; makeWritable -&gt; DIRTY
 * DIRTY      owned, in the dirty list                  commit -&gt; PINNED or CACHED (by pin count);
 *            (any pin count)                           rollback -&gt; the same, original restored, or
 *                                                      DISCARDED if created in the transaction
 * DISCARDED  nowhere (dead object)                     never: makeWritable and pin refuse it (MISUSE)
 * </pre>
 *
 * <h2>Pin rules</h2>
 *
 * <ol>
 *   <li>{@link dev.pagoda.pager.Pager#getPage} returns a page without pinning it. The caller may
 *       keep the object as long as it likes and pass it to {@code makeWritable} later: while the
 *       caller can reach it, it stays the only object for its page number, so nothing can replace
 *       it behind the caller's back. Java reachability is the pin count of such callers (today's
 *       b-tree cursors): the pager remembers every page object weakly, and a page the cache forgot
 *       but a caller still holds is found again (DETACHED) instead of being read into a second
 *       object. The cache's capacity therefore bounds the pages the pager keeps alive, not the
 *       pages callers keep alive.
 *   <li>{@link dev.pagoda.pager.Pager#acquire} (or {@code getPage} then {@link
 *       dev.pagoda.pager.Pager#pin}) pins: the page is owned until as many {@link
 *       dev.pagoda.pager.Pager#release} calls as pins. Pins are the explicit form of rule 1; they
 *       will matter once dirty pages can be spilled to the journal (only unpinned ones will be).
 *       Pins survive commit and rollback; releasing a DISCARDED page only counts its pin down.
 *   <li>A dirty page is owned (implicitly pinned) until commit or rollback, whatever its pin count:
 *       dirty pages leave memory only through the pager's commit path (later, the Journal).
 *   <li>A page that nobody reaches (not the cache, not the pager, not a caller) is garbage. Until
 *       the collector clears its weak reference, {@code getPage} finds it again without reading the
 *       file (its bytes are current: a page only ever changes through its one live object); after
 *       that, {@code getPage} reads it into a new object. So {@code cache_size} bounds the memory
 *       the pager holds strongly; pages it forgot cost heap only until a collection, like any
 *       garbage, and how many file reads a workload does depends on the collector.
 * </ol>
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
 *   <li>The page count never exceeds the file: a trusted in-header size (offset 28) larger than the
 *       file is CORRUPT at open, as in SQLite's lockBtree, and a page read that finds no bytes in the
 *       file is CORRUPT naming the page. So a damaged size never makes anything sized by the page
 *       count (an integrity check's page map) larger than the file.
 *   <li>At most one live {@link dev.pagoda.pager.Page} object per page number: a new object for a
 *       page is made only when no earlier one is reachable (or it was DISCARDED). {@code
 *       makeWritable}/{@code pin} of any other object (stale, discarded, or another pager's) fails
 *       with MISUSE.
 *   <li>The plug-in holds only CACHED pages; the owned table holds exactly the pinned and the dirty
 *       pages (page 1 aside); a page is in at most one of them. {@code Pager.checkInvariants()}
 *       (tests) walks these; with assertions enabled ({@code -ea}, every test run) the pager wraps
 *       its plug-in in {@code AssertingPageCache}, which checks the {@link
 *       dev.pagoda.pager.PageCache} contract on every call.
 *   <li>After every plug-in call, its size &lt;= its capacity; the capacity follows {@code PRAGMA
 *       cache_size} ({@link dev.pagoda.pager.Pager#setCacheSize}; default -2000, 2000 KiB). A cache
 *       hit allocates nothing.
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
 *   <li>Spilling dirty pages: a write transaction keeps all its dirty pages (and their original
 *       images) in memory until commit, whatever the cache size.
 *   <li>Auto-vacuum / pointer-map pages, incremental vacuum, truncation of free pages at the end.
 * </ul>
 *
 * <p>Not thread-safe: callers serialise access to a pager.
 */
package dev.pagoda.pager;
