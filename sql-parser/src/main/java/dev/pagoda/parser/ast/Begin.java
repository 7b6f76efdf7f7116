package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/**
 * {@code BEGIN [DEFERRED|IMMEDIATE|EXCLUSIVE] [TRANSACTION [name]]}. SQLite ignores the
 * transaction name, so the AST drops it; a missing mode is {@link TransactionMode#DEFERRED}.
 */
public record Begin(TransactionMode mode) implements Statement {
  public Begin {
    requireNonNull(mode, "mode");
  }
}
