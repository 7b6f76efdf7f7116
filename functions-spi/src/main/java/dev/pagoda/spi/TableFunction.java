package dev.pagoda.spi;

import java.util.List;

/**
 * A function that SQL reads as a table in FROM, like SQLite's eponymous virtual tables ({@code
 * json_each}, {@code json_tree}): {@code SELECT key, value FROM json_each('[1,2]')}.
 *
 * <p>The table has the visible {@link #columns()} that {@code *} expands to, followed by the
 * {@link #hiddenColumns()} that the call's arguments fill in order: {@code json_each(x, '$.a')}
 * sets hidden columns {@code json} and {@code root}. A hidden column can be selected by name; it
 * reads the argument it was given, or {@link #hiddenDefault} when the call left it out.
 *
 * <pre>{@code
 * TableFunction series = new TableFunction() {
 *   public String name() { return "series"; }
 *   public List<String> columns() { return List.of("value"); }
 *   public List<String> hiddenColumns() { return List.of("stop"); }
 *   public Arity arity() { return Arity.exactly(1); }
 *   public Cursor open(FunctionContext ctx, Arguments args) {
 *     long stop = args.getLong(0);
 *     return new Cursor() {
 *       long i;
 *       public boolean next() { return ++i <= stop; }
 *       public Value column(int c) { return Value.of(i); }
 *     };
 *   }
 * };
 * }</pre>
 */
public interface TableFunction {
  /** The name FROM calls it by, matched ignoring ASCII case. */
  String name();

  /** The visible result columns, in order. */
  List<String> columns();

  /** The columns the arguments fill, in order; at least {@link Arity#max()} of them. */
  List<String> hiddenColumns();

  /** How many arguments a call takes. */
  Arity arity();

  /**
   * What hidden column {@code i} reads when the call gives fewer arguments: NULL unless the
   * function says otherwise ({@code json_each}'s {@code root} reads {@code '$'}).
   */
  default Value hiddenDefault(int i) {
    return Value.NULL;
  }

  /** Starts one scan over the rows for these arguments. */
  Cursor open(FunctionContext ctx, Arguments args);

  /** One scan: {@link #next()} moves to each row in turn; then column values are read. */
  interface Cursor {
    /** Moves to the next row; false when there is none. */
    boolean next();

    /** Visible column {@code i} of the current row. */
    Value column(int i);
  }
}
