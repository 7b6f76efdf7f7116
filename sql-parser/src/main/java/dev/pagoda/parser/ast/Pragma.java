package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/**
 * {@code PRAGMA [schema.]name}, {@code PRAGMA [schema.]name = value} or {@code PRAGMA
 * [schema.]name(value)}; both value forms mean the same. The value is null when absent, else the
 * text SQLite's {@code sqlite3Pragma} receives: a name, keyword ({@code ON}, {@code DELETE},
 * {@code DEFAULT}, as written) or string dequoted, a number as written without a leading {@code
 * +}, and a negative number as {@code -} followed by the number as written (e.g. {@code
 * "-2000"}).
 */
public record Pragma(QualifiedName name, String value) implements Statement {
  public Pragma {
    requireNonNull(name, "name");
  }
}
