package dev.pagoda.pager;

import dev.pagoda.pager.cache.IntObjectMap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;

/**
 * The open savepoints of a {@link Pager}'s write transaction, kept in memory, outermost first (a
 * savepoint's id is its depth). Each savepoint remembers the page count when it was opened and the
 * image of each page (up to that count) first changed since: {@link #record} keeps it in the
 * innermost savepoint only, the first time the page changes there.
 *
 * <p>Rolling back to savepoint {@code sp} ({@link #rollbackTo}) writes back the images of {@code
 * sp} and of every savepoint opened after it, innermost first, so that an outer savepoint's older
 * image of a page lands last. While it does, {@link #record} records nothing: a page the outer
 * savepoints lack was not changed between their start and {@code sp}'s, so its image there is the
 * one restored. {@code sp} stays open, empty.
 *
 * <p>Releasing savepoint {@code sp} ({@link #release}) hands the images of {@code sp} and those
 * after it to the enclosing savepoint, the oldest image winning.
 */
final class SavepointStack {
  private final List<Savepoint> savepoints = new ArrayList<>();
  /** Set while rollbackTo writes images back: record then records nothing. */
  private boolean restoring;

  boolean isEmpty() {
    return savepoints.isEmpty();
  }

  int size() {
    return savepoints.size();
  }

  /** Opens a savepoint at page count {@code pageCount} and returns its id. */
  int open(int pageCount) {
    savepoints.add(new Savepoint(pageCount));
    return savepoints.size() - 1;
  }

  /** Drops every savepoint (the transaction ended). */
  void clear() {
    savepoints.clear();
  }

  /**
   * Checks that {@code sp} is an open savepoint.
   *
   * @throws StorageException MISUSE when it is not
   */
  void check(int sp) {
    if (sp < 0 || sp >= savepoints.size()) {
      throw new StorageException(StorageException.Kind.MISUSE, "no such savepoint: " + sp
          + " (" + savepoints.size() + " open)");
    }
  }

  /** Keeps the image of page {@code pgno} in the innermost savepoint, if it has none yet. */
  void record(int pgno, byte[] current) {
    if (savepoints.isEmpty() || restoring) {
      return;
    }
    Savepoint sp = savepoints.get(savepoints.size() - 1);
    if (pgno <= sp.pageCount && sp.images.get(pgno) == null) {
      sp.images.put(pgno, current.clone());
    }
  }

  /**
   * Before a truncation to {@code nPages}: keeps in the innermost savepoint the image ({@code
   * current}'s, cloned) of each page from {@code nPages + 1} to {@code pageCount} that it covers
   * and lacks, except the lock-byte page.
   */
  void recordTruncation(int nPages, int pageCount, int lockBytePage, IntFunction<byte[]> current) {
    if (savepoints.isEmpty()) {
      return;
    }
    Savepoint top = savepoints.get(savepoints.size() - 1);
    for (int pgno = nPages + 1; pgno <= Math.min(pageCount, top.pageCount); pgno++) {
      if (top.images.get(pgno) == null && pgno != lockBytePage) {
        top.images.put(pgno, current.apply(pgno).clone());
      }
    }
  }

  /**
   * Rolls back to open savepoint {@code sp}: closes it and those after it, calls {@code
   * setPageCount} with its page count, then {@code restorePage} with each image to write back
   * (innermost savepoint first), recording nothing meanwhile; then reopens {@code sp} empty.
   */
  void rollbackTo(int sp, IntConsumer setPageCount, ObjIntConsumer<byte[]> restorePage) {
    Savepoint target = savepoints.get(sp);
    List<Savepoint> undo = new ArrayList<>(savepoints.subList(sp, savepoints.size()));
    savepoints.subList(sp, savepoints.size()).clear();
    restoring = true;
    try {
      setPageCount.accept(target.pageCount);
      // innermost first: an outer savepoint's image of a page is the older one, so it lands last
      for (int i = undo.size() - 1; i >= 0; i--) {
        Savepoint s = undo.get(i);
        for (int pgno : s.images.keys()) {
          if (pgno <= target.pageCount) {
            restorePage.accept(s.images.get(pgno), pgno);
          }
        }
      }
    } finally {
      restoring = false;
    }
    savepoints.add(new Savepoint(target.pageCount));
  }

  /** Releases open savepoint {@code sp} and those after it, handing their images outwards. */
  void release(int sp) {
    if (sp > 0) {
      Savepoint outer = savepoints.get(sp - 1);
      for (int i = sp; i < savepoints.size(); i++) {
        Savepoint s = savepoints.get(i);
        // the oldest image wins: the outer savepoint's own, else the first savepoint's after it
        for (int pgno : s.images.keys()) {
          if (pgno <= outer.pageCount && outer.images.get(pgno) == null) {
            outer.images.put(pgno, s.images.get(pgno));
          }
        }
      }
    }
    savepoints.subList(sp, savepoints.size()).clear();
  }

  /** A savepoint: the page count then, and the image of each page first changed since. */
  private static final class Savepoint {
    final int pageCount;
    final IntObjectMap<byte[]> images = new IntObjectMap<>();

    Savepoint(int pageCount) {
      this.pageCount = pageCount;
    }
  }
}
