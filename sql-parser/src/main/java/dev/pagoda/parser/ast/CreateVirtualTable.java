package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code CREATE VIRTUAL TABLE [IF NOT EXISTS] [schema.]name USING module [(args)]}. The module
 * name is dequoted; each argument is its source text as SQLite hands it to the module (from its
 * first token through its last, comments between tokens included), and empty arguments are
 * dropped, as SQLite drops them. Without parentheses args is empty.
 */
public record CreateVirtualTable(
    boolean ifNotExists, QualifiedName name, String module, List<String> args)
    implements Statement {
  public CreateVirtualTable {
    requireNonNull(name, "name");
    requireNonNull(module, "module");
    args = List.copyOf(args);
  }
}
