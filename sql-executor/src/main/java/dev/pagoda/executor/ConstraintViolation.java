package dev.pagoda.executor;

import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.SqlException;

/**
 * A constraint failed and its conflict resolution is ABORT, FAIL or ROLLBACK. ABORT undoes the
 * statement (the engine does that for every failed statement); FAIL keeps what the statement
 * changed before the failing row; ROLLBACK ends the whole transaction.
 */
public final class ConstraintViolation extends SqlException {
  private static final long serialVersionUID = 1L;

  private final ConflictAction action;
  private transient ExecutionResult earlierChanges = ExecutionResult.NONE;

  ConstraintViolation(ResultCode code, String message, ConflictAction action) {
    super(code, message);
    this.action = action;
  }

  /** ABORT, FAIL or ROLLBACK. */
  public ConflictAction action() {
    return action;
  }

  /** Whether the statement's changes before the failure stay (ON CONFLICT FAIL). */
  public boolean keepsEarlierChanges() {
    return action == ConflictAction.FAIL;
  }

  /** What the statement changed before the failing row (which FAIL keeps). */
  public ExecutionResult earlierChanges() {
    return earlierChanges;
  }

  void setEarlierChanges(ExecutionResult result) {
    this.earlierChanges = result;
  }

  /** Whether the open transaction rolls back whole (ON CONFLICT ROLLBACK). */
  public boolean rollsBackTransaction() {
    return action == ConflictAction.ROLLBACK;
  }
}
