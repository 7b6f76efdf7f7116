package dev.pagoda.pager;

import dev.pagoda.pager.cache.IntObjectMap;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The pieces of {@link Pager#commit()} that are about bytes, not pager state. */
final class CommitBatch {
  private CommitBatch() {}

  /**
   * Writes what every commit writes in the header (page 1's first 100 bytes): the version bytes
   * of the journal mode (2 for a WAL, 1 otherwise), change counter + 1, page count,
   * version-valid-for = change counter, and our SQLITE_VERSION_NUMBER.
   */
  static void stampHeader(byte[] h, int pageCount, boolean wal) {
    byte version = (byte) (wal ? 2 : 1);
    h[DatabaseHeader.WRITE_VERSION] = version;
    h[DatabaseHeader.READ_VERSION] = version;
    int counter = BigEndian.i32(h, DatabaseHeader.CHANGE_COUNTER) + 1;
    BigEndian.putI32(h, DatabaseHeader.CHANGE_COUNTER, counter);
    BigEndian.putI32(h, DatabaseHeader.DATABASE_SIZE, pageCount);
    BigEndian.putI32(h, DatabaseHeader.VERSION_VALID_FOR, counter);
    BigEndian.putI32(h, DatabaseHeader.SQLITE_VERSION, DatabaseHeader.VERSION_NUMBER);
  }

  /**
   * The journal's view of a write transaction: {@code dirty} sorted by page number (in place), its
   * images and originals (no copies), the file's size in pages before and the page count after.
   */
  static Journal.Commit of(List<Page> dirty, int pageSize, long fileSize, int pageCount) {
    dirty.sort(Comparator.comparingInt(Page::number));
    int[] numbers = new int[dirty.size()];
    byte[][] images = new byte[dirty.size()][];
    IntObjectMap<byte[]> originals = new IntObjectMap<>();
    for (int i = 0; i < numbers.length; i++) {
      Page p = dirty.get(i);
      numbers[i] = p.number();
      images[i] = p.data();
      if (p.original != null) {
        originals.put(p.number(), p.original);
      }
    }
    int filePages = (int) Math.min(Integer.MAX_VALUE, (fileSize + pageSize - 1) / pageSize);
    return new Journal.Commit(pageSize, filePages, pageCount, numbers, images, originals::get);
  }

  /**
   * After journal commit failure {@code e} (the journal has tried to put the file back already):
   * null when {@code file} has its size and page 1 from before ({@link #fileAsBefore}), else why
   * the pager must refuse further work until reopened.
   */
  static String brokenBy(RuntimeException e, DbFile file, long sizeBefore, byte[] page1Before) {
    if (fileAsBefore(file, sizeBefore, page1Before)) {
      return null;
    }
    // past the commit point, or written in place without a journal: the file is not what the
    // pager's memory will hold after rollback()
    return "a commit failed (" + e + ") and the database file is not back in its state"
        + " before the transaction; reopen it";
  }

  /** Whether {@code file} has the size and page 1 ({@code page1Before}) it had before a commit. */
  static boolean fileAsBefore(DbFile file, long sizeBefore, byte[] page1Before) {
    if (file.size() != sizeBefore) {
      return false;
    }
    if (sizeBefore == 0) {
      return true;
    }
    if (page1Before == null) {
      return false;
    }
    byte[] now = new byte[page1Before.length];
    PageTable.readFully(file, 1, now);
    return Arrays.equals(now, page1Before);
  }
}
