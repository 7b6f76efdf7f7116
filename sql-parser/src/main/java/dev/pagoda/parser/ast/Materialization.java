package dev.pagoda.parser.ast;

/** A common table expression's {@code [NOT] MATERIALIZED} hint. */
public enum Materialization {
/** No hint given. */
DEFAULT,
MATERIALIZED,
NOT_MATERIALIZED
}
