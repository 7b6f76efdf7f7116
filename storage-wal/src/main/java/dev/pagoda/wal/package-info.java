/**
 * SQLite's write-ahead log (the {@code -wal} file), to become a journal for the pager. Knows
 * nothing of SQL, records or b-trees: a WAL is a header followed by frames, each a page image with
 * a small header, and this package reads and writes exactly SQLite's bytes.
 *
 * <h2>Pieces (today: the file-format codec)</h2>
 *
 * <ul>
 *   <li>{@link dev.pagoda.wal.WalChecksum}: the chained Fibonacci-weighted checksum over 32-bit
 *       words, big- or little-endian as the magic says; allocation-free.
 *   <li>{@link dev.pagoda.wal.WalHeader}: the 32-byte file header (layout table in its javadoc);
 *       encode, check, decode, a new header with fresh salts, the restart header.
 *   <li>{@link dev.pagoda.wal.WalFrameHeader}: the 24-byte frame header (layout table in its
 *       javadoc); encode a frame chained from the previous checksum, check a frame read back.
 *   <li>{@link dev.pagoda.wal.WalReader} / {@link dev.pagoda.wal.WalScan} / {@link
 *       dev.pagoda.wal.WalFrame}: read-only scan of a WAL file returning its committed prefix, by
 *       SQLite's recovery rule.
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
 * <h2>Invariants</h2>
 *
 * <ol>
 *   <li>Checksums chain: the WAL header's checksum covers its bytes 0..23 from (0, 0); frame n's
 *       covers its header bytes 0..7 and its page, starting from frame n-1's checksum (frame 1: the
 *       header's). A valid frame stores the running checksum, so the chain continues from it.
 *   <li>A frame is valid if and only if its salts equal the header's, its page number is not 0 and
 *       its stored checksum equals the running checksum. Salts are compared, never checksummed.
 *   <li>The committed prefix of a WAL is frames 1..m, where m is the last commit frame (commit
 *       size != 0) before the first invalid or incomplete frame. Nothing after m is ever used.
 *   <li>A header with a bad magic, page size or checksum means an empty WAL, not an error; only a
 *       well-checksummed header of an unknown version is an error ({@code CANTOPEN}).
 *   <li>The page size in the WAL header is a plain 32-bit value: 65536 is stored as 65536.
 *   <li>{@link dev.pagoda.wal.WalHeader} instances are always valid and self-consistent; {@code
 *       encode()} computes the checksum, so a header cannot be written with a wrong one.
 *   <li>A restart (after a full checkpoint) increments the checkpoint sequence and salt-1 and draws
 *       a fresh salt-2, so every frame of the previous generation fails the salt test.
 *   <li>The scan only reads its {@link dev.pagoda.pager.DbFile}; it never writes, syncs or closes
 *       it.
 * </ol>
 *
 * <h2>Not yet implemented (Step 3)</h2>
 *
 * <ul>
 *   <li>The WAL as a pager journal: write transactions appending frames, commit, rollback of
 *       uncommitted frames, read snapshots (a reader's {@code mxFrame}).
 *   <li>Checkpoints (copying the newest committed frames back into the database file, then
 *       restarting or truncating the WAL) and sync ordering.
 *   <li>The wal-index ({@code -shm} file), its hash tables and locking; opening a database that
 *       has a {@code -wal} file; {@code PRAGMA journal_mode=WAL}.
 * </ul>
 */
package dev.pagoda.wal;
