package dev.pagoda.parser.ast;

/** A pattern-matching operator; {@link Like} carries the {@code NOT}. */
public enum LikeOp {
LIKE,
GLOB,
REGEXP,
MATCH
}
