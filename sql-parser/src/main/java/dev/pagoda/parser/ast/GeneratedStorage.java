package dev.pagoda.parser.ast;

/** How a generated column is kept; {@link #VIRTUAL} when not written. */
public enum GeneratedStorage {
VIRTUAL,
STORED
}
