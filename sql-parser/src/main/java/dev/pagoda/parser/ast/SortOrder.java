package dev.pagoda.parser.ast;

/** {@code ASC} or {@code DESC}. */
public enum SortOrder {
ASC,
DESC
}
