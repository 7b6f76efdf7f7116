package dev.pagoda.parser.ast;

/** The kind of a {@link Join}; {@code NATURAL} is a separate flag. */
public enum JoinKind {
/** {@code a, b}. */
COMMA,
/** {@code JOIN} or {@code INNER JOIN}. */
INNER,
/** {@code CROSS JOIN}: an inner join whose order the planner must keep. */
CROSS,
/** {@code LEFT [OUTER] JOIN}. */
LEFT,
/** {@code RIGHT [OUTER] JOIN}. */
RIGHT,
/** {@code FULL [OUTER] JOIN}. */
FULL
}
