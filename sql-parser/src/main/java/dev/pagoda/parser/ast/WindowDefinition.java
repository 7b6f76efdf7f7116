package dev.pagoda.parser.ast;

import java.util.List;
import java.util.Objects;

/**
 * The parenthesized part of {@code OVER (...)} or of a {@code WINDOW name AS (...)} clause: {@code
 * [base] [PARTITION BY partitionBy] [ORDER BY orderBy] [frame]}. {@code base} names a window of the
 * SELECT's WINDOW clause that this one extends, or is null; {@code frame} is null when not written.
 */
public record WindowDefinition(
    String base, List<Expr> partitionBy, List<OrderingTerm> orderBy, WindowFrame frame) {
  /** {@code ()}: the whole partition, no order. */
  public static final WindowDefinition EMPTY =
      new WindowDefinition(null, List.of(), List.of(), null);

  public WindowDefinition {
    partitionBy = List.copyOf(partitionBy);
    orderBy = List.copyOf(orderBy);
  }

  /** Component-wise; written out to keep deep trees within a thread's stack (see Unary). */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof WindowDefinition that
            && Objects.equals(base, that.base)
            && partitionBy.equals(that.partitionBy)
            && orderBy.equals(that.orderBy)
            && Objects.equals(frame, that.frame));
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(base);
    h = 31 * h + partitionBy.hashCode();
    h = 31 * h + orderBy.hashCode();
    h = 31 * h + Objects.hashCode(frame);
    return h;
  }
}
