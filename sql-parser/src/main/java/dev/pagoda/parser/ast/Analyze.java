package dev.pagoda.parser.ast;

/** {@code ANALYZE [[schema.]name]}; name is null when absent. */
public record Analyze(QualifiedName name) implements Statement {}
