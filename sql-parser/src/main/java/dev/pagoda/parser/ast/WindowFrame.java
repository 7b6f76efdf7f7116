package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/**
 * A window's frame: {@code RANGE|ROWS|GROUPS BETWEEN start AND end [EXCLUDE ...]}. The short form
 * {@code ROWS start} is stored, as SQLite stores it, as {@code ROWS BETWEEN start AND CURRENT ROW}.
 * {@code exclude} is null when no EXCLUDE clause is written.
 */
public record WindowFrame(Unit unit, Bound start, Bound end, Exclude exclude) {
  public WindowFrame {
    requireNonNull(unit, "unit");
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    if (start.kind() == BoundKind.UNBOUNDED_FOLLOWING || end.kind() == BoundKind.UNBOUNDED_PRECEDING) {
      throw new IllegalArgumentException("UNBOUNDED FOLLOWING cannot start, nor UNBOUNDED PRECEDING end, a frame");
    }
  }

  /** {@code RANGE}, {@code ROWS} or {@code GROUPS}. */
  public enum Unit {
    RANGE,
    ROWS,
    GROUPS
  }

  /** What {@code EXCLUDE} names. */
  public enum Exclude {
    NO_OTHERS("NO OTHERS"),
    CURRENT_ROW("CURRENT ROW"),
    GROUP("GROUP"),
    TIES("TIES");

    private final String sql;

    Exclude(String sql) {
      this.sql = sql;
    }

    /** The words after EXCLUDE. */
    public String sql() {
      return sql;
    }
  }

  /** The kind of a frame boundary, in the order a frame's start may not come after its end. */
  public enum BoundKind {
    UNBOUNDED_PRECEDING,
    PRECEDING,
    CURRENT_ROW,
    FOLLOWING,
    UNBOUNDED_FOLLOWING
  }

  /** A boundary; {@code offset} is the expression of {@code n PRECEDING|FOLLOWING}, else null. */
  public record Bound(BoundKind kind, Expr offset) {
    public static final Bound UNBOUNDED_PRECEDING = new Bound(BoundKind.UNBOUNDED_PRECEDING, null);
    public static final Bound CURRENT_ROW = new Bound(BoundKind.CURRENT_ROW, null);
    public static final Bound UNBOUNDED_FOLLOWING = new Bound(BoundKind.UNBOUNDED_FOLLOWING, null);

    public Bound {
      requireNonNull(kind, "kind");
      boolean needsOffset = kind == BoundKind.PRECEDING || kind == BoundKind.FOLLOWING;
      if (needsOffset != (offset != null)) {
        throw new IllegalArgumentException("only n PRECEDING and n FOLLOWING have an offset");
      }
    }

    public static Bound preceding(Expr offset) {
      return new Bound(BoundKind.PRECEDING, offset);
    }

    public static Bound following(Expr offset) {
      return new Bound(BoundKind.FOLLOWING, offset);
    }
    /** Component-wise; written out to keep deep trees within a thread's stack (see Unary). */
    @Override
    public boolean equals(Object o) {
      return o == this
          || (o instanceof Bound that
              && kind == that.kind
              && Objects.equals(offset, that.offset));
    }

    @Override
    public int hashCode() {
      int h = kind.hashCode();
      h = 31 * h + Objects.hashCode(offset);
      return h;
    }
  }
}
