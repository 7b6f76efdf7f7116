package dev.pagoda.parser.ast;

/**
 * {@code ROLLBACK [TRANSACTION [name]] [TO [SAVEPOINT] savepoint]}: the whole transaction when
 * savepoint is null, else back to that savepoint (dequoted). SQLite ignores the transaction name.
 */
public record Rollback(String savepoint) implements Statement {}
