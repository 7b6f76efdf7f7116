package dev.pagoda.parser.ast;

/** The first argument of {@code RAISE(...)}. */
public enum RaiseAction {
IGNORE,
ROLLBACK,
ABORT,
FAIL
}
