package dev.pagoda.wal;

import dev.pagoda.pager.DbFile;
import dev.pagoda.pager.Journal;
import dev.pagoda.pager.StorageException;
import dev.pagoda.pager.Synchronous;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Appends one commit to the WAL file: a new header first when the generation has no frame yet,
 * then one frame per page (ascending, as the pager hands them), the last one carrying the commit
 * size, each checksum chained from the previous frame; then the sync the synchronous level asks
 * for, and only then the frames go into the wal-index. Used by the one writer at a time (the
 * journal's writer lock), so its frame buffer is not shared.
 *
 * <p>A failure leaves the published state as it was: frames past its {@code mxFrame} are never read
 * and the next commit overwrites them, chaining from the last published frame again.
 */
final class WalWriter {
  private final RandomGenerator random;
  private byte[] frame = new byte[0];
  private int[] pages = new int[16];

  WalWriter(RandomGenerator random) {
    this.random = random;
  }

  WalWriter() {
    this(new SecureRandom());
  }

  /**
   * Writes {@code c} after the last frame of {@code st} and returns the state to publish (with the
   * frames already indexed in {@code st}'s generation).
   */
  WalState append(DbFile wal, WalState st, Journal.Commit c, Synchronous sync) {
    int ps = c.pageSize();
    WalHeader h;
    long chain;
    int first;
    if (st.maxFrame() == 0) {
      h = st.header() == null || st.header().pageSize() != ps
          ? WalHeader.create(ps, random)
          : st.header().restart(random);
      wal.write(0, h.encode(), 0, WalHeader.SIZE);
      if (sync != Synchronous.OFF) {
        wal.sync(); // as SQLite's syncHeader: the new salts are durable before frames follow
      }
      chain = h.checksum();
      first = 1;
    } else {
      h = st.header();
      if (h.pageSize() != ps) {
        throw new StorageException(StorageException.Kind.MISUSE,
            "page size " + ps + " differs from the WAL's " + h.pageSize());
      }
      chain = st.checksum();
      first = st.maxFrame() + 1;
    }
    int n = c.size();
    if (frame.length != h.frameSize()) {
      frame = new byte[h.frameSize()];
    }
    if (pages.length < n) {
      pages = new int[Math.max(n, pages.length * 2)];
    }
    for (int i = 0; i < n; i++) {
      int pgno = c.page(i);
      check(c, i, pgno);
      chain = WalFrameHeader.encodeFrame(
          h, chain, pgno, i == n - 1 ? c.pageCount() : 0, c.data(i), 0, frame, 0);
      wal.write(WalFrameHeader.frameOffset(first + i, ps), frame, 0, frame.length);
      pages[i] = pgno;
    }
    if (sync.atLeastFull()) {
      wal.sync();
    }
    st.index().append(first, pages, n, c.pageCount());
    return new WalState(st.index(), h, first + n - 1, c.pageCount(), chain, st.version() + 1);
  }

  private static void check(Journal.Commit c, int i, int pgno) {
    if (pgno < 1 || pgno > c.pageCount() || (i > 0 && pgno <= c.page(i - 1))) {
      throw new StorageException(StorageException.Kind.MISUSE,
          "bad page " + Integer.toUnsignedString(pgno) + " in a commit of " + c.pageCount()
              + " pages (pages must ascend)");
    }
    if (c.data(i).length < c.pageSize()) {
      throw new StorageException(StorageException.Kind.MISUSE, "short image for page " + pgno);
    }
  }
}
