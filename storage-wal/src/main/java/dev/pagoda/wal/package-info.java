/**
 * SQLite's write-ahead log (the {@code -wal} file) as a pager {@link dev.pagoda.pager.Journal}:
 * commits append frames to the WAL instead of overwriting pages, readers keep a snapshot and never
 * wait for the writer, checkpoints copy frames back into the database file. Knows nothing of SQL,
 * records or b-trees; the bytes written and read are exactly SQLite's, so either side recovers the
 * other's WAL.
 *
 * <h2>Pieces</h2>
 *
 * <ul>
 *   <li>{@link dev.pagoda.wal.WalJournal}: the journal ({@code WalJournal.factory()} plugs it into
 *       {@code PagerFile}); one instance serves every pager of a database file in this JVM. Glue
 *       only: recovery, the Journal calls, auto-checkpoint, close.
 *   <li>{@code WalCoordinator}: the shared mutable state behind one lock: the published {@code
 *       WalState}, the backfill count, the live readers, the writer lock, the running checkpoint;
 *       bounded waits.
 *   <li>{@code WalState} (a published commit: generation, header, mxFrame, commit size, running
 *       checksum, commit version) and {@code WalSnapshot} (a reader's state, and whether it reads
 *       the database file only); both immutable.
 *   <li>{@code WalIndex}: the in-memory wal-index of one generation: page of each frame, and per
 *       page its ascending frames (binary search for the newest at or below a snapshot's mxFrame).
 *   <li>{@code WalWriter} (a commit's frames), {@code WalCheckpointer} (copying back), {@code
 *       WalFile} (the -wal file: create, read a frame's page, delete).
 *   <li>The file format: {@link dev.pagoda.wal.WalChecksum} (chained Fibonacci-weighted checksum),
 *       {@link dev.pagoda.wal.WalHeader} (the 32-byte header, fresh and restart headers), {@link
 *       dev.pagoda.wal.WalFrameHeader} (the 24-byte frame header), {@link dev.pagoda.wal.WalReader}
 *       / {@link dev.pagoda.wal.WalScan} / {@link dev.pagoda.wal.WalFrame} (the recovery scan).
 * </ul>
 *
 * <h2>WAL file layout</h2>
 *
 * <pre>
 * OFFSET                    SIZE      MEANING
 * 0                         32        WAL header, see WalHeader
 * 32 + (n-1)*(24+P)         24        header of frame n (1-based), see WalFrameHeader
 * 32 + (n-1)*(24+P) + 24    P         page image of frame n; P = the header's page size
 * </pre>
 *
 * All integers in the file are big-endian, including the checksums; only the word order the
 * checksum is <em>computed</em> over depends on the magic.
 *
 * <h2>Protocol</h2>
 *
 * <ul>
 *   <li>Recovery (once, at open): scan the WAL, index its committed prefix commit by commit;
 *       nothing is backfilled yet. A WAL with committed frames whose page size differs from the
 *       database header's (when the database has one) is CORRUPT.
 *   <li>Commit (the writer lock held): when the generation has no frame, write a header first (a
 *       fresh one with random salts, or the restart of the previous: checkpoint sequence + 1, salt-1
 *       + 1, new salt-2) and sync it (not at OFF); one frame per page, ascending, the last with the
 *       commit size; sync (FULL, EXTRA); index the frames; publish the new state. Then, once the
 *       WAL holds {@code autoCheckpoint} frames (default 1000), a PASSIVE checkpoint whose failure
 *       is recorded, not thrown.
 *   <li>Restart: a commit that finds every frame backfilled, no checkpoint running and no other
 *       reader of the generation using WAL frames publishes a new, empty generation first (same
 *       content: the database file holds it all), so its frames start again at 1.
 *   <li>Checkpoint: limit = the smallest mxFrame of the live readers (0 if a reader of an older
 *       generation lives); sync the WAL (not OFF); for each page its newest frame in (backfill,
 *       limit], ascending, skipping pages beyond the commit size at the limit; truncate the
 *       database to the last commit size when everything is backfilled; sync the database (not
 *       OFF); publish the backfill. PASSIVE waits for nobody; FULL takes the writer lock and waits
 *       for older readers; RESTART also waits until no reader uses WAL frames; TRUNCATE then
 *       publishes an empty generation and truncates the WAL to 0 bytes. FULL and up that cannot get
 *       the writer lock, or time out, go on as far as they can and report busy.
 *   <li>Close (no pager left): copy every frame, truncate and sync the database, delete the WAL,
 *       sync the directory (not OFF). If that fails, or readers are left, or recovery failed, the
 *       WAL stays.
 * </ul>
 *
 * <h2>Invariants</h2>
 *
 * <ol>
 *   <li>Checksums chain: the WAL header's checksum covers its bytes 0..23 from (0, 0); frame n's
 *       covers its header bytes 0..7 and its page, starting from frame n-1's checksum (frame 1: the
 *       header's). A valid frame stores the running checksum, so the chain continues from it.
 *   <li>A frame is valid if and only if its salts equal the header's, its page number is not 0 and
 *       its stored checksum equals the running checksum. The committed prefix is frames 1..m, m the
 *       last commit frame before the first invalid or incomplete frame. A header with a bad magic,
 *       page size or checksum means an empty WAL; only a well-checksummed header of an unknown
 *       version is an error ({@code CANTOPEN}).
 *   <li>A generation's wal-index holds exactly its published frames 1..mxFrame, all committed.
 *       Frames past mxFrame in the file (a failed commit's) are never read; the next commit
 *       overwrites them and chains from the last published frame.
 *   <li>A reader of snapshot (generation g, mxFrame m) reads page p from the newest frame &lt;= m of
 *       g holding p, else from the database file; it sees exactly the last commit at its begin.
 *   <li>The checkpoint never writes a database page a live reader may read from the file: every
 *       live reader of the generation has mxFrame &gt;= the limit, so the pages copied are in its
 *       snapshot's frames, which it reads from the WAL; a reader of an older generation (it reads
 *       the file as of that generation's end) makes the limit 0.
 *   <li>A restart happens only when every frame is backfilled, the database synced (not OFF), and
 *       no other reader uses WAL frames, so every reader left reads the file, which holds its
 *       content; a snapshot of an older generation therefore reads the file only.
 *   <li>The backfill is published only after the database is written, truncated and synced: a
 *       reader that starts on a fully backfilled WAL reads the file only (SQLite's read-mark 0)
 *       and does not hold a restart back.
 *   <li>Frames reach the database only after the WAL holding them is synced, and the WAL is
 *       restarted, truncated or deleted only after the database is synced: after power loss the
 *       recovered state is the last synced commit or later (FULL: every acknowledged commit;
 *       NORMAL: at least the last checkpoint's), never a mix. {@code WalCrashTest} checks this over
 *       thousands of simulated power losses.
 *   <li>Two snapshots with the same commit version show the same content; {@code changedPages} is
 *       exact within a generation and from the content a generation started with, else false.
 * </ol>
 *
 * <h2>Concurrency</h2>
 *
 * <p>One {@code ReentrantLock} in {@code WalCoordinator} guards the shared state; it is held for
 * in-memory work only, never across I/O, and waits (the writer lock, readers a FULL+ checkpoint
 * needs gone, another checkpoint) are condition waits bounded by the busy timeout, then BUSY (or a
 * busy checkpoint report). {@code beginRead} takes the lock briefly and never waits for the
 * writer. Each wal-index has a {@code StampedLock}: the writer appends a commit under its write
 * lock after writing the frames, lookups take its read lock (allocation-free). Readers read the WAL
 * and the database file concurrently with the writer's appends and a checkpoint's copy (positional
 * I/O on disjoint frames and pages). One writer at a time, which a FULL, RESTART or TRUNCATE
 * checkpoint also holds while it runs; one checkpoint at a time (PASSIVE reports busy at once when
 * another runs). A writer whose snapshot is a reader the holding RESTART/TRUNCATE checkpoint waits
 * for gets BUSY at once instead of waiting out a deadlock.
 *
 * <h2>Not implemented</h2>
 *
 * <ul>
 *   <li>The {@code -shm} file and SQLite's wal-index locks: the wal-index is in memory, so only
 *       pagers of this JVM sharing one journal are coordinated; another process (SQLite included)
 *       must not use the database while a WalJournal has it open.
 *   <li>{@code journal_size_limit}, {@code PRAGMA wal_checkpoint} on a read-only database (it
 *       fails with READONLY), snapshots of other connections ({@code sqlite3_snapshot_*}).
 *   <li>SQLite's EXTRA level adds nothing over FULL here; the WAL header is synced when written
 *       (SQLite's syncHeader) unless OFF.
 * </ul>
 */
package dev.pagoda.wal;
