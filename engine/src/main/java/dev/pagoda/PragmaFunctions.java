package dev.pagoda;

import dev.pagoda.planner.FunctionCatalog;
import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.Arity;
import dev.pagoda.spi.Conversions;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.TableFunction;
import dev.pagoda.spi.Value;
import java.util.List;

/**
 * The table-valued forms of the introspection pragmas, as SQLite's eponymous pragma virtual
 * tables: {@code SELECT * FROM pragma_table_info('t')}, or joined, {@code SELECT * FROM
 * sqlite_schema s, pragma_index_list(s.name) p}. Each has the pragma's columns and SQLite's hidden
 * columns {@code arg} and {@code schema} (those that apply), filled by the call's arguments.
 *
 * <p>They read the schema of the connection they are registered on (the functions are made per
 * connection and layered onto its {@link FunctionCatalog}); they run inside the read transaction
 * of the query that calls them, so they see its snapshot.
 */
final class PragmaFunctions {
  private PragmaFunctions() {}

  /** {@code catalog} with the {@code pragma_*} functions of {@code conn} added. */
  static FunctionCatalog register(Connection conn, FunctionCatalog catalog) {
    FunctionCatalog with = catalog;
    for (IntrospectionPragma p : IntrospectionPragma.values()) {
      with = with.with(new PragmaFunction(conn, p));
    }
    return with;
  }

  /** One pragma as a table function of one connection. */
  private static final class PragmaFunction implements TableFunction {
    private final Connection conn;
    private final IntrospectionPragma pragma;

    PragmaFunction(Connection conn, IntrospectionPragma pragma) {
      this.conn = conn;
      this.pragma = pragma;
    }

    @Override
    public String name() {
      return "pragma_" + pragma.pragmaName();
    }

    @Override
    public List<String> columns() {
      return pragma.columns();
    }

    @Override
    public List<String> hiddenColumns() {
      return pragma.hiddenColumns();
    }

    @Override
    public Arity arity() {
      return Arity.range(0, pragma.hiddenColumns().size());
    }

    @Override
    public Cursor open(FunctionContext ctx, Arguments args) {
      String arg = text(args, 0);
      String schema = text(args, 1);
      if (schema != null && !schema.equalsIgnoreCase("main") && !schema.equalsIgnoreCase("temp")) {
        // the statement form says: unknown database nope
        throw new PagodaException(ResultCode.ERROR, "unknown database '" + schema + "'");
      }
      List<List<Value>> rows = pragma.rows(conn, schema, arg);
      return new Cursor() {
        private int row = -1;

        @Override
        public boolean next() {
          return ++row < rows.size();
        }

        @Override
        public Value column(int i) {
          return rows.get(row).get(i);
        }
      };
    }

    /** Argument {@code i} as text, as SQLite's pragma table reads it; null when absent or NULL. */
    private static String text(Arguments args, int i) {
      if (i >= args.size() || args.get(i).isNull()) {
        return null;
      }
      return Conversions.toText(args.get(i));
    }
  }
}
