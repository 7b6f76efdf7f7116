package dev.pagoda;

import dev.pagoda.pager.Pager;
import dev.pagoda.parser.ast.Begin;
import dev.pagoda.parser.ast.Commit;
import dev.pagoda.parser.ast.Release;
import dev.pagoda.parser.ast.Rollback;
import dev.pagoda.parser.ast.Savepoint;
import dev.pagoda.parser.ast.Statement;
import dev.pagoda.parser.ast.TransactionMode;
import dev.pagoda.spi.ResultCode;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection's transaction state, as SQLite keeps it: autocommit, or a transaction opened by
 * BEGIN or by a SAVEPOINT outside any transaction, with a stack of named savepoints.
 *
 * <p>States: AUTOCOMMIT -&gt; (BEGIN | SAVEPOINT) -&gt; OPEN, reading or writing; a DEFERRED
 * transaction takes the database's write lock at its first write, IMMEDIATE and EXCLUSIVE at
 * BEGIN, and EXCLUSIVE in rollback-journal mode also keeps every other reader out until it ends. OPEN -&gt; (COMMIT | ROLLBACK | RELEASE of the outermost savepoint of a
 * savepoint-started transaction) -&gt; AUTOCOMMIT. Inside an open transaction each statement runs
 * under its own pager savepoint, so a failing statement undoes only itself.
 *
 * <p>Reads: the transaction holds its connection's read transaction from its first statement to
 * its end, so every statement in it sees one snapshot (SQLite's deferred transactions also start
 * reading at their first statement, not at BEGIN). A write after another connection committed
 * fails with BUSY_SNAPSHOT (WAL) or waits for the lock (rollback journal), as in SQLite.
 */
final class Transaction {
  private final Connection conn;
  private final Pager pager;
  private boolean open;
  /** Whether this transaction holds a read transaction of the pager (from its first statement). */
  private boolean reading;
  /** Whether the transaction was opened by SAVEPOINT, so RELEASE of its first savepoint ends it. */
  private boolean openedBySavepoint;
  private boolean writing;
  /** The pager savepoint at the start of this connection's writes in the transaction. */
  private int baseSavepoint = -1;
  private final List<Named> savepoints = new ArrayList<>();

  /** A named savepoint; {@code pagerId} is -1 while the transaction has not written yet. */
  private record Named(String name, int pagerId) {}

  Transaction(Connection conn) {
    this.conn = conn;
    this.pager = conn.pager();
  }

  boolean isOpen() {
    return open;
  }

  static boolean isControl(Statement s) {
    return s instanceof Begin || s instanceof Commit || s instanceof Rollback
        || s instanceof Savepoint || s instanceof Release;
  }

  /** Runs BEGIN, COMMIT, ROLLBACK, SAVEPOINT or RELEASE. Connection lock held. */
  void control(Statement s) {
    if (s instanceof Begin b) {
      begin(b.mode());
    } else if (s instanceof Commit) {
      if (!open) {
        throw new PagodaException(ResultCode.ERROR, "cannot commit - no transaction is active");
      }
      commit();
    } else if (s instanceof Rollback r) {
      if (r.savepoint() == null) {
        if (!open) {
          throw new PagodaException(
              ResultCode.ERROR, "cannot rollback - no transaction is active");
        }
        rollback();
      } else {
        rollbackTo(r.savepoint());
      }
    } else if (s instanceof Savepoint sp) {
      savepoint(sp.name());
    } else if (s instanceof Release r) {
      release(r.name());
    } else {
      throw new AssertionError("not a transaction statement: " + s);
    }
  }

  private void begin(TransactionMode mode) {
    if (open) {
      throw new PagodaException(
          ResultCode.ERROR, "cannot start a transaction within a transaction");
    }
    if (mode != TransactionMode.DEFERRED) {
      conn.checkWritable();
      startWriting();
      if (mode == TransactionMode.EXCLUSIVE) {
        try {
          pager.lockExclusive(); // rollback journal: no other connection reads until the end
        } catch (RuntimeException e) {
          pager.rollback();
          writing = false;
          throw e;
        }
      }
    }
    open = true;
    openedBySavepoint = false;
  }

  private void savepoint(String name) {
    if (!open) {
      open = true;
      openedBySavepoint = true;
    }
    conn.foreignKeyState().savepoint(savepoints.size());
    savepoints.add(new Named(name, writing ? pager.savepoint() : -1));
  }

  private int find(String name) {
    for (int i = savepoints.size() - 1; i >= 0; i--) {
      if (savepoints.get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new PagodaException(ResultCode.ERROR, "no such savepoint: " + name);
  }

  private void rollbackTo(String name) {
    int i = find(name);
    Named sp = savepoints.get(i);
    conn.foreignKeyState().rollbackTo(i);
    if (writing) {
      int target = sp.pagerId() >= 0 ? sp.pagerId() : baseSavepoint;
      pager.rollbackTo(target);
      conn.catalogAfterRollback();
    }
    while (savepoints.size() > i + 1) {
      savepoints.remove(savepoints.size() - 1);
    }
  }

  private void release(String name) {
    int i = find(name);
    if (i == 0 && openedBySavepoint) {
      commit();
      return;
    }
    Named sp = savepoints.get(i);
    if (writing && sp.pagerId() >= 0) {
      pager.releaseSavepoint(sp.pagerId());
    }
    while (savepoints.size() > i) {
      savepoints.remove(savepoints.size() - 1);
    }
  }

  /**
   * Begins the read transaction this transaction holds to its end, if not yet: at its first
   * statement. Connection lock held.
   */
  void holdRead() {
    if (open && !reading) {
      pager.beginRead();
      reading = true;
    }
  }

  /** Takes the write lock for this connection, or fails with BUSY. Connection lock held. */
  void startWriting() {
    if (writing) {
      return;
    }
    pager.beginWrite();
    writing = true;
    baseSavepoint = pager.savepoint();
    List<Named> resolved = new ArrayList<>();
    for (Named n : savepoints) {
      resolved.add(new Named(n.name(), pager.savepoint()));
    }
    savepoints.clear();
    savepoints.addAll(resolved);
  }

  boolean isWriting() {
    return writing;
  }

  private void commit() {
    conn.foreignKeyState().checkCommit(); // deferred violations: COMMIT fails, still open
    if (writing) {
      pager.commit();
    }
    end();
  }

  /** Rolls the whole transaction back; safe when nothing was written. */
  void rollback() {
    if (writing) {
      try {
        pager.rollback();
      } finally {
        conn.catalogAfterRollback();
      }
    }
    end();
  }

  private void end() {
    conn.foreignKeyState().transactionEnded();
    if (reading) {
      reading = false;
      pager.endRead();
    }
    writing = false;
    open = false;
    openedBySavepoint = false;
    baseSavepoint = -1;
    savepoints.clear();
  }
}
