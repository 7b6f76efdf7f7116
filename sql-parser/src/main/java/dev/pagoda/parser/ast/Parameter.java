package dev.pagoda.parser.ast;

/**
 * A bound parameter. {@code index} is 1-based and numbered as SQLite does; {@code name} is the
 * parameter as written ({@code ":x"}, {@code "@x"}, {@code "$x"}, {@code "?5"}), or null for a
 * bare {@code ?}.
 */
public record Parameter(int index, String name) implements Expr {
  public Parameter {
    if (index < 1) {
      throw new IllegalArgumentException("index < 1: " + index);
    }
  }
}
