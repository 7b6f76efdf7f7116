package dev.pagoda.parser;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.parser.CorpusReader.SqlRecord;
import dev.pagoda.parser.ast.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Done-when 3 of Step 4: at least 100,000 random and mutated inputs, and for each either an AST
 * (which then prints to SQL that parses to an equal AST) or a {@link ParseException}: never another
 * exception or error (a StackOverflowError included), never a hang.
 *
 * <p>Inputs: token-level mutations of valid and invalid statements (this module's other tests'
 * statements, a list of statements of every kind below, and a sample of the sqllogictest corpus
 * when it is there), char-level damage (random bytes, unicode, NUL, surrogates), splices of two
 * statements, truncations, very long names and literals, deep nesting, and fully random token
 * strings. Deterministic: {@code -Dpagoda.fuzz.seed=N} (printed) and {@code
 * -Dpagoda.fuzz.inputs=N} (default 100,000) for a longer run; each input is bounded by {@link
 * #SLOW_NANOS} and the whole run by a timeout, which names the input it was stuck on.
 */
class FuzzParserTest {
  static final long DEFAULT_SEED = 0x5107_2024_0004L;
  static final int DEFAULT_INPUTS = 100_000;
  /** An input that takes longer than this counts as a failure (a near-hang). */
  static final long SLOW_NANOS = 2_000_000_000L;

  /** Statements of the kinds issue 5 lists, so mutations reach every part of the grammar. */
  static final String[] GRAMMAR = {
    "SELECT a, b AS c, t.* FROM t WHERE a > 1 GROUP BY b HAVING count(*) > 2 ORDER BY 1 DESC"
        + " NULLS FIRST LIMIT 10 OFFSET 5",
    "SELECT * FROM a LEFT JOIN b ON a.x = b.y NATURAL JOIN c CROSS JOIN d JOIN e USING (z)",
    "SELECT * FROM json_each('[1,2]') AS j, (SELECT 1 AS one) s WHERE j.value IN s",
    "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c LIMIT 9) SELECT * FROM c",
    "SELECT sum(a) OVER (PARTITION BY b ORDER BY c ROWS BETWEEN 1 PRECEDING AND CURRENT ROW),"
        + " rank() OVER w, count(*) FILTER (WHERE a > 0) FROM t WINDOW w AS (ORDER BY a)",
    "SELECT avg(x) OVER (ORDER BY y RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING"
        + " EXCLUDE TIES) FROM t",
    "SELECT CASE WHEN a THEN b ELSE c END, CAST(a AS TEXT), a IS NOT DISTINCT FROM b,"
        + " a NOT BETWEEN 1 AND 2, a NOT LIKE 'x' ESCAPE '!', a -> '$.b' ->> 'c', (a, b) < (1, 2)",
    "INSERT OR REPLACE INTO main.t AS x (a, b) VALUES (1, 2), (3, 4) ON CONFLICT (a) WHERE a > 0"
        + " DO UPDATE SET b = excluded.b WHERE x.b <> excluded.b ON CONFLICT DO NOTHING"
        + " RETURNING *, a + 1 AS n",
    "INSERT INTO t DEFAULT VALUES RETURNING rowid",
    "REPLACE INTO t SELECT * FROM u",
    "UPDATE OR IGNORE t AS x INDEXED BY i SET a = 1, (b, c) = (SELECT 1, 2) FROM u"
        + " WHERE x.id = u.id RETURNING a ORDER BY a LIMIT 5 OFFSET 1",
    "DELETE FROM main.t NOT INDEXED WHERE a IN (SELECT b FROM u) RETURNING *",
    "CREATE TEMP TABLE IF NOT EXISTS t(a INTEGER PRIMARY KEY AUTOINCREMENT, b TEXT NOT NULL"
        + " DEFAULT 'x' COLLATE nocase, c AS (a * 2) STORED, CHECK (b <> ''),"
        + " FOREIGN KEY (b) REFERENCES u(x) ON DELETE CASCADE) STRICT",
    "CREATE TABLE w(a PRIMARY KEY, b) WITHOUT ROWID",
    "CREATE TABLE v AS SELECT 1 AS x",
    "CREATE UNIQUE INDEX IF NOT EXISTS i ON t(lower(b) COLLATE nocase DESC) WHERE a > 0",
    "CREATE TEMP VIEW IF NOT EXISTS v(x, y) AS SELECT a, b FROM t",
    "CREATE TRIGGER IF NOT EXISTS tr BEFORE UPDATE OF a, b ON t FOR EACH ROW WHEN new.a > 0"
        + " BEGIN UPDATE u SET x = new.a; INSERT INTO log VALUES (old.a); DELETE FROM u WHERE 0;"
        + " SELECT RAISE(ABORT, 'no'); END",
    "CREATE TRIGGER tr INSTEAD OF INSERT ON v BEGIN SELECT RAISE(IGNORE); END",
    "CREATE VIRTUAL TABLE IF NOT EXISTS f USING fts5(a, b, tokenize = 'porter')",
    "ALTER TABLE t RENAME TO u", "ALTER TABLE t RENAME COLUMN a TO b",
    "ALTER TABLE t ADD COLUMN c INTEGER DEFAULT 0", "ALTER TABLE t DROP COLUMN c",
    "DROP TABLE IF EXISTS t", "DROP VIEW v", "DROP INDEX main.i", "DROP TRIGGER tr",
    "BEGIN IMMEDIATE TRANSACTION", "COMMIT", "END TRANSACTION", "ROLLBACK TO SAVEPOINT s",
    "SAVEPOINT s", "RELEASE s", "PRAGMA main.cache_size = -2000", "PRAGMA table_info(t)",
    "ANALYZE", "ANALYZE main.t", "VACUUM", "VACUUM main INTO 'file.db'", "REINDEX t",
    "ATTACH DATABASE 'x.db' AS x", "DETACH x", "EXPLAIN QUERY PLAN SELECT 1",
    "EXPLAIN UPDATE t SET a = 1",
  };

  /** SQLite's keywords (its full list), a few words with meaning in places, and punctuation. */
  static final String[] KEYWORDS = {
    "ABORT", "ACTION", "ADD", "AFTER", "ALL", "ALTER", "ALWAYS", "ANALYZE", "AND", "AS", "ASC",
    "ATTACH", "AUTOINCREMENT", "BEFORE", "BEGIN", "BETWEEN", "BY", "CASCADE", "CASE", "CAST",
    "CHECK", "COLLATE", "COLUMN", "COMMIT", "CONFLICT", "CONSTRAINT", "CREATE", "CROSS",
    "CURRENT", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "DATABASE", "DEFAULT",
    "DEFERRABLE", "DEFERRED", "DELETE", "DESC", "DETACH", "DISTINCT", "DO", "DROP", "EACH",
    "ELSE", "END", "ESCAPE", "EXCEPT", "EXCLUDE", "EXCLUSIVE", "EXISTS", "EXPLAIN", "FAIL",
    "FILTER", "FIRST", "FOLLOWING", "FOR", "FOREIGN", "FROM", "FULL", "GENERATED", "GLOB",
    "GROUP", "GROUPS", "HAVING", "IF", "IGNORE", "IMMEDIATE", "IN", "INDEX", "INDEXED",
    "INITIALLY", "INNER", "INSERT", "INSTEAD", "INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "KEY",
    "LAST", "LEFT", "LIKE", "LIMIT", "MATCH", "MATERIALIZED", "NATURAL", "NO", "NOT", "NOTHING",
    "NOTNULL", "NULL", "NULLS", "OF", "OFFSET", "ON", "OR", "ORDER", "OTHERS", "OUTER", "OVER",
    "PARTITION", "PLAN", "PRAGMA", "PRECEDING", "PRIMARY", "QUERY", "RAISE", "RANGE",
    "RECURSIVE", "REFERENCES", "REGEXP", "REINDEX", "RELEASE", "RENAME", "REPLACE", "RESTRICT",
    "RETURNING", "RIGHT", "ROLLBACK", "ROW", "ROWS", "SAVEPOINT", "SELECT", "SET", "TABLE",
    "TEMP", "TEMPORARY", "THEN", "TIES", "TO", "TRANSACTION", "TRIGGER", "UNBOUNDED", "UNION",
    "UNIQUE", "UPDATE", "USING", "VACUUM", "VALUES", "VIEW", "VIRTUAL", "WHEN", "WHERE",
    "WINDOW", "WITH", "WITHOUT", "STRICT", "ROWID", "STORED", "excluded", "new", "old", "main",
  };

  static final String[] PUNCTUATION = {
    "(", ")", ",", ";", ".", "*", "+", "-", "/", "%", "=", "==", "<", ">", "<=", ">=", "<>", "!=",
    "||", "->", "->>", "<<", ">>", "&", "|", "~", "!", "?", "?1", "?250001", ":a", "@b", "$c",
    "#", "'", "\"", "[", "]", "`", "--", "/*", "*/", "x'", "x'0'", "x'00'", "1", "0", "1.5e3",
    ".5", "1e", "0x", "0xFF", "1_000", "1__0", "9223372036854775808", "'str'", "\"id\"", "[id]",
    "`id`", "a", "t", "\\", "^", "{", "}", "\0", "\uFEFF", "\u00e9", "\ud800", "\n", "\t",
  };

  private volatile String current = "";

  /** One input and the family it comes from (failures that overflow the stack group by it). */
  record Input(String family, String sql) {}

  @Test
  void randomAndMutatedInputsOnlyEverParseOrRaiseParseException() {
    long seed = Long.getLong("pagoda.fuzz.seed", DEFAULT_SEED);
    int inputs = Integer.getInteger("pagoda.fuzz.inputs", DEFAULT_INPUTS);
    long timeoutSeconds = Math.max(120, inputs / 1_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(timeoutSeconds),
        () -> run(seed, inputs),
        () -> "fuzz run (seed " + seed + ") did not finish in " + timeoutSeconds
            + " s; stuck on input: " + clip(current));
  }

  private void run(long seed, int inputs) {
    List<String> seeds = seeds();
    List<List<String>> tokenized = new ArrayList<>();
    for (String s : seeds) {
      tokenized.add(tokens(s));
    }
    Random rnd = new Random(seed);
    Map<String, String> failures = new LinkedHashMap<>();
    Map<String, Integer> failureCounts = new LinkedHashMap<>();
    int parsed = 0;
    int rejected = 0;
    long slowest = 0;
    String slowestInput = "";
    long totalChars = 0;
    long t0 = System.nanoTime();
    for (int n = 0; n < inputs; n++) {
      Input in = input(rnd, n, seeds, tokenized);
      String input = in.sql();
      totalChars += input.length();
      current = input;
      long s0 = System.nanoTime();
      String failure = null;
      try {
        List<ParsedStatement> all = Parser.parseAll(input);
        parsed++;
        for (ParsedStatement ps : all) {
          failure = roundTrip(ps.statement());
          if (failure != null) {
            break;
          }
        }
      } catch (ParseException e) {
        rejected++;
        if (e.getMessage() == null || e.getMessage().isEmpty()) {
          failure = "ParseException without a message";
        }
      } catch (Throwable t) { // StackOverflowError, OutOfMemoryError, any RuntimeException
        failure = "parser: " + describe(t);
      }
      if (failure != null && failure.contains("StackOverflowError")) {
        // where the stack ran out is noise; what was nested is the finding
        failure = failure.substring(0, failure.indexOf("java.lang.StackOverflowError"))
            + "StackOverflowError on " + in.family();
      }
      long took = System.nanoTime() - s0;
      if (took > slowest) {
        slowest = took;
        slowestInput = input;
      }
      if (failure == null && took > SLOW_NANOS) {
        failure = "slower than " + SLOW_NANOS / 1_000_000 + " ms";
      }
      if (failure != null) {
        failureCounts.merge(failure, 1, Integer::sum);
        String previous = failures.get(failure);
        if (previous == null || input.length() < previous.length()) {
          failures.put(failure, input); // keep the shortest example
        }
      }
    }
    long elapsed = System.nanoTime() - t0;
    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.ROOT,
        "fuzz: seed %d (-Dpagoda.fuzz.seed), %,d inputs (-Dpagoda.fuzz.inputs) from %d seed"
            + " statements, %,d chars; parsed %,d, rejected with ParseException %,d, failed %,d"
            + " (%d kinds); %d ms; slowest %.3f ms: %s%n",
        seed, inputs, seeds.size(), totalChars, parsed, rejected,
        failureCounts.values().stream().mapToInt(Integer::intValue).sum(), failures.size(),
        elapsed / 1_000_000, slowest / 1e6, clip(slowestInput)));
    failures.forEach(
        (k, v) -> report.append(String.format(Locale.ROOT, "  %6d  %s%n          shortest: %s%n",
            failureCounts.get(k), k, clip(v))));
    System.out.print(report);
    System.out.flush();
    assertTrue(failures.isEmpty(), report::toString);
  }

  /** null when statement prints to SQL that parses back to an equal AST, else what went wrong. */
  private static String roundTrip(Statement statement) {
    String printed;
    try {
      printed = SqlPrinter.print(statement);
    } catch (Throwable t) {
      return "printer: " + describe(t);
    }
    try {
      List<ParsedStatement> again = Parser.parseAll(printed);
      if (again.size() != 1 || !again.get(0).statement().equals(statement)) {
        return "round trip: reparsed AST differs (" + statement.getClass().getSimpleName() + ")";
      }
      return null;
    } catch (ParseException e) {
      return "round trip: printed SQL does not parse: " + e.getMessage();
    } catch (Throwable t) {
      return "round trip: " + describe(t);
    }
  }

  /** An exception's class, first message line (digits masked, to group) and throwing frame. */
  private static String describe(Throwable t) {
    String m = String.valueOf(t.getMessage());
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl);
    }
    m = m.replaceAll("\\d+", "N");
    if (m.length() > 120) {
      m = m.substring(0, 120);
    }
    StackTraceElement[] st = t.getStackTrace();
    String at = st.length == 0 ? "" : " at " + st[0];
    return t.getClass().getName() + ": " + m + at;
  }

  private static String clip(String s) {
    String t = s.length() > 200 ? s.substring(0, 200) + "... (" + s.length() + " chars)" : s;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  // ---- inputs

  /** The seed statements, deduplicated, in a fixed order. */
  static List<String> seeds() {
    Set<String> s = new LinkedHashSet<>();
    s.addAll(Arrays.asList(GRAMMAR));
    s.addAll(Arrays.asList(SqlPrinterTest.STATEMENTS));
    s.addAll(Arrays.asList(SqliteDifferentialTest.BASE));
    s.addAll(Arrays.asList(SqliteDifferentialTest.GOOD));
    s.addAll(Arrays.asList(SqliteDifferentialTest.BAD));
    s.addAll(Arrays.asList(RejectedStatementsTest.IN_EMPTY_DATABASE));
    s.addAll(Arrays.asList(RejectedStatementsTest.IN_TRIGGER_ON_T));
    s.addAll(corpusSample());
    return new ArrayList<>(s);
  }

  /**
   * Up to 2,000 distinct texts of the corpus's small scripts (evidence/ and select1.test), when
   * the corpus is there; CorpusParseTest is the one that fails when it is missing.
   */
  static List<String> corpusSample() {
    Path root = null;
    for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("shared").resolve("sqllogictest"))) {
        root = d.resolve("shared").resolve("sqllogictest");
        break;
      }
    }
    if (root == null && Files.isDirectory(Paths.get("/work/shared/sqllogictest"))) {
      root = Paths.get("/work/shared/sqllogictest");
    }
    if (root == null) {
      return List.of();
    }
    Set<String> texts = new LinkedHashSet<>();
    CorpusReader.Stats stats = new CorpusReader.Stats();
    List<Path> files = new ArrayList<>();
    Path evidence = root.resolve("evidence");
    if (Files.isDirectory(evidence)) {
      files.addAll(CorpusReader.testFiles(evidence));
    }
    if (Files.isRegularFile(root.resolve("select1.test"))) {
      files.add(root.resolve("select1.test"));
    }
    for (Path f : files) {
      for (SqlRecord r : CorpusReader.read(f, stats)) {
        if (texts.size() < 2_000) {
          texts.add(r.sql());
        }
      }
    }
    return new ArrayList<>(texts);
  }

  /** The source text of each token of sql, by Pagoda's tokenizer (bad tokens included). */
  static List<String> tokens(String sql) {
    List<String> out = new ArrayList<>();
    int limit = Tokenizer.limitOf(sql);
    Tokenizer t = new Tokenizer(sql.toCharArray(), 0, limit);
    for (t.next(); t.type != TokenType.EOF && out.size() < 10_000; t.next()) {
      out.add(sql.substring(t.start, t.end));
    }
    return out;
  }

  private static Input input(Random rnd, int n, List<String> seeds, List<List<String>> tokenized) {
    int kind = n % 20;
    if (kind < 12) {
      // token-level mutations, one to four stacked
      int i = rnd.nextInt(seeds.size());
      List<String> toks = new ArrayList<>(tokenized.get(i));
      int times = 1 + rnd.nextInt(4);
      for (int k = 0; k < times; k++) {
        mutateTokens(rnd, toks, tokenized);
      }
      return new Input("token mutation", String.join(rnd.nextInt(8) == 0 ? "" : " ", toks));
    }
    String base = seeds.get(rnd.nextInt(seeds.size()));
    return switch (kind) {
      case 12 -> new Input("truncation", base.substring(0, rnd.nextInt(base.length() + 1)));
      case 13, 14 -> new Input("char damage", damageChars(rnd, base));
      case 15 -> {
        String other = seeds.get(rnd.nextInt(seeds.size()));
        yield new Input("splice", base.substring(0, rnd.nextInt(base.length() + 1))
            + other.substring(rnd.nextInt(other.length() + 1)));
      }
      case 16 -> new Input("long names and literals", huge(rnd));
      case 17 -> deep(rnd);
      default -> new Input("random tokens", randomTokens(rnd)); // 18, 19
    };
  }

  private static void mutateTokens(Random rnd, List<String> toks, List<List<String>> tokenized) {
    int size = toks.size();
    int at = size == 0 ? 0 : rnd.nextInt(size);
    switch (rnd.nextInt(8)) {
      case 0 -> {
        if (size > 0) {
          toks.remove(at); // drop
        }
      }
      case 1 -> {
        if (size > 0) {
          toks.add(at, toks.get(at)); // duplicate
        }
      }
      case 2 -> {
        if (size > 1) {
          int other = rnd.nextInt(size);
          String x = toks.get(at);
          toks.set(at, toks.get(other));
          toks.set(other, x); // swap
        }
      }
      case 3 -> toks.add(Math.min(at + rnd.nextInt(2), toks.size()), pick(rnd, KEYWORDS));
      case 4 -> toks.add(Math.min(at + rnd.nextInt(2), toks.size()), pick(rnd, PUNCTUATION));
      case 5 -> {
        List<String> donor = tokenized.get(rnd.nextInt(tokenized.size()));
        if (!donor.isEmpty()) {
          String t = donor.get(rnd.nextInt(donor.size()));
          if (size > 0) {
            toks.set(at, t); // replace with a token of another statement
          } else {
            toks.add(t);
          }
        }
      }
      case 6 -> {
        if (size > 0) {
          toks.subList(at, size).clear(); // truncate at a token
        }
      }
      default -> {
        // repeat a slice: (a, b) -> (a, b, a, b)
        if (size > 1) {
          int from = rnd.nextInt(size);
          int to = Math.min(size, from + 1 + rnd.nextInt(6));
          List<String> slice = new ArrayList<>(toks.subList(from, to));
          int times = 1 + rnd.nextInt(3);
          for (int k = 0; k < times; k++) {
            toks.addAll(to, slice);
          }
        }
      }
    }
  }

  /** Random chars overwritten, inserted or deleted: bytes, unicode, NUL, lone surrogates. */
  private static String damageChars(Random rnd, String base) {
    StringBuilder sb = new StringBuilder(base);
    int times = 1 + rnd.nextInt(5);
    for (int k = 0; k < times; k++) {
      int at = sb.length() == 0 ? 0 : rnd.nextInt(sb.length());
      char c = switch (rnd.nextInt(6)) {
        case 0 -> (char) rnd.nextInt(128);
        case 1 -> (char) rnd.nextInt(256);
        case 2 -> (char) (0xd800 + rnd.nextInt(0x800)); // surrogates, paired or not
        case 3 -> "\0\uFEFF\u00a0\u2028\uFFFF\u0085".charAt(rnd.nextInt(6));
        case 4 -> "'\"[]`()-/*;.x?:@$#".charAt(rnd.nextInt(18));
        default -> (char) rnd.nextInt(0x10000);
      };
      switch (rnd.nextInt(3)) {
        case 0 -> sb.insert(at, c);
        case 1 -> {
          if (sb.length() > 0) {
            sb.setCharAt(at, c);
          }
        }
        default -> {
          if (sb.length() > 0) {
            sb.deleteCharAt(at);
          }
        }
      }
    }
    return sb.toString();
  }

  /** Very long names, literals and lists. */
  private static String huge(Random rnd) {
    int n = 1_000 << rnd.nextInt(8); // 1,000 .. 128,000
    String ident = "x".repeat(n);
    return switch (rnd.nextInt(10)) {
      case 0 -> "SELECT " + ident + " FROM " + ident;
      case 1 -> "SELECT \"" + "a\"\"".repeat(n / 3) + "\"";
      case 2 -> "SELECT '" + "it''s ".repeat(n / 6) + "'";
      case 3 -> "SELECT " + "9".repeat(n) + ", " + "1".repeat(n) + ".5e" + "3".repeat(n % 7 + 1);
      case 4 -> "SELECT x'" + "ab".repeat(n / 2) + "'";
      case 5 -> "SELECT " + "1, ".repeat(n / 3) + "1";
      case 6 -> "INSERT INTO t VALUES " + "(1, 'a'), ".repeat(n / 10) + "(2, 'b')";
      case 7 -> "SELECT 1 /* " + "*".repeat(n) + " */";
      case 8 -> "CREATE TABLE t(" + ident + " " + "VARCHAR ".repeat(n / 8) + ")";
      default -> "SELECT " + "a OR ".repeat(n / 5) + "a"; // a long left-assoc chain: a deep tree
    };
  }

  /** The nested constructs of {@link #deep}: a name, and the text before and after the core. */
  private static final String[][] NESTINGS = {
    {"parentheses", "(", ")"},
    {"unclosed parentheses", "(", ""},
    {"unary minus", "- ", ""},
    {"NOT", "NOT ", ""},
    {"scalar subqueries", "(SELECT ", ")"},
    {"CASE", "CASE WHEN 1 THEN ", " END"},
    {"function calls", "f(", ")"},
    {"IN lists", "1 IN (", ")"},
    {"right-nested +", "1 + (", ")"},
    {"left-assoc chain =", "", " = 1"},
    {"COLLATE chain", "", " COLLATE x"},
    {"FROM parentheses", "", ""},
    {"FROM subqueries", "", ""},
    {"WITH in CTE", "", ""},
  };

  /**
   * Deep nesting: SQLite stops at an expression depth of 1000 ({@code Expression tree is too
   * large}) and at its parser stack's limit; Pagoda must never overflow its Java stack.
   */
  private static Input deep(Random rnd) {
    int[] depths = {10, 100, 500, 999, 1_000, 1_001, 2_000, 5_000, 20_000, 100_000};
    int d = depths[rnd.nextInt(depths.length)];
    int k = rnd.nextInt(NESTINGS.length);
    String[] n = NESTINGS[k];
    String sql = switch (n[0]) {
      case "FROM parentheses" -> "SELECT * FROM " + "(".repeat(d) + "t" + ")".repeat(d);
      case "FROM subqueries" -> "SELECT * FROM " + "(SELECT * FROM ".repeat(d) + "t"
          + ")".repeat(d);
      case "WITH in CTE" -> "WITH " + "a AS (WITH ".repeat(d) + "b AS (SELECT 1) SELECT 1"
          + ")".repeat(d) + " SELECT 1";
      default -> "SELECT " + n[1].repeat(d) + "1" + n[2].repeat(d);
    };
    return new Input("deep nesting: " + n[0], sql);
  }

  private static String randomTokens(Random rnd) {
    int n = 1 + rnd.nextInt(30);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0 && rnd.nextInt(6) != 0) {
        sb.append(' ');
      }
      sb.append(rnd.nextBoolean() ? pick(rnd, KEYWORDS) : pick(rnd, PUNCTUATION));
    }
    return sb.toString();
  }

  private static String pick(Random rnd, String[] from) {
    return from[rnd.nextInt(from.length)];
  }
}
