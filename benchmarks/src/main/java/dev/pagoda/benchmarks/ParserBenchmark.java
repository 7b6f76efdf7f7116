package dev.pagoda.benchmarks;

import dev.pagoda.parser.ParseException;
import dev.pagoda.parser.ParsedStatement;
import dev.pagoda.parser.Parser;
import dev.pagoda.parser.SqlPrinter;
import dev.pagoda.parser.ast.Statement;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * sql-parser throughput over a fixed mix of realistic statements: {@code parse} ({@link
 * Parser#parseFirst}, one statement per operation, cycling through the mix), {@code tokenize} (the
 * tokenizer alone over the same texts, every token to the end) and {@code print} ({@link
 * SqlPrinter#print} of the parsed ASTs). The score is statements per second; the {@code chars}
 * secondary result is source characters per second (the texts are ASCII, so chars/s over 10^6 is
 * MB/s; for {@code print}, the printed characters).
 *
 * <p>Statements the sql-parser at hand cannot parse yet (grammar still being written) are left out
 * of every benchmark and named on stdout at setup, so the benchmark runs on any version.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar ParserBenchmark -f 1 -wi 2 -w 1s -i 3 -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParserBenchmark {
  /** The mix: what an application and its schema send, short and long. */
  static final String[] STATEMENTS = {
    // point select
    "SELECT id, name, email FROM users WHERE id = ?",
    // join with GROUP BY
    "SELECT c.name, count(*) AS orders, sum(o.total) AS spent FROM customers AS c"
        + " JOIN orders AS o ON o.customer_id = c.id LEFT JOIN refunds r ON r.order_id = o.id"
        + " WHERE o.created_at >= '2024-01-01' AND r.id IS NULL GROUP BY c.name"
        + " HAVING count(*) > 5 ORDER BY spent DESC LIMIT 10",
    // recursive CTE
    "WITH RECURSIVE tree(id, parent, depth) AS (SELECT id, parent_id, 0 FROM nodes"
        + " WHERE parent_id IS NULL UNION ALL SELECT n.id, n.parent_id, t.depth + 1"
        + " FROM nodes n JOIN tree t ON n.parent_id = t.id WHERE t.depth < 20)"
        + " SELECT id, depth FROM tree ORDER BY depth, id",
    // INSERT with many rows
    "INSERT INTO events (id, kind, payload, at) VALUES " + rows(40),
    // CREATE TABLE with constraints
    "CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY AUTOINCREMENT,"
        + " customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
        + " status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'paid', 'shipped')),"
        + " total REAL NOT NULL DEFAULT 0.0, note TEXT COLLATE NOCASE,"
        + " created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP, UNIQUE (customer_id, created_at),"
        + " CHECK (total >= 0))",
    // a trigger
    "CREATE TRIGGER IF NOT EXISTS orders_audit AFTER UPDATE OF status ON orders FOR EACH ROW"
        + " WHEN old.status <> new.status BEGIN INSERT INTO audit (order_id, old_status,"
        + " new_status, at) VALUES (new.id, old.status, new.status, datetime('now'));"
        + " UPDATE customers SET updated_at = datetime('now') WHERE id = new.customer_id; END",
    // UPDATE with a subquery
    "UPDATE products SET price = price * 1.1, updated_at = CURRENT_TIMESTAMP WHERE category_id"
        + " IN (SELECT id FROM categories WHERE name LIKE 'tool%') AND stock > 0",
    // DELETE with a correlated subquery
    "DELETE FROM sessions WHERE expires_at < ? OR NOT EXISTS (SELECT 1 FROM users u"
        + " WHERE u.id = sessions.user_id)",
    // UPSERT with RETURNING
    "INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE"
        + " SET value = value + 1 RETURNING value",
    // window functions
    "SELECT id, total, sum(total) OVER (PARTITION BY customer_id ORDER BY created_at ROWS"
        + " BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running, rank() OVER w AS r"
        + " FROM orders WINDOW w AS (ORDER BY total DESC)",
    // partial expression index
    "CREATE INDEX IF NOT EXISTS orders_open ON orders (customer_id, lower(status))"
        + " WHERE status <> 'shipped'",
    // view
    "CREATE VIEW IF NOT EXISTS big_spenders AS SELECT customer_id, sum(total) AS spent"
        + " FROM orders GROUP BY customer_id HAVING sum(total) > 1000",
    // compound
    "SELECT id, 'user' AS kind FROM users WHERE active UNION ALL SELECT id, 'admin' FROM admins"
        + " EXCEPT SELECT user_id, 'user' FROM bans ORDER BY 1 LIMIT 100 OFFSET 20",
    // expression-heavy
    "SELECT CASE WHEN total > 100 THEN 'big' WHEN total > 10 THEN 'mid' ELSE 'small' END,"
        + " CAST(total * 100 AS INTEGER) % 7, coalesce(note, '') || ' (' || status || ')',"
        + " created_at BETWEEN date('now', '-7 days') AND date('now'), note GLOB '*x*'"
        + " FROM orders WHERE id > ? AND (status = 'new' OR total IS NOT NULL)",
    // INSERT ... SELECT
    "INSERT OR IGNORE INTO archive (id, total) SELECT id, total FROM orders"
        + " WHERE created_at < date('now', '-1 year')",
    // JSON operators
    "SELECT doc ->> '$.name', json_extract(doc, '$.tags[0]'), doc -> '$.address' FROM docs"
        + " WHERE doc ->> '$.age' > 30",
    // small statements an application sends all the time
    "BEGIN IMMEDIATE",
    "PRAGMA journal_mode = WAL",
    "ALTER TABLE users ADD COLUMN last_login TEXT",
    "SELECT count(*) FROM users u WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id ="
        + " u.id AND o.total > (SELECT avg(total) FROM orders))",
  };

  private static String rows(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append('(').append(1000 + i).append(", 'click', '{\"x\": ").append(i * 7)
          .append("}', '2024-05-0").append(1 + i % 9).append(" 12:00:00')");
    }
    return sb.toString();
  }

  /** JMH reports these as rates: source (or printed) characters per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Chars {
    public long chars;

    @Setup(Level.Iteration)
    public void reset() {
      chars = 0;
    }
  }

  private String[] texts;
  private char[][] arrays;
  private Statement[] asts;
  private int[] printedLengths;
  private int next;

  @Setup
  public void setUp() {
    List<String> ok = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (String s : STATEMENTS) {
      try {
        Parser.parseFirst(s);
        ok.add(s);
      } catch (ParseException e) {
        skipped.add(e.getMessage() + ": " + s.substring(0, Math.min(60, s.length())) + "...");
      }
    }
    texts = ok.toArray(new String[0]);
    arrays = new char[texts.length][];
    asts = new Statement[texts.length];
    printedLengths = new int[texts.length];
    long chars = 0;
    for (int i = 0; i < texts.length; i++) {
      arrays[i] = texts[i].toCharArray();
      asts[i] = Parser.parseFirst(texts[i]).statement();
      printedLengths[i] = SqlPrinter.print(asts[i]).length();
      chars += texts[i].length();
    }
    System.out.printf(
        "%nParserBenchmark: %d of %d statements parse with this sql-parser (%.1f chars each on"
            + " average); left out:%n",
        texts.length, STATEMENTS.length, (double) chars / Math.max(1, texts.length));
    for (String s : skipped) {
      System.out.println("  " + s);
    }
    if (texts.length == 0) {
      throw new IllegalStateException("no statement of the mix parses");
    }
  }

  private int nextIndex() {
    int i = next;
    next = i + 1 == texts.length ? 0 : i + 1;
    return i;
  }

  @Benchmark
  public ParsedStatement parse(Chars c) {
    int i = nextIndex();
    c.chars += texts[i].length();
    return Parser.parseFirst(texts[i]);
  }

  @Benchmark
  public int tokenize(Chars c) throws Throwable {
    int i = nextIndex();
    char[] a = arrays[i];
    c.chars += a.length;
    return Tokens.count(a);
  }

  @Benchmark
  public String print(Chars c) {
    int i = nextIndex();
    c.chars += printedLengths[i];
    return SqlPrinter.print(asts[i]);
  }

  /**
   * The tokenizer is package-private in sql-parser; the benchmark reaches it through method
   * handles, which the JIT inlines as constants. This works from the shaded jar, where every class
   * is on the class path (the unnamed module, so the package is open).
   */
  static final class Tokens {
    private static final MethodHandle NEW;
    private static final MethodHandle NEXT;
    private static final MethodHandle TYPE;
    private static final Object EOF;

    static {
      try {
        Class<?> tokenizer = Class.forName("dev.pagoda.parser.Tokenizer");
        Class<?> tokenType = Class.forName("dev.pagoda.parser.TokenType");
        MethodHandles.Lookup l = MethodHandles.privateLookupIn(tokenizer, MethodHandles.lookup());
        NEW = l.findConstructor(tokenizer,
                MethodType.methodType(void.class, char[].class, int.class, int.class))
            .asType(MethodType.methodType(Object.class, char[].class, int.class, int.class));
        NEXT = l.findVirtual(tokenizer, "next", MethodType.methodType(void.class))
            .asType(MethodType.methodType(void.class, Object.class));
        TYPE = l.findGetter(tokenizer, "type", tokenType)
            .asType(MethodType.methodType(Object.class, Object.class));
        EOF = (Object) l.findStaticGetter(tokenType, "EOF", tokenType)
            .asType(MethodType.methodType(Object.class))
            .invokeExact();
      } catch (Throwable e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private Tokens() {}

    /** Scans a to its end; returns the number of tokens. */
    static int count(char[] a) throws Throwable {
      Object t = (Object) NEW.invokeExact(a, 0, a.length);
      int n = 0;
      while (true) {
        NEXT.invokeExact(t);
        if ((Object) TYPE.invokeExact(t) == EOF) {
          return n;
        }
        n++;
      }
    }
  }
}
