package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/** {@code RAISE(IGNORE)} (message null) or {@code RAISE(ROLLBACK|ABORT|FAIL, message)}. */
public record Raise(RaiseAction action, Expr message) implements Expr {
  public Raise {
    requireNonNull(action, "action");
    if ((action == RaiseAction.IGNORE) != (message == null)) {
      throw new IllegalArgumentException("RAISE(IGNORE) alone has no message");
    }
  }

  /** Component-wise; written out to keep deep trees within a thread's stack (see Unary). */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof Raise that
            && action == that.action
            && Objects.equals(message, that.message));
  }

  @Override
  public int hashCode() {
    int h = action.hashCode();
    h = 31 * h + Objects.hashCode(message);
    return h;
  }
}
