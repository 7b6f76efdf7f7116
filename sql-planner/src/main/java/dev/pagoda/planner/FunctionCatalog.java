package dev.pagoda.planner;

import dev.pagoda.spi.AggregateFunction;
import dev.pagoda.spi.Collation;
import dev.pagoda.spi.FunctionProvider;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.SqlFunction;
import dev.pagoda.spi.TableFunction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.ServiceLoader;

/**
 * The functions and collations SQL can name: those of every {@link FunctionProvider} found by
 * {@link ServiceLoader} (the built-ins among them), plus a connection's own registrations.
 * Immutable; {@link #with} returns a new catalog.
 *
 * <p>A call resolves by name (ASCII case-insensitive) and argument count: a function whose
 * arity is exactly that count wins over one that merely accepts it. A scalar and an aggregate
 * may share a name when their arities do not overlap (scalar {@code max(a, b, ...)} and aggregate
 * {@code max(x)}).
 */
public final class FunctionCatalog {
  private static volatile FunctionCatalog standard;
  private static final String BUILTIN_PACKAGE = "dev.pagoda.executor.";

  private final Map<String, List<SqlFunction>> functions;
  private final Map<String, Collation> collations;
  private final Map<String, TableFunction> tables;
  private final Map<SqlFunction, String> providers;
  /** The functions of Pagoda's own providers (those in {@code dev.pagoda.executor}), by identity. */
  private final Set<SqlFunction> builtins;

  private FunctionCatalog(Map<String, List<SqlFunction>> functions,
      Map<String, Collation> collations, Map<String, TableFunction> tables,
      Map<SqlFunction, String> providers, Set<SqlFunction> builtins) {
    this.functions = functions;
    this.collations = collations;
    this.tables = tables;
    this.providers = providers;
    this.builtins = builtins;
  }

  /**
   * The catalog of every provider on the class path or module path, loaded once.
   *
   * @throws SqlException when two providers define the same function or collation
   */
  public static FunctionCatalog standard() {
    FunctionCatalog c = standard;
    if (c == null) {
      List<FunctionProvider> found = new ArrayList<>();
      try {
        ServiceLoader.load(FunctionProvider.class).forEach(found::add);
      } catch (java.util.ServiceConfigurationError e) {
        throw new SqlException(dev.pagoda.spi.ResultCode.ERROR,
            "cannot load a function provider: " + e.getMessage(), e);
      }
      c = of(found);
      standard = c;
    }
    return c;
  }

  /**
   * A catalog of the given providers.
   *
   * @throws SqlException naming both providers when two define a function of one name with
   *     overlapping arities, or two collations of one name
   */
  public static FunctionCatalog of(List<? extends FunctionProvider> list) {
    Map<String, List<SqlFunction>> functions = new HashMap<>();
    Map<String, Collation> collations = new HashMap<>();
    Map<String, TableFunction> tables = new HashMap<>();
    Map<SqlFunction, String> providers = new LinkedHashMap<>();
    Set<SqlFunction> builtins = Collections.newSetFromMap(new IdentityHashMap<>());
    for (FunctionProvider p : list) {
      boolean builtin = p.getClass().getName().startsWith(BUILTIN_PACKAGE);
      List<SqlFunction> all = new ArrayList<>(listOf(p, p.scalarFunctions()));
      all.addAll(listOf(p, p.aggregateFunctions()));
      for (SqlFunction f : all) {
        checkDeclaration(p, f == null ? null : f.name(), f == null || f.arity() == null);
        List<SqlFunction> same = functions.computeIfAbsent(key(f.name()), k -> new ArrayList<>());
        for (SqlFunction other : same) {
          if (other.arity().overlaps(f.arity())) {
            throw SqlException.error("function " + f.name() + "/" + f.arity() + " of "
                + p.providerName() + " clashes with " + other.name() + "/" + other.arity()
                + " of " + providers.get(other));
          }
        }
        same.add(f);
        providers.put(f, p.providerName());
        if (builtin) {
          builtins.add(f);
        }
      }
      for (Collation c : listOf(p, p.collations())) {
        checkDeclaration(p, c == null ? null : c.name(), false);
        Collation other = collations.putIfAbsent(key(c.name()), c);
        if (other != null) {
          throw SqlException.error("collation " + c.name() + " of " + p.providerName()
              + " clashes with the one of the same name from another provider");
        }
      }
      for (TableFunction t : listOf(p, p.tableFunctions())) {
        checkDeclaration(p, t == null ? null : t.name(), !isComplete(t));
        if (tables.putIfAbsent(key(t.name()), t) != null) {
          throw SqlException.error("table-valued function " + t.name() + " of "
              + p.providerName() + " clashes with the one of the same name from another provider");
        }
      }
    }
    return new FunctionCatalog(freeze(functions), Map.copyOf(collations), Map.copyOf(tables),
        providers, Collections.unmodifiableSet(builtins));
  }

  /**
   * This catalog with {@code f} added, replacing the functions of its name whose arities
   * overlap its own, as {@code sqlite3_create_function} replaces one of the same name and count.
   */
  public FunctionCatalog with(SqlFunction f) {
    Map<String, List<SqlFunction>> copy = new HashMap<>(functions);
    List<SqlFunction> same = new ArrayList<>(copy.getOrDefault(key(f.name()), List.of()));
    same.removeIf(other -> other.arity().overlaps(f.arity()));
    same.add(f);
    copy.put(key(f.name()), same);
    Map<SqlFunction, String> p = new LinkedHashMap<>(providers);
    p.put(f, "connection");
    return new FunctionCatalog(freeze(copy), collations, tables, p, builtins);
  }

  /** This catalog with table-valued function {@code t}, replacing one of the same name. */
  public FunctionCatalog with(TableFunction t) {
    Map<String, TableFunction> copy = new HashMap<>(tables);
    copy.put(key(t.name()), t);
    return new FunctionCatalog(functions, collations, Map.copyOf(copy), providers, builtins);
  }

  /** This catalog with collation {@code c}, replacing one of the same name. */
  public FunctionCatalog with(Collation c) {
    Map<String, Collation> copy = new HashMap<>(collations);
    copy.put(key(c.name()), c);
    return new FunctionCatalog(functions, Map.copyOf(copy), tables, providers, builtins);
  }

  /**
   * The function SQL means by {@code name} called with {@code argc} arguments.
   *
   * @throws SqlException "no such function: NAME" or "wrong number of arguments to function
   *     NAME()", worded as SQLite's
   */
  public SqlFunction resolve(String name, int argc) {
    SqlFunction f = find(name, argc);
    if (f != null) {
      return f;
    }
    throw SqlException.error(functions.containsKey(key(name))
        ? "wrong number of arguments to function " + name + "()"
        : "no such function: " + name);
  }

  /** The function for {@code name} and {@code argc}, or null when there is none. */
  public SqlFunction find(String name, int argc) {
    List<SqlFunction> same = functions.get(key(name));
    if (same == null) {
      return null;
    }
    SqlFunction accepting = null;
    for (SqlFunction f : same) {
      if (f.arity().min() == argc && f.arity().max() == argc) {
        return f;
      }
      if (accepting == null && f.arity().accepts(argc)) {
        accepting = f;
      }
    }
    return accepting;
  }

  /** True when some function has this name, whatever its arity. */
  public boolean hasName(String name) {
    return functions.containsKey(key(name));
  }

  /** True when {@code name} with {@code argc} arguments is an aggregate. */
  public boolean isAggregate(String name, int argc) {
    return find(name, argc) instanceof AggregateFunction;
  }

  /** The scalar function for {@code name} and {@code argc}; see {@link #resolve}. */
  public ScalarFunction scalar(String name, int argc) {
    if (resolve(name, argc) instanceof ScalarFunction s) {
      return s;
    }
    throw SqlException.error("misuse of aggregate function " + name + "()");
  }

  /** The collation named {@code name}, or null. The built-in three are not in any catalog. */
  public Collation collation(String name) {
    return collations.get(key(name));
  }

  /** The table-valued function named {@code name}, or null. */
  public TableFunction tableFunction(String name) {
    return tables.get(key(name));
  }

  /** Every function, in no particular order. */
  public List<SqlFunction> functions() {
    List<SqlFunction> all = new ArrayList<>();
    functions.values().forEach(all::addAll);
    return all;
  }

  /** Every plugged-in collation. */
  public List<Collation> collations() {
    return List.copyOf(collations.values());
  }

  /** The provider that contributed {@code f} ("connection" for a connection's own). */
  public String providerOf(SqlFunction f) {
    return providers.get(f);
  }

  /**
   * Whether {@code f} is one of Pagoda's built-in functions (from a provider of its own {@code
   * dev.pagoda.executor} packages), not a plug-in's or a connection's ({@code PRAGMA
   * function_list}'s {@code builtin} column).
   */
  public boolean isBuiltin(SqlFunction f) {
    return builtins.contains(f);
  }

  /** A table function with columns, and a hidden column for every argument it may take. */
  private static boolean isComplete(TableFunction t) {
    if (t == null || t.arity() == null || t.columns() == null || t.hiddenColumns() == null) {
      return false;
    }
    return t.arity().isVariadic() || t.hiddenColumns().size() >= t.arity().max();
  }

  private static <T> List<T> listOf(FunctionProvider p, List<T> list) {
    if (list == null) {
      throw SqlException.error("function provider " + p.providerName() + " returned null");
    }
    return list;
  }

  /** A provider's function or collation needs a name (and, if {@code incomplete}, is refused). */
  private static void checkDeclaration(FunctionProvider p, String name, boolean incomplete) {
    if (name == null || name.isBlank() || incomplete) {
      throw SqlException.error("function provider " + p.providerName()
          + " declares an incomplete function or collation" + (name == null ? "" : ": " + name));
    }
  }

  private static Map<String, List<SqlFunction>> freeze(Map<String, List<SqlFunction>> m) {
    Map<String, List<SqlFunction>> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Map.copyOf(out);
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
