package dev.pagoda.parser;

import static dev.pagoda.parser.Ast.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.parser.ast.Collate;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.Statement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * SQLite's two nesting limits, {@code Expression tree is too large (maximum depth 1000)} and the
 * parser stack's {@code Recursion limit}, at their exact thresholds against sqlite-jdbc; and
 * inputs of any depth on a default-sized thread stack never end in a StackOverflowError.
 */
class NestingLimitTest {
  /** A construct nested n deep. */
  private record Deep(String name, IntFunction<String> sql, int lastAccepted) {}

  private static final String ONE_PLUS = "1+";

  private static String sum(int plus) {
    return ONE_PLUS.repeat(plus) + "1";
  }

  /**
   * The largest n for which SQLite's parser gives the first verdict (accepts, or for the second
   * unary case reports the height), measured with sqlite-jdbc 3.53.
   */
  static final List<Deep> THRESHOLDS = List.of(
      new Deep("parentheses", n -> "SELECT " + "(".repeat(n) + "1" + ")".repeat(n), 2493),
      new Deep("parentheses in WHERE",
          n -> "SELECT 1 FROM t WHERE " + "(".repeat(n) + "1" + ")".repeat(n), 2492),
      new Deep("unary minus", n -> "SELECT " + "- ".repeat(n) + "1", 999),
      new Deep("unary minus, parser stack", n -> "SELECT " + "- ".repeat(n + 1495) + "1", 999),
      new Deep("NOT", n -> "SELECT " + "NOT ".repeat(n) + "1", 999),
      new Deep("function calls", n -> "SELECT " + "f(".repeat(n) + "1" + ")".repeat(n), 831),
      new Deep("right operands", n -> "SELECT " + "1+(".repeat(n) + "1" + ")".repeat(n), 831),
      new Deep("row values", n -> "SELECT " + "(1,".repeat(n) + "1" + ")".repeat(n), 831),
      new Deep("FROM parentheses", n -> "SELECT 1 FROM " + "(".repeat(n) + "t" + ")".repeat(n),
          1245),
      new Deep("binary chain", n -> "SELECT " + sum(n - 1), 1000),
      new Deep("IN (constant) chain", n -> "SELECT 1" + " IN (1)".repeat(n), 998),
      new Deep("BETWEEN chain", n -> "SELECT 1" + " BETWEEN 1 AND 1".repeat(n), 999),
      new Deep("LIKE chain", n -> "SELECT 1" + " LIKE 1".repeat(n), 999),
      new Deep("ISNULL chain", n -> "SELECT a" + " ISNULL".repeat(n) + " FROM t", 999),
      new Deep("IS NULL chain", n -> "SELECT a" + " IS NULL".repeat(n) + " FROM t", 999),
      new Deep("function argument", n -> "SELECT f(" + sum(n) + ")", 998),
      new Deep("CASE", n -> "SELECT CASE WHEN " + sum(n) + " THEN 1 END", 998),
      new Deep("IN one constant", n -> "SELECT 1 IN (" + sum(n) + ")", 997),
      new Deep("IN one column", n -> "SELECT a IN (" + sum(n) + "+a) FROM t", 997),
      new Deep("IN two values", n -> "SELECT 1 IN (a, " + sum(n) + ") FROM t", 998),
      new Deep("NOT LIKE", n -> "SELECT 1 NOT LIKE " + sum(n), 997),
      new Deep("IS", n -> "SELECT 1 IS " + sum(n), 998),
      new Deep("EXISTS", n -> "SELECT EXISTS (SELECT " + sum(n) + ")", 998),
      new Deep("scalar subquery", n -> "SELECT (SELECT " + sum(n) + ")", 998),
      new Deep("RAISE", n -> "SELECT RAISE(ABORT, " + sum(n) + ")", 998),
      new Deep("aggregate in FILTER", n -> "SELECT sum(" + sum(n) + ") FILTER (WHERE 1)", 998),
      new Deep("frame offset", n -> "SELECT sum(1) OVER (ROWS " + sum(n) + " PRECEDING)", 999),
      new Deep("parenthesized COLLATE resets", n -> "SELECT (" + sum(n) + ") COLLATE x + 1", 999),
      new Deep("CAST counts", n -> "SELECT CAST(" + sum(n) + " AS int) + 1", 997));

  /**
   * Each construct at its threshold and one deeper, followed by two stray words: SQLite then
   * reports either a syntax error at the second (parsing went through, the first being an alias)
   * or a limit it hit while parsing; the two verdicts differ, and Pagoda's equal SQLite's. Run on
   * a large stack so that only the modeled limits count.
   */
  @Test
  void thresholds_matchSqlite() throws Exception {
    List<String> failures = new ArrayList<>();
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      sqlite.createStatement().execute("CREATE TABLE t(a, b)");
      onStack(256 << 20, () -> {
        for (Deep d : THRESHOLDS) {
          String before = null;
          for (int n = d.lastAccepted(); n <= d.lastAccepted() + 1; n++) {
            String sql = d.sql().apply(n) + " garbage garbage";
            String theirs = sqliteError(sqlite, sql);
            String mine = pagodaError(sql);
            if (!theirs.equals(mine) || theirs.equals(before)) {
              failures.add(d.name() + " " + n + ": sqlite " + theirs + ", pagoda " + mine);
            }
            before = theirs;
          }
        }
      });
    }
    assertEquals(List.of(), failures);
  }

  private static String sqliteError(Connection c, String sql) {
    try {
      c.prepareStatement(sql).close();
      return "accepted";
    } catch (SQLException e) {
      String m = e.getMessage();
      int open = m.indexOf('(');
      return open < 0 ? m : m.substring(open + 1, m.length() - 1);
    }
  }

  private static String pagodaError(String sql) {
    try {
      Parser.parseAll(sql);
      return "accepted";
    } catch (ParseException e) {
      return e.getMessage();
    }
  }

  /** Inputs far deeper than any limit, of every recursive kind. */
  static final List<IntFunction<String>> DEEP = List.of(
      n -> "SELECT " + "(".repeat(n) + "1" + ")".repeat(n),
      n -> "SELECT " + "(".repeat(n),
      n -> "SELECT " + "- ".repeat(n) + "1",
      n -> "SELECT " + "NOT ".repeat(n) + "1",
      n -> "SELECT " + "f(".repeat(n) + "1" + ")".repeat(n),
      n -> "SELECT " + "1+(".repeat(n) + "1" + ")".repeat(n),
      n -> "SELECT " + "(SELECT ".repeat(n) + "1" + ")".repeat(n),
      n -> "SELECT " + "CAST(".repeat(n) + "1" + " AS int)".repeat(n),
      n -> "SELECT " + "CASE WHEN ".repeat(n) + "1" + " THEN 1 END".repeat(n),
      n -> "SELECT " + "(1,".repeat(n) + "1" + ")".repeat(n),
      n -> "SELECT 1 FROM " + "(".repeat(n) + "t" + ")".repeat(n),
      n -> "SELECT 1 FROM " + "(SELECT 1 FROM ".repeat(n) + "t" + ")".repeat(n),
      n -> "SELECT 1 FROM " + "t JOIN (".repeat(n) + "t" + ")".repeat(n),
      n -> "SELECT " + "1 IN (".repeat(n) + "1" + ")".repeat(n),
      n -> "SELECT " + "EXISTS (SELECT ".repeat(n) + "1" + ")".repeat(n),
      n -> "SELECT " + "(-".repeat(n) + "1" + ") COLLATE x".repeat(n),
      n -> "SELECT " + "f() OVER (ORDER BY ".repeat(n) + "1" + ")".repeat(n),
      n -> "SELECT " + "f() FILTER (WHERE ".repeat(n) + "1" + ")".repeat(n),
      n -> "SELECT " + "RAISE(FAIL, ".repeat(n) + "1" + ")".repeat(n),
      n -> "WITH c AS (".repeat(n) + "SELECT 1" + ") SELECT 1".repeat(n),
      n -> "SELECT 1" + " COLLATE x".repeat(n),
      n -> "SELECT 1" + "+1".repeat(n),
      n -> "SELECT 1 FROM " + "t, ".repeat(n) + "t",
      n -> "CREATE TABLE u(a DEFAULT (" + "(".repeat(n) + "1" + ")".repeat(n) + "))",
      n -> "INSERT INTO t VALUES (" + "f(".repeat(n) + "1" + ")".repeat(n) + ", 1)",
      n -> "SELECT 1 WINDOW w AS (ORDER BY " + "(".repeat(n) + "1" + ")".repeat(n) + ")");

  /**
   * On a thread with the JVM's default stack size, every deep input either parses or is rejected
   * with a ParseException; what parses also prints, reparses and compares without overflowing.
   */
  @Test
  void deepInput_onDefaultStack_neverOverflows() throws Exception {
    List<String> failures = new ArrayList<>();
    onStack(0, () -> {
      for (int n : new int[] {500, 1000, 2000, 2500, 10_000, 100_000}) {
        for (int i = 0; i < DEEP.size(); i++) {
          String sql = DEEP.get(i).apply(n);
          try {
            Statement s = Parser.parseFirst(sql).statement();
            Statement back = Parser.parseFirst(SqlPrinter.print(s)).statement();
            if (!back.equals(s) || back.hashCode() != s.hashCode()) {
              failures.add("case " + i + " at " + n + ": round trip differs");
            }
          } catch (ParseException e) {
            // a limit or another syntax error: fine
          } catch (Throwable t) {
            failures.add("case " + i + " at " + n + ": " + t);
          }
        }
      }
    });
    assertEquals(List.of(), failures);
  }

  @Test
  void limits_messagesAndKinds() {
    assertEquals("Recursion limit", Ast.error("SELECT " + "(".repeat(3000) + "1"));
    assertEquals("Expression tree is too large (maximum depth 1000)",
        Ast.error("SELECT " + sum(1000)));
    assertEquals("Expression tree is too large (maximum depth 1000)",
        Ast.error("SELECT " + "- ".repeat(2000) + "1"));
    assertEquals("too many FROM clause terms, max: 200",
        Ast.error("SELECT 1 FROM " + "t, ".repeat(200) + "t"));
    assertEquals("too many arguments on function f",
        Ast.error("SELECT f(" + "1, ".repeat(100) + "1)"));
  }

  @Test
  void collateChain_keepsOuterName_oneNodeDeep() {
    Expr e = expr("a" + " COLLATE x".repeat(100_000) + " COLLATE y");
    assertEquals(new Collate(Ast.col("a"), "y"), e);
    assertEquals(new Collate(Ast.col("a"), "y"), expr("(a COLLATE x) COLLATE y"));
    assertTrue(expr("(a COLLATE x) + 1 COLLATE y") instanceof Collate == false);
  }

  private static void onStack(long stackSize, Runnable body) throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        body.run();
      } catch (Throwable e) {
        thrown.set(e);
      }
    }, "nesting-test", stackSize);
    t.start();
    t.join();
    if (thrown.get() != null) {
      throw new AssertionError(thrown.get());
    }
  }
}
