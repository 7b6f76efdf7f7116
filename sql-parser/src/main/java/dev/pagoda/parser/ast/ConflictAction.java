package dev.pagoda.parser.ast;

/** A conflict resolution algorithm: {@code ON CONFLICT x}, {@code INSERT OR x}. */
public enum ConflictAction {
ROLLBACK,
ABORT,
FAIL,
IGNORE,
REPLACE
}
