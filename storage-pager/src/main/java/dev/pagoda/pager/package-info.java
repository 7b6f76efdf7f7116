/**
 * Files, page cache, pager and rollback journal for the SQLite 3 database file format. Knows nothing
 * of SQL, records or b-trees: it hands out fixed-size pages by number and writes changed pages back
 * on commit, crash-safely through SQLite's rollback journal.
 *
 * <h2>Pieces</h2>
 *
 * <ul>
 *   <li>{@link dev.pagoda.pager.DbFile}: random-access file ({@link dev.pagoda.pager.DiskFile} on a
 *       FileChannel, {@link dev.pagoda.pager.MemoryFile} for {@code :memory:}).
 *   <li>{@link dev.pagoda.pager.Vfs}: a database's files by name (the database, {@code
 *       <db>-journal}): open, exists, delete, directory sync. {@link dev.pagoda.pager.DiskVfs}
 *       (paths), {@link dev.pagoda.pager.MemoryVfs} (a map; files outlive their handles).
 *   <li>{@link dev.pagoda.pager.PagerFile}: one database file and its journal, shared by the
 *       pagers (one per connection) that work on it in this JVM; recovery runs when it opens.
 *   <li>{@link dev.pagoda.pager.Pager}: one connection's view of the file: its own page cache,
 *       read transactions at a snapshot, page states and pins, write transactions, commit and
 *       rollback, savepoints, page allocation and truncation. It keeps page 1 and the page lookups
 *       and pins, and hands the rest to package-private collaborators: {@code PageTable} (the page
 *       objects in memory), {@code ReadTransaction} (snapshots, nesting), {@code
 *       WriteTransaction} (begin, commit through the journal, end; {@code CommitBatch} the header
 *       stamp and batch), {@code DirtyPages} (the dirty list; commit's and rollback's effect on its
 *       pages), {@code PageAllocator} (page count, allocation, truncation) and {@code
 *       SavepointStack}.
 *   <li>{@link dev.pagoda.pager.Journal}: the file's durability and concurrency strategy, shared
 *       and thread-safe; {@link dev.pagoda.pager.RollbackJournal} is SQLite's {@code -journal}
 *       file (journal modes DELETE, TRUNCATE, PERSIST; {@link dev.pagoda.pager.Synchronous} OFF,
 *       NORMAL, FULL, EXTRA), {@link dev.pagoda.pager.Journal#none()} writes in place (in-memory
 *       databases: a crash loses them anyway, and a rollback only needs the pager's in-memory
 *       original images). Both write the file in place and keep pagers apart with {@code
 *       LockingJournal} / {@code LockTable} (SQLite's rollback-mode lock levels). The WAL is
 *       storage-wal's {@code WalJournal}, plugged in through {@link
 *       dev.pagoda.pager.JournalFactory}: commits append frames, {@code readPage} serves pages of
 *       a reader's snapshot from the WAL, {@code checkpoint} copies frames back.
 *   <li>{@link dev.pagoda.pager.PageCache}: the plug-in holding clean, unpinned pages, made by a
 *       {@link dev.pagoda.pager.PageCacheProvider} found with ServiceLoader and chosen by name from
 *       a {@link dev.pagoda.pager.PageCacheProviders} registry. Shipped: {@code clock} (the
 *       default; second chance) and {@code caffeine} (W-TinyLFU admission), in the non-exported
 *       package {@code dev.pagoda.pager.cache}. Clock is the default because a page cache has one
 *       user at a time and its hit is on every page access: it costs a few nanoseconds and
 *       allocates nothing, where Caffeine's concurrent bookkeeping costs tens of nanoseconds
 *       ({@code PageCacheProviders#DEFAULT}). The system property {@code pagoda.pageCache} replaces
 *       the default name (not an explicitly chosen one), so a test run can pin a provider: {@code
 *       -Dpagoda.pageCache=caffeine}.
 *   <li>{@code DatabaseHeader}: the 100-byte header at the start of page 1 (layout table in its
 *       javadoc).
 *   <li>{@code FreeList}: trunk/leaf freelist pages exactly as SQLite lays them out (layout table in
 *       its javadoc).
 *   <li>Test kit, in storage-pager's test jar (package {@code dev.pagoda.pager.testing}): {@code
 *       FaultyFile}, a DbFile that fails chosen I/O calls, fills the disk, fails syncs and crashes
 *       (dropping unsynced writes, keeping any subset of them, tearing a sector with garbage);
 *       {@code FaultyVfs}, a Vfs whose files are all FaultyFiles counted together, whose power
 *       loss also reverts file creations and deletions not yet directory-synced; {@code
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
 * <h2>Commit protocol (rollback journal)</h2>
 *
 * <p>{@code Pager.commit()} sets the header (change counter +1, page count, version-valid-for,
 * library version) and hands the dirty pages to {@code RollbackJournal.commit}. S marks a sync
 * point; each exists at the synchronous levels listed.
 *
 * <ol>
 *   <li>Open {@code <db>-journal} (create it in DELETE mode, or after a TRUNCATE/PERSIST journal was
 *       deleted). Write the header with a new random nonce, the database's size in pages before the
 *       transaction and record count 0 (0xffffffff at OFF).
 *   <li>Write one record per page about to be overwritten or cut off: every dirty page that existed
 *       before the transaction, and every page beyond a shrunken end. The original image comes from
 *       the pager's memory, or from the file for pages never read (reused free pages, pages a
 *       truncation discarded), which the file still holds unchanged.
 *   <li>S (FULL) sync the journal: its records are durable before the header claims them.
 *   <li>Write the record count into the header. S (NORMAL, FULL) sync the journal. S (NORMAL,
 *       FULL) sync the directory when this commit created the journal file: its directory entry
 *       must be durable before the database changes, or a crash could lose the journal.
 *   <li>Write the dirty pages into the database, in page order; truncate it if it shrank.
 *   <li>S (NORMAL, FULL) sync the database. The transaction is now durable but for the journal.
 *   <li>Finalize the journal, the commit point: DELETE deletes it, S (FULL) then syncs the
 *       directory; TRUNCATE truncates it to 0 bytes, S (FULL) syncs it; PERSIST zeroes its first 28
 *       bytes, S (FULL) syncs it. A zero-length or zeroed journal is not hot.
 * </ol>
 *
 * <p>A crash before step 7 completes leaves a hot journal: the next open plays it back and the
 * database is as before the transaction. A crash after it leaves the new database. If the journal
 * fails during commit (an I/O error), it plays itself back at once, still holding EXCLUSIVE (no
 * reader can see the half-written file), and the pager rethrows; the transaction stays open in
 * memory for {@code rollback()}. If that playback fails too (the file is not as before), the pager
 * refuses new transactions and file reads until reopened.
 *
 * <h2>Concurrency: pagers sharing a file</h2>
 *
 * <p>Each connection has its own {@link dev.pagoda.pager.Pager} on the shared {@link
 * dev.pagoda.pager.PagerFile}; a pager is used by one thread at a time, different pagers by
 * different threads at once. Every page read happens in a read transaction ({@code beginRead} /
 * {@code endRead}, nestable; a read outside one begins a lingering one, for pagers alone on their
 * file), which holds a {@code Journal.Snapshot}. At its start the pager asks the journal which
 * pages changed since its previous snapshot and drops those (a rollback journal cannot tell:
 * any commit by another pager, or a moved change counter, drops the whole cache, as in SQLite).
 *
 * <pre>
 * ROLLBACK / MEMORY     readers SHARED; writer RESERVED (others read the last commit meanwhile);
 *                       commit EXCLUSIVE: waits until the other readers end (PENDING blocks new
 *                       ones), up to the busy timeout, then BUSY with nothing written
 * WAL                   readers keep their snapshot and never wait; one writer; a reader that
 *                       starts writing after another commit gets BUSY_SNAPSHOT
 * </pre>
 *
 * <p>A write outside a read transaction takes a fresh snapshot and the write lock together,
 * retrying with SQLite's busy-handler delays (1, 2, 5, 10 ... 100 ms) up to the busy timeout; a
 * write inside one waits for the lock only where that cannot deadlock. {@code
 * PagerFile.replaceJournal} switches journal modes; pagers pick the new journal up at their next
 * read transaction.
 *
 * <h2>Hot journal recovery (at open)</h2>
 *
 * <p>{@code Pager.open} calls {@code Journal.recover} before reading the file. A journal is hot
 * when it exists, is not empty, its first byte is not 0, and the database is not empty. Playback:
 * read segment headers at 0 and then at each sector boundary after a segment's records, stop at a
 * bad magic; play each segment's records (0xffffffff: as many as the file holds), stopping at a bad
 * checksum, a zero page number or the end of the file; write back the first record of each page
 * within the original size; truncate (or extend) the database to the first header's original size;
 * sync the database; finalize the journal as in step 7. Both SQLite's hot journals (several
 * segments after cache spills included) and ours are played back by either side. A hot journal
 * beside a file opened read-only fails the open with READONLY. A non-hot journal is deleted in
 * DELETE mode and left alone otherwise.
 *
 * <h2>Journal file format</h2>
 *
 * <pre>
 * OFFSET      SIZE     MEANING
 * 0           8        magic d9 d5 05 f9 20 a1 63 d7
 * 8           4        record count of this segment; 0xffffffff: up to the end of the file
 * 12          4        checksum nonce, random per transaction
 * 16          4        database size in pages before the transaction
 * 20          4        sector size S (we write 4096, SQLite's unix default)
 * 24          4        page size P
 * 28          S-28     zeros: the header fills one sector
 * S + i*(P+8) 4        record i: page number
 *             P        record i: the page's original image
 *             4        record i: checksum = nonce + sum of the unsigned image bytes at offsets
 *                      P-200, P-400, ... (while &gt; 0), modulo 2^32
 * </pre>
 *
 * Big-endian throughout. A further segment header may follow at the next sector boundary.
 *
 * <h2>Savepoints</h2>
 *
 * <p>{@code savepoint()} opens a nested savepoint in the write transaction and returns its depth.
 * The innermost savepoint keeps the image of each page the first time it is made writable (or
 * reused from the freelist, or cut off by {@code truncateTo}) after it opened, and the page count
 * then. {@code rollbackTo(sp)} closes the savepoints inside sp, writes their images back innermost
 * first (so the oldest image lands last), discards pages beyond sp's page count, and leaves sp open
 * and empty. {@code releaseSavepoint(sp)} closes sp and those inside it, moving their images into
 * the enclosing savepoint where it has none. All in memory; commit and rollback close them all.
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
 * <h2>Locks between processes</h2>
 *
 * <p>{@link dev.pagoda.pager.ProcessLock} ({@code DiskFile.processLock()}) takes SQLite's unix
 * VFS locks on the database's own channel, on the same bytes, so Pagoda and sqlite3 processes
 * exclude each other: PENDING_BYTE 0x40000000, RESERVED_BYTE +1, the shared range +2 .. +511.
 * SHARED = read PENDING, read the shared range, drop PENDING; RESERVED = write RESERVED; EXCLUSIVE
 * = write PENDING, write the shared range; each step a non-blocking try (false / BUSY). A refused
 * EXCLUSIVE from RESERVED keeps PENDING as SQLite does; from SHARED it stays SHARED. Read-only files
 * take only SHARED (READONLY above). Java can't convert a lock in place, so the shared range is
 * held as two locks (509 bytes + 1) and converted half by half, never unlocked in between. POSIX
 * locks belong to the process: they never conflict within one JVM (which only refuses overlapping
 * requests, reported as MISUSE), so one ProcessLock per file per JVM, with {@code LockTable}
 * arbitrating inside the JVM and mirroring its state onto the ProcessLock (first reader SHARED,
 * writer RESERVED, commit EXCLUSIVE, retried with the busy-handler delays up to the busy timeout);
 * and closing any other descriptor of the file in the process silently drops them. When the JVM
 * takes SHARED afresh, a journal beside the file is played back if it is hot and no process holds
 * RESERVED (SQLite's hasHotJournal). {@link dev.pagoda.pager.WalProcessLock} is WAL mode's
 * detect-and-refuse: a write lock on the DMS byte (offset 128) of {@code <db>-shm}, refused while
 * a SQLite connection has the WAL open; storage-wal's journal holds it, with EXCLUSIVE on the
 * database file, from recovery to close, so a SQLite reader gets BUSY at once. Observed behaviour
 * against sqlite-jdbc in a child JVM: ProcessLockInteropTest, ProcessLockWalInteropTest, and the
 * engine's ProcessInteropTest.
 *
 * <h2>Invariants</h2>
 *
 * <ol>
 *   <li>Page 1 is always in memory; header fields are read and written directly in its bytes, so
 *       restoring page 1 restores the whole header (freelist head and count included).
 *   <li>A page's bytes change only inside a write transaction and only after {@link
 *       dev.pagoda.pager.Pager#makeWritable}, which keeps the page's original image.
 *   <li>Dirty pages are never written to the file before {@link dev.pagoda.pager.Pager#commit()},
 *       and, with a rollback journal, never before the original image of every page the commit
 *       overwrites or cuts off is durable in the journal (synchronous NORMAL or FULL), whose
 *       directory entry is durable too. The journal is finalized only after the database is
 *       synced. So a crash leaves the old database or the new one (FULL), never a mix; {@code
 *       CrashRecoveryTest} checks this over thousands of simulated power losses.
 *   <li>The pager reads nothing from a database file before its journal has recovered it.
 *   <li>Every commit that writes increments the change counter (offset 24) and stores the page
 *       count (28), version-valid-for = change counter (92) and our SQLITE_VERSION_NUMBER (96), so
 *       the in-header size is always trusted by SQLite.
 *   <li>{@link dev.pagoda.pager.Pager#rollback()} restores every dirty page in place (the same
 *       {@link dev.pagoda.pager.Page} objects), drops pages created in the transaction, and restores
 *       the page count: pager and file are exactly as before {@code beginWrite()}.
 *   <li>Allocation takes a freelist page first, otherwise appends a page, skipping the lock-byte
 *       page. Allocated pages are zeroed and writable. Only {@link
 *       dev.pagoda.pager.Pager#truncateTo} shrinks the database (its caller keeps the freelist and
 *       b-trees consistent); a commit then truncates the file.
 *   <li>Within a write transaction, after {@code rollbackTo(sp)}, pages, page count and header
 *       are byte for byte as when sp was opened.
 *   <li>The freelist count in the header equals the number of trunk plus leaf pages; every free
 *       page is reachable from the trunk chain exactly once.
 *   <li>A commit writes the header's version bytes (18, 19) as the journal it goes through says: 2
 *       for a WAL, 1 otherwise. A file whose header says 2 opened with a journal that is not a WAL
 *       is read-only; read version &gt; 2 is rejected.
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
 *   <li>journal_mode MEMORY/OFF as pragmas (Journal.none() is the in-place writer); super-journals (multi-file
 *       transactions) are neither written nor read: a SQLite journal naming one is played back as
 *       if it did not.
 *   <li>Journal size limit, SAFE_APPEND/SEQUENTIAL device characteristics; synchronous=EXTRA
 *       behaves as FULL (DELETE with FULL already syncs the directory after the delete).
 *   <li>WAL mode between processes: Pagoda's wal-index is not in a {@code -shm} file, so a WAL
 *       database is Pagoda's alone while open (another process is refused with BUSY, and
 *       Pagoda is refused while another process has the WAL open).
 *   <li>One {@code PagerFile} per path per JVM is the caller's duty (the engine's {@code
 *       Database}); opening the same path twice gives two files that do not see each other's
 *       locks.
 *   <li>Spilling dirty pages: a write transaction keeps all its dirty pages (and their original
 *       images) in memory until commit, whatever the cache size; so its journal has one segment,
 *       written whole at commit.
 *   <li>Auto-vacuum / pointer-map pages, incremental vacuum, truncation of free pages at the end.
 * </ul>
 *
 * <p>A pager is not thread-safe (one thread at a time); {@code PagerFile}, journals and {@code
 * LockTable} are.
 */
package dev.pagoda.pager;
