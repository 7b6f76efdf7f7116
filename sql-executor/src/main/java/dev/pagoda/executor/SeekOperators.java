package dev.pagoda.executor;

import dev.pagoda.btree.BTree;
import dev.pagoda.btree.IndexCursor;
import dev.pagoda.btree.TableCursor;
import dev.pagoda.planner.Affinity;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading a table through its rowid or an index: the operators of {@link PlanNode.RowidSeek},
 * {@link PlanNode.RowidRange} and {@link PlanNode.IndexSeek}. Their keys are evaluated when the
 * operator opens, over the outer row (a join's earlier steps).
 */
final class SeekOperators {
  private SeekOperators() {}

  static OperatorFactory rowidSeek(PlanNode.RowidSeek r, ExprCompiler compiler) {
    TableSchema table = r.table();
    RowDecoding decoding = TableRowOp.decoding(table);
    Evaluator[] keys = r.keys().stream().map(compiler::compile).toArray(Evaluator[]::new);
    return (run, outer) -> {
      long[] rowids = new long[keys.length];
      int n = 0;
      for (Evaluator key : keys) {
        Value v = Values.applyAffinity(Affinity.NUMERIC, key.eval(outer));
        if (v instanceof Value.Int i) {
          rowids[n++] = i.value();
        } else if (v instanceof Value.Real d && d.value() == Math.rint(d.value())
            && Math.abs(d.value()) < 9.2e18) {
          rowids[n++] = (long) d.value();
        }
      }
      long[] distinct = java.util.Arrays.stream(rowids, 0, n).sorted().distinct().toArray();
      return new RowidSeekOp(BTree.openTable(run.pager(), table.rootPage()),
          decoding, distinct);
    };
  }

  /** Visits the rows with the given rowids, in ascending order. */
  static final class RowidSeekOp extends TableRowOp {
    private final long[] rowids;
    private int index = -1;

    RowidSeekOp(TableCursor cursor, RowDecoding decoding, long[] rowids) {
      super(cursor, decoding);
      this.rowids = rowids;
    }

    @Override
    public boolean next() {
      while (++index < rowids.length) {
        if (cursor.seek(rowids[index])) {
          rowChanged();
          return true;
        }
      }
      return false;
    }
  }

  static OperatorFactory rowidRange(PlanNode.RowidRange r, ExprCompiler compiler) {
    TableSchema table = r.table();
    RowDecoding decoding = TableRowOp.decoding(table);
    Evaluator lower = r.lower() == null ? null : compiler.compile(r.lower().value());
    Evaluator upper = r.upper() == null ? null : compiler.compile(r.upper().value());
    boolean lowerInclusive = r.lower() != null && r.lower().inclusive();
    boolean upperInclusive = r.upper() != null && r.upper().inclusive();
    return (run, outer) -> {
      long from = lower == null ? Long.MIN_VALUE : RowidBounds.from(lower.eval(outer),
          lowerInclusive);
      long to = upper == null ? Long.MAX_VALUE : RowidBounds.to(upper.eval(outer),
          upperInclusive);
      return new RowidRangeOp(BTree.openTable(run.pager(), table.rootPage()),
          decoding, from, to);
    };
  }

  /** Visits the rows with rowids from {@code from} to {@code to}, both inclusive. */
  static final class RowidRangeOp extends TableRowOp {
    private final long from;
    private final long to;
    private boolean started;
    private boolean done;

    RowidRangeOp(TableCursor cursor, RowDecoding decoding, long from, long to) {
      super(cursor, decoding);
      this.from = from;
      this.to = to;
      this.done = from > to;
    }

    @Override
    public boolean next() {
      if (done) {
        return false;
      }
      Interrupts.check();
      boolean valid = started ? cursor.next() : cursor.seekAtOrAfter(from);
      started = true;
      rowChanged();
      if (!valid || cursor.rowid() > to) {
        done = true;
        return false;
      }
      return true;
    }
  }

  /** Turning a rowid comparison's value into inclusive long bounds. */
  static final class RowidBounds {
    private RowidBounds() {}

    /** The least rowid {@code rowid > v} (or {@code >=}) allows; MAX+1 wraps to "none". */
    static long from(Value raw, boolean inclusive) {
      Value v = Values.applyAffinity(Affinity.NUMERIC, raw);
      if (v instanceof Value.Int i) {
        if (inclusive) {
          return i.value();
        }
        return i.value() == Long.MAX_VALUE ? Long.MAX_VALUE : i.value() + 1;
      }
      if (v instanceof Value.Real d) {
        double x = d.value();
        if (Double.isNaN(x) || x >= 9.2e18) {
          return Long.MAX_VALUE;
        }
        if (x <= -9.2e18) {
          return Long.MIN_VALUE;
        }
        long c = (long) Math.ceil(x);
        return (!inclusive && c == x) ? c + 1 : c;
      }
      return Long.MAX_VALUE; // NULL, or text/blob: no number is greater
    }

    /** The greatest rowid {@code rowid < v} (or {@code <=}) allows. */
    static long to(Value raw, boolean inclusive) {
      Value v = Values.applyAffinity(Affinity.NUMERIC, raw);
      if (v.isNull()) {
        return Long.MIN_VALUE;
      }
      if (v instanceof Value.Int i) {
        if (inclusive) {
          return i.value();
        }
        return i.value() == Long.MIN_VALUE ? Long.MIN_VALUE : i.value() - 1;
      }
      if (v instanceof Value.Real d) {
        double x = d.value();
        if (Double.isNaN(x) || x <= -9.2e18) {
          return Long.MIN_VALUE;
        }
        if (x >= 9.2e18) {
          return Long.MAX_VALUE;
        }
        long f = (long) Math.floor(x);
        return (!inclusive && f == x) ? f - 1 : f;
      }
      return Long.MAX_VALUE; // text and blobs sort after every number
    }
  }

  static OperatorFactory indexSeek(PlanNode.IndexSeek s, ExprCompiler compiler) {
    TableSchema table = s.table();
    RowDecoding decoding = TableRowOp.decoding(table);
    Evaluator[] prefix = s.prefix().stream().map(compiler::compile).toArray(Evaluator[]::new);
    Affinity[] prefixAffinity = s.prefixAffinities().toArray(new Affinity[0]);
    Evaluator[] in = s.inValues() == null ? null
        : s.inValues().stream().map(compiler::compile).toArray(Evaluator[]::new);
    Evaluator lower = s.lower() == null ? null : compiler.compile(s.lower().value());
    Evaluator upper = s.upper() == null ? null : compiler.compile(s.upper().value());
    RecordComparator comparator = RecordComparator.forIndex(s.index());
    int[] fromIndex = IndexSeekOp.indexFields(table, s.index());
    return (run, outer) -> {
      Value[] key = new Value[prefix.length];
      for (int i = 0; i < key.length; i++) {
        key[i] = Comparison.convert(prefix[i].eval(outer), prefixAffinity[i]);
      }
      List<byte[]> starts = new ArrayList<>();
      List<byte[]> ends = new ArrayList<>();
      if (in != null) {
        for (Value v : distinct(in, outer, s.inAffinity())) {
          byte[] probe = RecordCodec.encode(append(key, v));
          starts.add(probe);
          ends.add(probe);
        }
      } else {
        starts.add(RecordCodec.encode(lower == null ? key
            : append(key, Comparison.convert(lower.eval(outer), s.lower().affinity()))));
        ends.add(upper != null
            ? RecordCodec.encode(append(key, Comparison.convert(upper.eval(outer),
                s.upper().affinity())))
            : key.length > 0 ? RecordCodec.encode(key) : null);
      }
      IndexCursor index = BTree.openIndex(run.pager(), s.index().rootPage(), comparator);
      TableCursor rows = BTree.openTable(run.pager(), table.rootPage());
      return new IndexSeekOp(index, comparator, starts, ends, rows, decoding, fromIndex);
    };
  }

  private static Value[] append(Value[] key, Value v) {
    Value[] out = java.util.Arrays.copyOf(key, key.length + 1);
    out[key.length] = v;
    return out;
  }

  /** The IN values, converted for the comparison, without repeats, in index order. */
  private static List<Value> distinct(Evaluator[] in, Row outer, Affinity affinity) {
    List<Value> values = new ArrayList<>();
    for (Evaluator e : in) {
      Value v = Comparison.convert(e.eval(outer), affinity);
      if (!v.isNull()) {
        values.add(v);
      }
    }
    values.sort(Values::compare);
    List<Value> out = new ArrayList<>();
    for (Value v : values) {
      if (out.isEmpty() || Values.compare(out.get(out.size() - 1), v) != 0) {
        out.add(v);
      }
    }
    return out;
  }
}
