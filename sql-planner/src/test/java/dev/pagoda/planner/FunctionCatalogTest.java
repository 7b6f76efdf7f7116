package dev.pagoda.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.spi.Arity;
import dev.pagoda.spi.Collation;
import dev.pagoda.spi.FunctionProvider;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Resolution, clashes and replacement in the function catalog. */
class FunctionCatalogTest {
  private static ScalarFunction fn(String name, Arity arity) {
    return ScalarFunction.of(name, arity, (ctx, args) -> Value.of(name + "/" + arity));
  }

  private static FunctionProvider provider(String name, ScalarFunction... functions) {
    return new FunctionProvider() {
      @Override
      public String providerName() {
        return name;
      }

      @Override
      public List<ScalarFunction> scalarFunctions() {
        return List.of(functions);
      }
    };
  }

  @Test
  void resolve_prefersExactArityAndIgnoresCase() {
    ScalarFunction any = fn("f", Arity.atLeast(1));
    ScalarFunction two = fn("f", Arity.exactly(0));
    FunctionCatalog c = FunctionCatalog.of(List.of(provider("p", any, two)));
    assertSame(two, c.resolve("F", 0));
    assertSame(any, c.resolve("f", 5));
    assertEquals("no such function: g", assertThrows(SqlException.class,
        () -> c.resolve("g", 1)).getMessage());
    ScalarFunction only = fn("h", Arity.exactly(2));
    FunctionCatalog d = FunctionCatalog.of(List.of(provider("p", only)));
    assertEquals("wrong number of arguments to function H()", assertThrows(SqlException.class,
        () -> d.resolve("H", 1)).getMessage());
  }

  @Test
  void twoProvidersWithOverlappingArities_clashNamingBoth() {
    FunctionProvider a = provider("first", fn("dup", Arity.range(1, 2)));
    FunctionProvider b = provider("second", fn("DUP", Arity.exactly(2)));
    String message = assertThrows(SqlException.class,
        () -> FunctionCatalog.of(List.of(a, b))).getMessage();
    assertTrue(message.contains("first") && message.contains("second"), message);
    // Disjoint arities share a name without clashing.
    FunctionProvider c = provider("third", fn("dup", Arity.exactly(3)));
    assertEquals(2, FunctionCatalog.of(List.of(a, c)).functions().size());
  }

  @Test
  void collationsOfOneName_clash() {
    FunctionProvider p = new FunctionProvider() {
      @Override
      public List<Collation> collations() {
        return List.of(Collation.of("rev", Comparator.reverseOrder()));
      }
    };
    assertThrows(SqlException.class, () -> FunctionCatalog.of(List.of(p, p)));
    FunctionCatalog one = FunctionCatalog.of(List.of(p));
    assertEquals("rev", one.collation("REV").name());
    assertNull(one.collation("other"));
  }

  @Test
  void with_replacesOverlappingFunctionsOnly() {
    ScalarFunction one = fn("f", Arity.exactly(1));
    ScalarFunction two = fn("f", Arity.exactly(2));
    FunctionCatalog base = FunctionCatalog.of(List.of(provider("p", one, two)));
    ScalarFunction mine = fn("F", Arity.exactly(1));
    FunctionCatalog replaced = base.with(mine);
    assertSame(mine, replaced.resolve("f", 1));
    assertSame(two, replaced.resolve("f", 2));
    assertSame(one, base.resolve("f", 1));
    assertEquals("connection", replaced.providerOf(mine));
  }

  @Test
  void incompleteDeclarations_refusedNamingTheProvider() {
    FunctionProvider nullList = new FunctionProvider() {
      @Override
      public String providerName() {
        return "sloppy";
      }

      @Override
      public List<ScalarFunction> scalarFunctions() {
        return null;
      }
    };
    assertTrue(assertThrows(SqlException.class, () -> FunctionCatalog.of(List.of(nullList)))
        .getMessage().contains("sloppy"));
    FunctionProvider blank = provider("blank", fn(" ", Arity.exactly(1)));
    assertTrue(assertThrows(SqlException.class, () -> FunctionCatalog.of(List.of(blank)))
        .getMessage().contains("incomplete"));
  }
}
