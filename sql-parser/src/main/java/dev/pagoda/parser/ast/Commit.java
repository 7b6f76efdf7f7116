package dev.pagoda.parser.ast;

/** {@code COMMIT|END [TRANSACTION [name]]}; SQLite ignores the name. */
public record Commit() implements Statement {}
