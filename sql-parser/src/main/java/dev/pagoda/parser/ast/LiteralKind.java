package dev.pagoda.parser.ast;

/** The kind of a {@link Literal}, which decides what its text means. */
public enum LiteralKind {
NULL,
/**
 * Decimal or hexadecimal ({@code 0x1F}) integer text as written, digit separators removed. A
 * decimal integer outside the 64-bit range is a REAL value in SQLite; see {@link
 * Literal#integerValue()}.
 */
INTEGER,
/** Numeric text with a {@code .} or an exponent. */
REAL,
/** The text is the dequoted string value. */
STRING,
/** The text is the hex digits between {@code X'} and {@code '}. */
BLOB,
CURRENT_TIME,
CURRENT_DATE,
CURRENT_TIMESTAMP,
/**
 * Produced only by {@code DEFAULT true}. In expressions {@code TRUE} is an identifier, a {@link
 * ColumnRef}, which the resolver turns into 1 when no column has that name, as SQLite does.
 */
TRUE,
/** See {@link #TRUE}. */
FALSE
}
