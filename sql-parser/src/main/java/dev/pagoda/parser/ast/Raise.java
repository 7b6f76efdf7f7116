package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code RAISE(IGNORE)} (message null) or {@code RAISE(ROLLBACK|ABORT|FAIL, message)}. */
public record Raise(RaiseAction action, Expr message) implements Expr {
  public Raise {
    requireNonNull(action, "action");
    if ((action == RaiseAction.IGNORE) != (message == null)) {
      throw new IllegalArgumentException("RAISE(IGNORE) alone has no message");
    }
  }
}
