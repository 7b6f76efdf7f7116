package dev.pagoda.executor;

import dev.pagoda.parser.ast.WindowFrame;
import dev.pagoda.parser.ast.WindowFrame.BoundKind;
import dev.pagoda.planner.Affinity;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.Collation;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;

/**
 * Where a window frame starts and ends for each row of a partition, for ROWS, GROUPS and RANGE
 * frames. A RANGE offset moves the row's (only) ORDER BY value back or forth by {@code n}, as
 * SQLite's does: a NULL stays NULL and so bounds the frame at its peers, and so does a text or
 * blob value, which stays itself; the bound is then the first row past (or not before) that
 * value in the window's order. Offsets are evaluated once, when the operator opens.
 */
final class WindowBounds {
  private final PlanNode.WindowFrameSpec spec;
  private final boolean descending;
  private final boolean nullsLast;
  private final Collation collation;
  private final long startRows;
  private final long endRows;
  private final Value startRange;
  private final Value endRange;

  /** The frame {@code spec} over a window ordered by a first key as given (RANGE uses it). */
  WindowBounds(PlanNode.WindowFrameSpec spec, Value startOffset, Value endOffset,
      boolean descending, boolean nullsLast, Collation collation) {
    this.spec = spec;
    this.descending = descending;
    this.nullsLast = nullsLast;
    this.collation = collation;
    boolean range = spec.unit() == WindowFrame.Unit.RANGE;
    this.startRows = startOffset == null || range ? 0 : rowsOffset(startOffset, "starting");
    this.endRows = endOffset == null || range ? 0 : rowsOffset(endOffset, "ending");
    this.startRange = startOffset == null || !range ? null : rangeOffset(startOffset, "starting");
    this.endRange = endOffset == null || !range ? null : rangeOffset(endOffset, "ending");
  }

  /** Whether every frame starts at its partition's first row (UNBOUNDED PRECEDING). */
  boolean startsAtFirstRow() {
    return spec.start() == BoundKind.UNBOUNDED_PRECEDING;
  }

  WindowFrame.Exclude exclude() {
    return spec.exclude();
  }

  /** A ROWS or GROUPS offset: a non-negative integer, as OP_MustBeInt reads it. */
  private static long rowsOffset(Value v, String which) {
    Value n = Values.applyAffinity(Affinity.NUMERIC, v);
    if (!(n instanceof Value.Int i) || i.value() < 0) {
      throw SqlException.error("frame " + which + " offset must be a non-negative integer");
    }
    return i.value();
  }

  /** A RANGE offset: a non-negative number. */
  private static Value rangeOffset(Value v, String which) {
    Value n = Values.applyAffinity(Affinity.NUMERIC, v);
    boolean ok = n instanceof Value.Int i ? i.value() >= 0
        : n instanceof Value.Real r && r.value() >= 0;
    if (!ok) {
      throw SqlException.error("frame " + which + " offset must be a non-negative number");
    }
    return n;
  }

  /** The first row of row {@code i}'s frame. */
  int start(WindowPartition p, int i) {
    return bound(p, i, spec.start(), startRows, startRange, true);
  }

  /** One past the last row of row {@code i}'s frame, never before its start. */
  int end(WindowPartition p, int i, int start) {
    return Math.max(start, bound(p, i, spec.end(), endRows, endRange, false));
  }

  private int bound(WindowPartition p, int i, BoundKind kind, long n, Value v, boolean isStart) {
    int size = p.size();
    switch (kind) {
      case UNBOUNDED_PRECEDING:
        return 0;
      case UNBOUNDED_FOLLOWING:
        return size;
      case CURRENT_ROW:
        if (spec.unit() == WindowFrame.Unit.ROWS) {
          return isStart ? i : i + 1;
        }
        return isStart ? p.peerStart(i) : p.peerEnd(i);
      default:
        break;
    }
    boolean preceding = kind == BoundKind.PRECEDING;
    return switch (spec.unit()) {
      case ROWS -> {
        long m = Math.min(n, size + 1L);
        long pos = (preceding ? i - m : i + m) + (isStart ? 0 : 1);
        yield (int) Math.max(0, Math.min(size, pos));
      }
      case GROUPS -> {
        long m = Math.min(n, p.groups() + 1L);
        long g = (preceding ? p.group(i) - m : p.group(i) + m) + (isStart ? 0 : 1);
        yield g < 0 ? 0 : g >= p.groups() ? size : p.groupStart((int) g);
      }
      case RANGE -> {
        Value target = target(p.orderKey(i), preceding, v);
        yield isStart ? search(p, target, false) : search(p, target, true);
      }
    };
  }

  /** The current row's value moved back ({@code preceding}) or forth by {@code n}. */
  private Value target(Value key, boolean preceding, Value n) {
    if (!(key instanceof Value.Int) && !(key instanceof Value.Real)) {
      return key;
    }
    boolean subtract = preceding != descending;
    return subtract ? Arithmetic.subtract(key, n) : Arithmetic.add(key, n);
  }

  /** The first row whose key is not before {@code target} (or, {@code after}, is past it). */
  private int search(WindowPartition p, Value target, boolean after) {
    int lo = 0;
    int hi = p.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int c = compare(p.orderKey(mid), target);
      if (after ? c <= 0 : c < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Compares as the window's order does. */
  private int compare(Value a, Value b) {
    if (a.isNull() || b.isNull()) {
      if (a.isNull() && b.isNull()) {
        return 0;
      }
      return a.isNull() == nullsLast ? 1 : -1;
    }
    int r = RowOrder.compare(a, b, collation);
    return descending ? -r : r;
  }
}
