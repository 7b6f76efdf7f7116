package dev.pagoda.parser.ast;

/** {@code NULLS FIRST} or {@code NULLS LAST}. */
public enum NullsOrder {
FIRST,
LAST
}
