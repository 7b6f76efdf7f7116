package dev.pagoda;

import dev.pagoda.planner.FunctionCatalog;
import dev.pagoda.spi.AggregateFunction;
import dev.pagoda.spi.Arity;
import dev.pagoda.spi.FunctionFlag;
import dev.pagoda.spi.SqlFunction;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code PRAGMA function_list}: name, builtin, type, enc, narg, flags for every SQL function the
 * connection can call, read from its {@link FunctionCatalog}, so plug-ins and the connection's own
 * functions are listed (with {@code builtin} 0).
 *
 * <ul>
 *   <li>type: {@code s} scalar, {@code w} aggregate or window function. SQLite's {@code a} (an
 *       aggregate that cannot run with OVER) never appears: every Pagoda aggregate can, by
 *       recomputing its frame when it has no inverse.
 *   <li>enc: always {@code utf8}: Pagoda's strings are Java strings, stored as the file's encoding.
 *   <li>narg: a function taking a range of argument counts gets one row per count, as SQLite
 *       registers one function per count; a variadic one a single row with -1 (newer SQLite
 *       versions list a few variadic built-ins with a minimum, such as {@code concat}, as -3 or
 *       -4; Pagoda keeps the documented -1).
 *   <li>flags: SQLite's bits {@code SQLITE_DETERMINISTIC} (0x800), {@code SQLITE_DIRECTONLY}
 *       (0x80000) and {@code SQLITE_INNOCUOUS} (0x200000) from the function's {@link
 *       FunctionFlag}s. A built-in also shows INNOCUOUS, as SQLite shows it for each built-in not
 *       marked unsafe (Pagoda has no unsafe built-ins); a built-in aggregate or window function
 *       shows no DETERMINISTIC, as SQLite's do (the flag is about scalar calls). Pagoda's SPI has
 *       no subtype flags, so {@code SQLITE_SUBTYPE} and {@code SQLITE_RESULT_SUBTYPE} never show.
 * </ul>
 */
final class FunctionListPragma {
  static final int DETERMINISTIC = 0x800;
  static final int DIRECT_ONLY = 0x80000;
  static final int INNOCUOUS = 0x200000;

  private FunctionListPragma() {}

  static List<List<Value>> rows(FunctionCatalog catalog) {
    List<List<Value>> rows = new ArrayList<>();
    for (SqlFunction f : catalog.functions()) {
      boolean builtin = catalog.isBuiltin(f);
      Value name = Value.of(f.name());
      Value type = Value.of(type(f));
      Value flags = Value.of(flags(f, builtin));
      Arity arity = f.arity();
      if (arity.isVariadic()) {
        rows.add(row(name, builtin, type, -1, flags));
      } else {
        for (int n = arity.min(); n <= arity.max(); n++) {
          rows.add(row(name, builtin, type, n, flags));
        }
      }
    }
    return rows;
  }

  private static List<Value> row(Value name, boolean builtin, Value type, int narg, Value flags) {
    return List.of(name, Value.of(builtin ? 1 : 0), type, Value.of("utf8"), Value.of(narg), flags);
  }

  private static String type(SqlFunction f) {
    return f instanceof AggregateFunction ? "w" : "s";
  }

  static int flags(SqlFunction f, boolean builtin) {
    Set<FunctionFlag> flags = f.flags();
    int bits = 0;
    boolean builtinAggregate = builtin && f instanceof AggregateFunction;
    if (flags.contains(FunctionFlag.DETERMINISTIC) && !builtinAggregate) {
      bits |= DETERMINISTIC;
    }
    if (flags.contains(FunctionFlag.DIRECT_ONLY)) {
      bits |= DIRECT_ONLY;
    }
    if (flags.contains(FunctionFlag.INNOCUOUS) || builtin) {
      bits |= INNOCUOUS;
    }
    return bits;
  }
}
