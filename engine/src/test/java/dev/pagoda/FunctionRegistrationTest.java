package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.spi.AggregateFunction;
import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.Arity;
import dev.pagoda.spi.Collation;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.FunctionFlag;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Functions and collations registered on a connection, as sqlite3_create_function does. */
class FunctionRegistrationTest {
  private static ScalarFunction twice() {
    return ScalarFunction.of("twice", Arity.exactly(1),
        (ctx, args) -> args.isNull(0) ? Value.NULL : Value.of(args.getLong(0) * 2));
  }

  @Test
  void scalarFunction_callableFromSqlOnItsConnectionOnly() {
    try (Database db = Database.openInMemory(); Connection c = db.connect();
        Connection other = db.connect()) {
      c.createFunction(twice());
      c.execute("CREATE TABLE t(x)");
      c.execute("INSERT INTO t VALUES (1), (2), (NULL), ('21')");
      assertEquals(Arrays.asList("2", "4", null, "42"), Sql.column(c, "SELECT TWICE(x) FROM t"));
      assertEquals(List.of("2"), Sql.column(c, "SELECT x FROM t WHERE twice(x) = 4"));
      PagodaException e = assertThrows(PagodaException.class,
          () -> Sql.column(other, "SELECT twice(1)"));
      assertEquals("no such function: twice", e.getMessage());
      e = assertThrows(PagodaException.class, () -> Sql.column(c, "SELECT twice(1, 2)"));
      assertEquals("wrong number of arguments to function twice()", e.getMessage());
    }
  }

  @Test
  void registration_replacesBuiltinOfSameArity() {
    try (Database db = Database.openInMemory(); Connection c = db.connect()) {
      c.createFunction(ScalarFunction.of("upper", Arity.exactly(1),
          (ctx, args) -> Value.of("U:" + args.getText(0))));
      assertEquals(List.of("U:a"), Sql.column(c, "SELECT upper('a')"));
      assertEquals(List.of("A"), Sql.column(db.connect(), "SELECT upper('a')"));
    }
  }

  @Test
  void aggregate_stepsEachRowAndFinishesPerGroup() {
    AggregateFunction product = new AggregateFunction() {
      @Override
      public String name() {
        return "product";
      }

      @Override
      public Arity arity() {
        return Arity.exactly(1);
      }

      @Override
      public Accumulator newAccumulator(FunctionContext ctx) {
        return new Accumulator() {
          long p = 1;

          @Override
          public void step(Arguments args) {
            if (!args.isNull(0)) {
              p *= args.getLong(0);
            }
          }

          @Override
          public Value finish() {
            return Value.of(p);
          }
        };
      }
    };
    try (Database db = Database.openInMemory(); Connection c = db.connect()) {
      c.createFunction(product);
      c.execute("CREATE TABLE t(g, x)");
      c.execute("INSERT INTO t VALUES (1, 2), (1, 3), (2, 5), (2, NULL), (1, 4)");
      assertEquals(List.of("1|24", "2|5"),
          Sql.column(c, "SELECT g || '|' || product(x) FROM t GROUP BY g ORDER BY g"));
      assertEquals(List.of("1"), Sql.column(c, "SELECT product(x) FROM t WHERE 0"));
      assertEquals(List.of("6"),
          Sql.column(c, "SELECT product(DISTINCT x) FILTER (WHERE x < 4) FROM t"));
    }
  }

  @Test
  void auxData_keepsCompiledPatternWhileArgumentIsConstant() {
    AtomicInteger compiles = new AtomicInteger();
    ScalarFunction regexp = ScalarFunction.of("regexp", Arity.exactly(2), (ctx, args) -> {
      if (args.isNull(0) || args.isNull(1)) {
        return Value.NULL;
      }
      Pattern p = (Pattern) ctx.auxData(0);
      if (p == null) {
        p = Pattern.compile(args.getText(0));
        compiles.incrementAndGet();
        ctx.setAuxData(0, p);
      }
      return Value.of(p.matcher(args.getText(1)).find() ? 1L : 0L);
    });
    try (Database db = Database.openInMemory(); Connection c = db.connect()) {
      PagodaException e = assertThrows(PagodaException.class,
          () -> Sql.column(c, "SELECT 'a' REGEXP 'b'"));
      assertEquals("no such function: REGEXP", e.getMessage());
      c.createFunction(regexp);
      c.execute("CREATE TABLE t(s, p)");
      c.execute("INSERT INTO t VALUES ('abc', 'b'), ('xyz', 'b'), ('bbb', 'b'), ('q', 'q')");
      assertEquals(List.of("abc", "bbb"),
          Sql.column(c, "SELECT s FROM t WHERE s REGEXP 'b' ORDER BY s"));
      assertEquals(1, compiles.get(), "a constant pattern compiles once");
      assertEquals(List.of("xyz"), Sql.column(c, "SELECT s FROM t WHERE s NOT REGEXP p"));
      // p changes from row to row: 'b', 'b', 'b', 'q' -> compiled again only for the change.
      assertEquals(3, compiles.get());
    }
  }

  @Test
  void collation_ordersAndComparesText() {
    Collation reverse = Collation.of("reverse", Comparator.<String>naturalOrder().reversed());
    try (Database db = Database.openInMemory(); Connection c = db.connect()) {
      c.execute("CREATE TABLE t(x)");
      c.execute("INSERT INTO t VALUES ('b'), ('a'), ('c')");
      PagodaException e = assertThrows(PagodaException.class,
          () -> Sql.column(c, "SELECT x FROM t ORDER BY x COLLATE reverse"));
      assertEquals("no such collation sequence: reverse", e.getMessage());
      c.createCollation(reverse);
      assertEquals(List.of("c", "b", "a"),
          Sql.column(c, "SELECT x FROM t ORDER BY x COLLATE reverse"));
      assertEquals(List.of("c"), Sql.column(c, "SELECT x FROM t WHERE x COLLATE reverse < 'b'"));
      assertEquals(List.of("a"), Sql.column(c, "SELECT max(x COLLATE reverse) FROM t"));
      c.execute("CREATE TABLE r(x TEXT COLLATE reverse)");
      c.execute("INSERT INTO r SELECT x FROM t");
      assertEquals(List.of("c", "b", "a"), Sql.column(c, "SELECT x FROM r ORDER BY x"));
      assertEquals(List.of("a"), Sql.column(c, "SELECT x FROM r WHERE x > 'b'"));
      e = assertThrows(PagodaException.class,
          () -> Sql.column(db.connect(), "SELECT x FROM r ORDER BY x"));
      assertEquals("no such collation sequence: reverse", e.getMessage());
    }
  }

  @Test
  void faultyFunction_failsAsSqlError() {
    try (Database db = Database.openInMemory(); Connection c = db.connect()) {
      c.createFunction(ScalarFunction.of("boom", Arity.exactly(0), Set.of(),
          (ctx, args) -> {
            throw new IllegalStateException("kaput");
          }));
      c.createFunction(ScalarFunction.of("refuse", Arity.exactly(0),
          (ctx, args) -> {
            throw SqlException.error("refused");
          }));
      c.createFunction(ScalarFunction.of("nada", Arity.exactly(0), (ctx, args) -> null));
      PagodaException e = assertThrows(PagodaException.class,
          () -> Sql.column(c, "SELECT boom()"));
      assertTrue(e.getMessage().contains("kaput"), e.getMessage());
      e = assertThrows(PagodaException.class, () -> Sql.column(c, "SELECT refuse()"));
      assertEquals("refused", e.getMessage());
      assertEquals(Arrays.asList((String) null), Sql.column(c, "SELECT nada()"));
      assertEquals(List.of("1"), Sql.column(c, "SELECT 1"), "the connection still works");
    }
  }

  @Test
  void statementTime_isStableWithinAStatement() {
    ScalarFunction now = ScalarFunction.of("nanos", Arity.exactly(0), Set.of(FunctionFlag.INNOCUOUS),
        (ctx, args) -> Value.of(ctx.statementTime().getEpochSecond() * 1_000_000_000L
            + ctx.statementTime().getNano()));
    try (Database db = Database.openInMemory(); Connection c = db.connect()) {
      c.createFunction(now);
      c.execute("CREATE TABLE t(x)");
      c.execute("INSERT INTO t VALUES (1), (2), (3)");
      assertEquals(List.of("1"), Sql.column(c,
          "SELECT count(DISTINCT n) FROM (SELECT nanos() AS n, x FROM t)"));
    }
  }
}
