package dev.pagoda.executor;

import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.spi.ResultCode;
import java.util.function.BooleanSupplier;

/**
 * One connection's foreign key enforcement: {@code PRAGMA foreign_keys} and {@code PRAGMA
 * defer_foreign_keys}, and SQLite's violation counters ({@code fkey.c}): the statement counter of
 * immediate keys, checked when the outermost statement ends; the transaction's counters of deferred
 * keys and of immediate keys counted as deferred under {@code defer_foreign_keys}, checked at
 * COMMIT (and at the end of a statement that runs outside a transaction).
 *
 * <p>States: statements nest (trigger steps run inside the statement that fires them); only the
 * outermost one ({@link #enter} at depth 0) checks and resets the statement counter, and puts the
 * deferred counters back when it fails.
 */
public final class ForeignKeyState {
  private final BooleanSupplier inTransaction;
  private boolean enabled;
  private boolean deferAll;
  private long immediate;
  private long deferred;
  private long deferredImmediate;
  private int depth;
  private long savedDeferred;
  private long savedDeferredImmediate;
  private final java.util.List<long[]> savepoints = new java.util.ArrayList<>();

  /** @param inTransaction whether the connection has a transaction open (not autocommit) */
  public ForeignKeyState(BooleanSupplier inTransaction) {
    this.inTransaction = inTransaction;
  }

  /** {@code PRAGMA foreign_keys}. */
  public boolean enabled() {
    return enabled;
  }

  /** Sets {@code PRAGMA foreign_keys}; the caller ignores it inside a transaction, as SQLite. */
  public void setEnabled(boolean on) {
    this.enabled = on;
  }

  /** {@code PRAGMA defer_foreign_keys}. */
  public boolean deferAll() {
    return deferAll;
  }

  /** Sets {@code PRAGMA defer_foreign_keys}; it switches off again when a transaction ends. */
  public void setDeferAll(boolean on) {
    this.deferAll = on;
  }

  /** Whether COMMIT would fail: deferred violations are outstanding. */
  public boolean deferredViolations() {
    return deferred + deferredImmediate > 0;
  }

  /**
   * Throws SQLite's COMMIT failure when deferred violations are outstanding; the transaction
   * stays open.
   */
  public void checkCommit() {
    if (deferredViolations()) {
      throw violation();
    }
  }

  /** A transaction ended (COMMIT or ROLLBACK): the counters restart and defer_foreign_keys is off. */
  public void transactionEnded() {
    deferred = 0;
    deferredImmediate = 0;
    deferAll = false;
    savepoints.clear();
  }

  /**
   * A savepoint at {@code depth} (0 for the outermost) was opened: remember the deferred counters
   * for ROLLBACK TO, as SQLite does.
   */
  public void savepoint(int depth) {
    while (savepoints.size() > depth) {
      savepoints.remove(savepoints.size() - 1);
    }
    savepoints.add(new long[] {deferred, deferredImmediate});
  }

  /** ROLLBACK TO the savepoint at {@code depth}: its deferred counters come back. */
  public void rollbackTo(int depth) {
    if (depth < savepoints.size()) {
      long[] saved = savepoints.get(depth);
      deferred = saved[0];
      deferredImmediate = saved[1];
    }
  }

  static ConstraintViolation violation() {
    return new ConstraintViolation(ResultCode.CONSTRAINT_FOREIGNKEY,
        "FOREIGN KEY constraint failed", ConflictAction.ABORT);
  }

  /** RESTRICT's failure: SQLite raises it from an action trigger, hence the TRIGGER code. */
  static ConstraintViolation restricted() {
    return new ConstraintViolation(ResultCode.CONSTRAINT_TRIGGER,
        "FOREIGN KEY constraint failed", ConflictAction.ABORT);
  }

  /** A statement begins; at depth 0 it is a top-level statement. */
  void enter() {
    if (depth++ == 0) {
      immediate = 0;
      savedDeferred = deferred;
      savedDeferredImmediate = deferredImmediate;
    }
  }

  /**
   * A statement ended; the outermost one fails when immediate violations remain, or deferred
   * ones outside a transaction.
   *
   * @param failed whether the statement is failing anyway (its counts are undone)
   */
  void exit(boolean failed) {
    if (--depth > 0) {
      return;
    }
    boolean violated = !failed
        && (immediate > 0 || (!inTransaction.getAsBoolean() && deferredViolations()));
    immediate = 0;
    if (failed || violated) {
      deferred = savedDeferred;
      deferredImmediate = savedDeferredImmediate;
    }
    if (violated) {
      throw violation();
    }
  }

  /**
   * A statement failed under OR FAIL, keeping its earlier rows: the outermost one keeps their
   * deferred counts, and fails with {@code FOREIGN KEY constraint failed} (ABORT) instead when
   * they leave immediate violations, as SQLite's {@code vdbeHalt} does.
   */
  void exitKeeping() {
    if (--depth > 0) {
      return;
    }
    boolean violated = immediate > 0;
    immediate = 0;
    if (violated) {
      deferred = savedDeferred;
      deferredImmediate = savedDeferredImmediate;
      throw violation();
    }
  }

  /** SQLite's {@code OP_FkCounter}: adds {@code n} to the counter a key of this kind uses. */
  void count(boolean deferredKey, long n) {
    if (deferredKey) {
      deferred += n;
    } else if (deferAll) {
      deferredImmediate += n;
    } else {
      immediate += n;
    }
  }

  /** SQLite's {@code OP_FkIfZero}: whether no violation is outstanding that a fix could clear. */
  boolean isZero(boolean deferredKey) {
    return deferredKey
        ? deferred == 0 && deferredImmediate == 0
        : immediate == 0 && deferredImmediate == 0;
  }
}
