package dev.pagoda.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.pagoda.spi.Arity;
import dev.pagoda.spi.Collation;
import dev.pagoda.spi.FunctionProvider;
import dev.pagoda.spi.SqlFunction;
import dev.pagoda.spi.TableFunction;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/** The checks on what a provider declares: names, arities and the shape of its lists. */
final class Declarations {
  /** A bare SQL identifier: what SQL can call or COLLATE by without quoting. */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  /**
   * The most arguments a bounded arity may take: SQLite's long-standing default for
   * SQLITE_MAX_FUNCTION_ARG.
   */
  static final int MAX_ARGS = 127;

  private Declarations() {}

  static Stream<DynamicNode> all(FunctionProvider p) {
    return Stream.of(
        dynamicTest("provider name is not empty", () -> providerName(p)),
        dynamicTest("lists are non-null without null elements", () -> lists(p)),
        dynamicTest("function names are identifiers", () -> functionNames(p)),
        dynamicTest("arities are sane", () -> arities(p)),
        dynamicTest("no two functions share a name with overlapping arities",
            () -> overlaps(functions(p))),
        dynamicTest("collation names are identifiers without duplicates",
            () -> uniqueNames("collation", p.collations().stream().map(Collation::name).toList())),
        dynamicTest("table-valued functions are well formed", () -> tables(p)),
        dynamicTest("the class is public with a public no-argument constructor",
            () -> constructor(p.getClass())));
  }

  /** Scalars then aggregates. */
  static List<SqlFunction> functions(FunctionProvider p) {
    List<SqlFunction> all = new ArrayList<>(p.scalarFunctions());
    all.addAll(p.aggregateFunctions());
    return all;
  }

  private static void providerName(FunctionProvider p) {
    assertNotNull(p.providerName(), "providerName()");
    assertFalse(p.providerName().isBlank(), "providerName() is blank");
  }

  private static void lists(FunctionProvider p) {
    for (List<?> list : List.of(
        p.scalarFunctions(), p.aggregateFunctions(), p.collations(), p.tableFunctions())) {
      assertNotNull(list, "a list of the provider is null");
      for (Object o : list) {
        assertNotNull(o, "a list of the provider holds null");
      }
    }
  }

  private static void functionNames(FunctionProvider p) {
    for (SqlFunction f : functions(p)) {
      assertIdentifier("function", f.name());
      assertNotNull(f.flags(), () -> f.name() + ".flags()");
    }
  }

  private static void arities(FunctionProvider p) {
    for (SqlFunction f : functions(p)) {
      Arity a = f.arity();
      assertNotNull(a, () -> f.name() + ".arity()");
      assertTrue(a.isVariadic() || a.max() <= MAX_ARGS,
          () -> f.name() + " takes up to " + a.max() + " arguments; at most " + MAX_ARGS
              + " or any number (Arity.atLeast)");
      assertTrue(a.min() <= MAX_ARGS, () -> f.name() + " needs at least " + a.min());
    }
  }

  /** Functions of one name must not both accept some argument count. */
  static void overlaps(List<? extends SqlFunction> fs) {
    for (int i = 0; i < fs.size(); i++) {
      for (int j = i + 1; j < fs.size(); j++) {
        SqlFunction a = fs.get(i);
        SqlFunction b = fs.get(j);
        if (a.name().equalsIgnoreCase(b.name()) && a.arity().overlaps(b.arity())) {
          fail(a.name() + "/" + a.arity() + " and " + b.name() + "/" + b.arity()
              + " both accept some argument count");
        }
      }
    }
  }

  private static void tables(FunctionProvider p) {
    List<String> names = new ArrayList<>();
    for (TableFunction t : p.tableFunctions()) {
      names.add(t.name());
      assertNotNull(t.arity(), () -> t.name() + ".arity()");
      assertFalse(t.columns().isEmpty(), () -> t.name() + " has no visible column");
      assertTrue(t.arity().isVariadic() || t.hiddenColumns().size() >= t.arity().max(),
          () -> t.name() + " takes " + t.arity() + " arguments but has only "
              + t.hiddenColumns().size() + " hidden columns for them");
      List<String> columns = new ArrayList<>(t.columns());
      columns.addAll(t.hiddenColumns());
      uniqueNames(t.name() + " column", columns);
    }
    uniqueNames("table-valued function", names);
  }

  static void uniqueNames(String kind, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      assertIdentifier(kind, name);
      assertTrue(seen.add(name.toLowerCase(Locale.ROOT)), () -> "two of name " + name);
    }
  }

  static void assertIdentifier(String kind, String name) {
    assertNotNull(name, () -> "a " + kind + " has a null name");
    assertTrue(IDENTIFIER.matcher(name).matches(),
        () -> kind + " name '" + name + "' is not an identifier ([A-Za-z_][A-Za-z0-9_$]*)");
  }

  private static void constructor(Class<?> type) {
    assertTrue(Modifier.isPublic(type.getModifiers()), () -> type + " is not public");
    assertFalse(Modifier.isAbstract(type.getModifiers()), () -> type + " is abstract");
    try {
      assertEquals(Modifier.PUBLIC,
          type.getConstructor().getModifiers() & Modifier.PUBLIC, "constructor");
    } catch (NoSuchMethodException e) {
      fail(type + " has no public no-argument constructor, which ServiceLoader needs", e);
    }
  }
}
