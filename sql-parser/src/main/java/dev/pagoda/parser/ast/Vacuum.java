package dev.pagoda.parser.ast;

/** {@code VACUUM [schema] [INTO file]}; absent parts are null. */
public record Vacuum(String schema, Expr into) implements Statement {}
