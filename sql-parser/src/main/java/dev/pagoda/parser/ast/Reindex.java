package dev.pagoda.parser.ast;

/** {@code REINDEX [[schema.]name]} (a table, index or collation); name is null when absent. */
public record Reindex(QualifiedName name) implements Statement {}
