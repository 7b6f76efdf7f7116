package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.FunctionCallOracle.Arg;
import dev.pagoda.spi.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test of every built-in scalar and aggregate function and the math functions: each
 * over a table of argument cases (NULL, every storage class, empty text and blob, signs, the
 * 64-bit extremes, 1e308 and 1e-308, fractions, Unicode with combining characters and emoji), in
 * every arity the function accepts and a few it does not, with the arguments both written as
 * literals and bound as parameters; value, storage class and error compared with sqlite-jdbc's.
 *
 * <p>Deliberate differences, each minimal:
 *
 * <ul>
 *   <li>{@code sqlite_version()}: Pagoda reports 3.46.1, the release it follows; the oracle is
 *       whatever sqlite-jdbc bundles. Only the storage class is compared, and Pagoda's text.
 *   <li>{@code random()}, {@code randomblob(N)}: only storage class and length are compared.
 *   <li>{@code soundex(X)}: the oracle is built without SQLITE_SOUNDEX; the test checks that it
 *       lacks it and that Pagoda's codes have soundex's shape (the codes themselves are checked
 *       against hand-worked values in the executor's SoundexTest).
 *   <li>Transcendental math functions ({@link #ULPS}): SQLite hands them to the platform's C
 *       library (glibc here; other platforms differ in the last bits too), Pagoda to
 *       java.lang.Math; REAL results may differ by the listed units in the last place.
 *   <li>{@code char()} of a UTF-16 surrogate code point is not among the cases: SQLite writes the
 *       ill-formed 3-byte sequence, which a Java string cannot carry.
 *   <li>printf's byte-counted precision may cut a character ({@code printf('%.5s', '日本語')}):
 *       SQLite keeps the ill-formed bytes, Pagoda a U+FFFD in their place. The cases compare equal
 *       because sqlite-jdbc reads SQLite's result as Java text, which makes the same U+FFFD.
 *   <li>printf with a float precision above 10^8 (SQLite's limit) is not run: it prints 10^8
 *       digits.
 * </ul>
 */
class BuiltinFunctionsDifferentialTest {
  /** The last-place tolerance of the transcendental functions; every other must match exactly. */
  static final Map<String, Integer> ULPS = Map.ofEntries(Map.entry("acos", 1),
      Map.entry("asin", 1), Map.entry("atan", 1), Map.entry("atanh", 1), Map.entry("cos", 1),
      Map.entry("cosh", 1), Map.entry("exp", 1), Map.entry("log", 1), Map.entry("log10", 1),
      Map.entry("log2", 1), Map.entry("sin", 1), Map.entry("sinh", 2), Map.entry("tan", 1),
      Map.entry("tanh", 1), Map.entry("atan2", 1), Map.entry("pow", 1), Map.entry("power", 1));

  private static FunctionCallOracle oracle;

  static Arg arg(String sql, Value value) {
    return new Arg(sql, value);
  }

  static Arg text(String s) {
    return arg("'" + s.replace("'", "''") + "'", Value.of(s));
  }

  static Arg blob(String hex) {
    return arg("x'" + hex + "'", Value.of(java.util.HexFormat.of().parseHex(hex)));
  }

  /** Every storage class and the edge cases of each, for one-argument calls. */
  static final List<Arg> ONE = List.of(arg("NULL", Value.NULL), arg("0", Value.of(0L)),
      arg("1", Value.of(1L)), arg("-1", Value.of(-1L)), arg("7", Value.of(7L)),
      arg("9223372036854775807", Value.of(Long.MAX_VALUE)),
      arg("-9223372036854775808", Value.of(Long.MIN_VALUE)), arg("1.5", Value.of(1.5)),
      arg("-2.5", Value.of(-2.5)), arg("0.1", Value.of(0.1)), arg("3.0", Value.of(3.0)),
      arg("1e308", Value.of(1e308)), arg("-1e308", Value.of(-1e308)),
      arg("1e-308", Value.of(1e-308)), arg("-0.0", Value.of(-0.0)), text(""), text("abc"),
      text("ABC"), text(" 12 "), text("12abc"), text("-3.5e2"), text("0x1F"), text("Ünïcödé"),
      text("日本語"), text("😀x"), text("e\u0301\u0327"), text("it's"), blob(""), blob("00ff"),
      blob("616263"), blob("c3bc"));

  /** A smaller pool for two-argument calls. */
  static final List<Arg> TWO = List.of(arg("NULL", Value.NULL), arg("0", Value.of(0L)),
      arg("2", Value.of(2L)), arg("-2", Value.of(-2L)),
      arg("9223372036854775807", Value.of(Long.MAX_VALUE)),
      arg("-9223372036854775808", Value.of(Long.MIN_VALUE)), arg("1.5", Value.of(1.5)),
      arg("1e308", Value.of(1e308)), arg("1e-308", Value.of(1e-308)), text(""), text("abc"),
      text("Ünï"), text("日本😀"), text(" 3"), blob(""), blob("6162"));

  /** A still smaller pool for three-argument calls. */
  static final List<Arg> THREE = List.of(arg("NULL", Value.NULL), arg("1", Value.of(1L)),
      arg("-1", Value.of(-1L)), arg("2.5", Value.of(2.5)),
      arg("-9223372036854775808", Value.of(Long.MIN_VALUE)), text(""), text("ab"), text("日😀"),
      blob("61"));

  /** Each core scalar function with the arities it is called with (valid ones and some not). */
  static final Map<String, List<Integer>> SCALARS = Map.ofEntries(
      Map.entry("abs", List.of(0, 1, 2)), Map.entry("char", List.of(0, 1, 2, 3)),
      Map.entry("coalesce", List.of(1, 2, 3)), Map.entry("concat", List.of(0, 1, 2, 3)),
      Map.entry("concat_ws", List.of(1, 2, 3)), Map.entry("glob", List.of(2, 3)),
      Map.entry("hex", List.of(1)), Map.entry("ifnull", List.of(1, 2)),
      Map.entry("iif", List.of(1, 2, 3)), Map.entry("instr", List.of(2)),
      Map.entry("length", List.of(1)), Map.entry("octet_length", List.of(1)),
      Map.entry("like", List.of(1, 2, 3)), Map.entry("likely", List.of(1)),
      Map.entry("unlikely", List.of(1)), Map.entry("lower", List.of(1)),
      Map.entry("upper", List.of(1)), Map.entry("ltrim", List.of(1, 2)),
      Map.entry("rtrim", List.of(1, 2)), Map.entry("trim", List.of(1, 2, 3)),
      Map.entry("max", List.of(2, 3)), Map.entry("min", List.of(2, 3)),
      Map.entry("nullif", List.of(2)), Map.entry("quote", List.of(1)),
      Map.entry("replace", List.of(2, 3)), Map.entry("round", List.of(1, 2)),
      Map.entry("sign", List.of(1)), Map.entry("substr", List.of(1, 2, 3)),
      Map.entry("substring", List.of(2, 3)), Map.entry("typeof", List.of(1)),
      Map.entry("unhex", List.of(1, 2)), Map.entry("unicode", List.of(1)),
      Map.entry("zeroblob", List.of(1)), Map.entry("printf", List.of(0, 1, 2)),
      Map.entry("format", List.of(1, 2)));

  /** The math functions (lang_mathfunc.html) with the arities they are called with. */
  static final Map<String, List<Integer>> MATH = Map.ofEntries(
      Map.entry("acos", List.of(1)), Map.entry("acosh", List.of(1)),
      Map.entry("asin", List.of(1)), Map.entry("asinh", List.of(1)),
      Map.entry("atan", List.of(1)), Map.entry("atan2", List.of(1, 2)),
      Map.entry("atanh", List.of(1)), Map.entry("ceil", List.of(1, 2)),
      Map.entry("ceiling", List.of(1)), Map.entry("cos", List.of(1)),
      Map.entry("cosh", List.of(1)), Map.entry("degrees", List.of(1)),
      Map.entry("exp", List.of(1)), Map.entry("floor", List.of(0, 1)),
      Map.entry("ln", List.of(1)), Map.entry("log", List.of(0, 1, 2, 3)),
      Map.entry("log10", List.of(1)), Map.entry("log2", List.of(1)),
      Map.entry("mod", List.of(2)), Map.entry("pi", List.of(0, 1)),
      Map.entry("pow", List.of(2)), Map.entry("power", List.of(2)),
      Map.entry("radians", List.of(1)), Map.entry("sin", List.of(1)),
      Map.entry("sinh", List.of(1)), Map.entry("sqrt", List.of(1)),
      Map.entry("tan", List.of(1)), Map.entry("tanh", List.of(1)),
      Map.entry("trunc", List.of(1)));

  @BeforeAll
  static void open() {
    oracle = new FunctionCallOracle(ULPS);
  }

  @AfterAll
  static void close() {
    System.out.println("BuiltinFunctionsDifferentialTest: " + oracle.compared()
        + " cases compared");
    oracle.close();
  }

  static List<Arg> pool(int arity) {
    return arity <= 1 ? ONE : arity == 2 ? TWO : THREE;
  }

  /** Fails listing the differences: how many per function, then the first few of each. */
  static void assertNone(List<String> diffs) {
    Map<String, List<String>> byFunction = new java.util.TreeMap<>();
    for (String d : diffs) {
      String key = d.replaceFirst("^SELECT ([a-z_0-9]+).*", "$1");
      byFunction.computeIfAbsent(key.length() > 30 ? "other" : key, k -> new ArrayList<>()).add(d);
    }
    StringBuilder sb = new StringBuilder(diffs.size() + " differ:");
    byFunction.forEach((f, list) -> sb.append(' ').append(f).append('=').append(list.size()));
    byFunction.forEach((f, list) -> list.stream().limit(4).forEach(d -> sb.append('\n').append(d)));
    assertTrue(diffs.isEmpty(), sb.toString());
  }

  @Test
  void coreScalars_inEveryArity_literalAndBound_matchSqlite() {
    List<String> diffs = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : SCALARS.entrySet()) {
      for (int arity : e.getValue()) {
        oracle.everyTuple(e.getKey(), arity, pool(arity), diffs);
      }
    }
    assertNone(diffs);
  }

  @Test
  void mathFunctions_inEveryArity_literalAndBound_matchSqlite() {
    List<String> diffs = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : MATH.entrySet()) {
      for (int arity : e.getValue()) {
        oracle.everyTuple(e.getKey(), arity, pool(arity), diffs);
      }
    }
    List<String> exprs = List.of("ceil('5')", "ceil(' 5 ')", "ceil('5.0')", "floor('-0.5')",
        "trunc(-0.5)", "trunc('9223372036854775808')", "mod(5, 0)", "mod(5.5, 2)", "mod(-5, 2)",
        "mod(5, -0.0)", "mod(1e308, 3)", "mod(-9223372036854775808, -1)", "pow(0, -1)",
        "pow(-8, 1.0/3)", "pow(1, 1e999)", "pow(-1, 1e999)", "pow(-1, -1e999)", "pow(2, 1024)",
        "power(2, -1075)", "exp(1000)", "exp(-1000)", "ln(0)", "ln(-0.0)", "log(1, 8)",
        "log(0.5, 8)", "log(2, '8abc')", "log(2, x'38')", "log(2, NULL)", "log('abc', 8)",
        "log(x'32', 8)", "log(2, 0)", "log(2, 1e999)", "log(1e999)", "sqrt(-0.0)", "sqrt(1e999)",
        "acos(2)", "acosh(0.5)", "atanh(1)", "atanh(-1)", "atanh(1.5)", "asin(-1.0000001)",
        "degrees(pi())", "radians(180)", "atan2(0, -0.0)", "atan2(-0.0, -1)", "atan2(1e999, 1e999)",
        "pi() * 2", "typeof(pi())", "ceil(1e999)", "floor(-1e999)", "trunc(1e999)",
        "sin(1e999)", "cos(-1e999)", "tan(1e300)", "sinh(1000)", "cosh(-1000)", "tanh(1000)",
        "asinh(-1e300)", "acosh(1e300)", "exp(709.78)", "log2(4.9e-324)", "log10(1e-308)");
    for (String e : exprs) {
      String name = e.replaceFirst("\\(.*", "");
      diffs.add(oracle.compare("SELECT " + e, List.of(), oracle.tolerate(name)));
    }
    diffs.removeIf(d -> d == null);
    assertNone(diffs);
  }

  /**
   * likelihood's second argument must be a constant between 0 and 1, checked when the statement
   * is prepared, so a bound one is an error.
   */
  @Test
  void likelihood_constantProbabilities_matchSqlite() {
    List<String> diffs = new ArrayList<>();
    for (Arg x : ONE) {
      for (String p : List.of("0.5", "0.0", "1.0", "1", "0", "2.0", "-0.5", "'0.5'", "NULL",
          "0.5 + 0", "1e-308")) {
        diffs.add(oracle.compare("SELECT likelihood(" + x.sql() + ", " + p + ")", List.of(), 0));
        diffs.add(oracle.compare("SELECT likelihood(?, " + p + ")", List.of(x.value()), 0));
      }
      diffs.add(oracle.compare("SELECT likelihood(1, ?)", List.of(x.value()), 0));
    }
    diffs.add(oracle.compare("SELECT likelihood(1)", List.of(), 0));
    diffs.add(oracle.compare("SELECT likelihood(1, 0.5, 2)", List.of(), 0));
    diffs.removeIf(d -> d == null);
    assertNone(diffs);
  }

  /** random() and randomblob(): their storage class and length, and their argument errors. */
  @Test
  void randomFunctions_typeAndLength_matchSqlite() {
    List<String> diffs = new ArrayList<>();
    for (Arg a : ONE) {
      for (String q : List.of("typeof(randomblob(%s))", "length(randomblob(%s))",
          "typeof(random(%s))")) {
        diffs.add(oracle.compare("SELECT " + q.formatted(a.sql()), List.of(), 0));
        diffs.add(oracle.compare("SELECT " + q.formatted("?"), List.of(a.value()), 0));
      }
    }
    diffs.add(oracle.compare("SELECT typeof(random()), typeof(randomblob())", List.of(), 0));
    diffs.add(oracle.compare("SELECT random() BETWEEN -9223372036854775808 AND "
        + "9223372036854775807", List.of(), 0));
    diffs.removeIf(d -> d == null);
    assertNone(diffs);
  }

  @Test
  void sqliteVersion_isText_andPagodaFollows3461() {
    assertNone(nonNull(oracle.compare("SELECT typeof(sqlite_version())", List.of(), 0),
        oracle.compare("SELECT sqlite_version(1)", List.of(), 0)));
    assertEquals(List.of("T3.46.1|"),
        SqlOracle.pagoda(oracle.pagoda(), "SELECT sqlite_version()"));
  }

  /** soundex: the oracle lacks it; Pagoda's answers have its shape for every argument. */
  @Test
  void soundex_oracleLacksIt_pagodaGivesCodes() {
    assertEquals(List.of("error 1: no such function: soundex"),
        SqlOracle.sqlite(oracle.sqlite(), "SELECT soundex('x')"));
    for (Arg a : ONE) {
      List<String> ours = SqlOracle.pagoda(oracle.pagoda(), "SELECT soundex(" + a.sql() + ")");
      assertEquals(1, ours.size(), a.sql());
      assertTrue(ours.get(0).matches("T[A-Z?][0-9]{3}\\|"), a.sql() + ": " + ours);
      assertEquals(ours, SqlOracle.pagoda(oracle.pagoda(), "SELECT soundex(?)",
          List.of(a.value())), a.sql());
    }
    assertEquals(List.of("TR163|"), SqlOracle.pagoda(oracle.pagoda(), "SELECT soundex('Robert')"));
  }

  /** changes(), total_changes() and last_insert_rowid() after each statement of a DML script. */
  @Test
  void changeCounters_afterDml_matchSqlite() {
    List<String> script = List.of(
        "CREATE TABLE c(a INTEGER PRIMARY KEY, b TEXT UNIQUE)",
        "INSERT INTO c(b) VALUES ('x'), ('y'), ('z')",
        "UPDATE c SET b = b || '!' WHERE a > 1", "INSERT INTO c VALUES (100, 'w')",
        "INSERT OR IGNORE INTO c VALUES (101, 'w')", "INSERT OR REPLACE INTO c VALUES (5, 'w')",
        "DELETE FROM c WHERE a = 1", "INSERT INTO c(b) SELECT b || '?' FROM c",
        "CREATE TABLE log(n)",
        "CREATE TRIGGER tr AFTER INSERT ON c BEGIN INSERT INTO log VALUES (new.a); END",
        "INSERT INTO c(b) VALUES ('t')", "INSERT INTO c VALUES (1, 'x!')",
        "SELECT 1", "DELETE FROM c", "UPDATE c SET b = 'none'");
    List<String> diffs = new ArrayList<>();
    String counters = "SELECT changes(), total_changes(), last_insert_rowid(), changes(1)";
    for (String sql : script) {
      diffs.add(oracle.compare(sql, List.of(), 0));
      diffs.add(oracle.compare(counters, List.of(), 0));
    }
    diffs.removeIf(d -> d == null);
    assertNone(diffs);
  }

  /** Every printf conversion, under every flag, with and without width and precision. */
  @Test
  void printf_everyConversionFlagWidthPrecision_matchSqlite() {
    List<String> conversions = List.of("d", "i", "u", "f", "e", "E", "g", "G", "x", "X", "o", "s",
        "z", "q", "Q", "w", "c", "p", "n", "r", "T", "S", "%", "k", "lld", "hd", "ll");
    List<String> flags = List.of("", "-", "+", " ", "0", "#", ",", "!", "-0", "+ ", "#0", ",0");
    List<String> sizes = List.of("", "8", ".3", "12.5", ".0", "08.2", "3.", "*", ".*", "*.*");
    List<Arg> args = List.of(arg("NULL", Value.NULL), arg("0", Value.of(0L)),
        arg("42", Value.of(42L)), arg("-42", Value.of(-42L)), arg("1234567", Value.of(1234567L)),
        arg("9223372036854775807", Value.of(Long.MAX_VALUE)),
        arg("-9223372036854775808", Value.of(Long.MIN_VALUE)), arg("3.14159", Value.of(3.14159)),
        arg("-0.5", Value.of(-0.5)), arg("1e308", Value.of(1e308)),
        arg("1e-308", Value.of(1e-308)), arg("0.000123456", Value.of(0.000123456)),
        arg("1e999", Value.of(Double.POSITIVE_INFINITY)), text(""), text("abc"), text("it's"),
        text("a\"b"), text("Ünïcödé"), text("日本語😀"), text("e\u0301"), blob("4142"), blob(""));
    List<String> diffs = new ArrayList<>();
    for (String c : conversions) {
      for (String f : flags) {
        for (String w : sizes) {
          String format = "'%" + f + w + c + "|'";
          int stars = w.length() - w.replace("*", "").length();
          for (Arg a : args) {
            List<Arg> call = new ArrayList<>(List.of(arg(format, Value.of("%" + f + w + c + "|"))));
            for (int i = 0; i < stars; i++) {
              call.add(arg("-6", Value.of(-6L)));
            }
            call.add(a);
            oracle.call("printf", call, diffs);
          }
        }
      }
    }
    for (String e : List.of("printf('%*d', 2000000000, 1)", "printf('%2000000000d', 1)",
        "printf('%.2000000000s|', 'a')",
        "printf('%.*c|', 3, 'ab')", "printf('%-5.3c|', 'x')", "printf('%5.3c|', 'ü')",
        "printf('%!.30e', 0.1)", "printf('%!.25g', 1.0/3)", "printf('%.20e', 1e300)",
        "printf('%,d', -9223372036854775808)", "printf('%,015d', -123456)", "printf('%#,x', 255)",
        "printf('%d %s %f %%', 1, 'a', 2.5)", "printf('%s%', 'a')", "printf('%.3%|')",
        "printf('%-+ #0,!5.2lld|', 7)", "printf('%5!d|', 7)", "printf('%.5l', 1)",
        "printf('%llx %lx %hx', -1, 255, 1)", "printf('%08.3e|', -1e-300)",
        "printf('%#.0g|', 5)", "printf('%#g|', 0.0001)", "printf('%g|', 1e16)",
        "printf('%.16g|', 0.1)", "printf('%.17g|', 0.1)", "printf('%.18g|', 0.1)",
        "printf('%.0e|', 9.5)", "printf('%.0f|', 0.5)", "printf('%.0f|', 2.5)",
        "printf('%.1f|', 0.95)", "printf('%.15f|', 1e-10)", "printf('%.3f|', 999.9996)",
        "printf('%,.2f|', 1234567.891)", "printf('%,g|', 1234567.0)", "printf('%,e|', 1234.5)",
        "printf('%,.0f|', 1e20)", "printf('%d|', '  12xyz')", "printf('%s|', 1e-5)",
        "printf('%q|', 'a''b' || char(0) || 'c')", "printf('%w|', 'x\"y')",
        "printf('%z|', x'616263')", "printf('%c|', x'c3bc41')", "printf('%5c|', '😀')")) {
      diffs.add(oracle.compare("SELECT " + e, List.of(), 0));
    }
    diffs.removeIf(d -> d == null);
    for (String f : List.of("%*d|", "%-*d|", "%.*f|", "%*.*f|", "%.*s|", "%*s|", "%.*g|")) {
      for (Arg a : TWO) {
        for (Arg b : List.of(arg("1.5", Value.of(1.5)), text("abcdef"), arg("7", Value.of(7L)))) {
          oracle.call("format", List.of(text(f), a, b), diffs);
        }
      }
    }
    assertNone(diffs);
  }

  /**
   * Every aggregate, plain, with DISTINCT and with FILTER, over groups of every storage class,
   * integer overflow, infinities and Unicode; over each group alone, all groups, and none.
   */
  @Test
  void aggregates_plainDistinctFilter_matchSqlite() {
    List<String> diffs = new ArrayList<>();
    for (String sql : List.of("CREATE TABLE agg(k INTEGER, v)",
        "INSERT INTO agg VALUES (1, 1), (1, 2), (1, 2), (1, NULL), (1, 3.5),"
            + " (2, 'a'), (2, 'b'), (2, 'a'), (2, x'01'), (2, NULL),"
            + " (3, 9223372036854775807), (3, 1), (4, NULL),"
            + " (5, '10'), (5, '2abc'), (5, 1e308), (5, 1e308),"
            + " (6, -9223372036854775808), (6, -1), (7, 'Ünï'), (7, '日本語'), (7, '😀'),"
            + " (7, 'é'), (8, 1.5), (8, -1.5), (8, 0.1), (8, 0.2),"
            + " (9, 9223372036854775807), (9, 1), (9, -1), (10, 1e308), (10, -1e308),"
            + " (11, ''), (11, x''), (11, 0), (12, 1e999), (12, -1e999),"
            + " (13, 9223372036854775807), (13, 9223372036854775807), (13, 0.5)")) {
      diffs.add(oracle.compare(sql, List.of(), 0));
    }
    List<String> aggregates = List.of("count(v)", "count(*)", "sum(v)", "total(v)", "avg(v)",
        "max(v)", "min(v)", "group_concat(v)", "group_concat(v, '-')", "group_concat(v, NULL)",
        "group_concat(v, v)", "string_agg(v, '; ')", "string_agg(v)", "count(DISTINCT v)",
        "sum(DISTINCT v)", "total(DISTINCT v)", "avg(DISTINCT v)", "max(DISTINCT v)",
        "min(DISTINCT v)", "group_concat(DISTINCT v)", "group_concat(DISTINCT v, ',')",
        "string_agg(DISTINCT v, ',')", "count(*) FILTER (WHERE v IS NOT NULL)",
        "sum(v) FILTER (WHERE typeof(v) = 'integer')", "group_concat(v, '|') FILTER (WHERE v > 1)",
        "avg(v) FILTER (WHERE k > 100)", "count(DISTINCT v) FILTER (WHERE v <> 2)",
        "max(v) FILTER (WHERE typeof(v) <> 'text')", "total(v) FILTER (WHERE v < 0)",
        "sum(DISTINCT v) FILTER (WHERE v <> 1)", "string_agg(v, ?) FILTER (WHERE 1)",
        "group_concat(v, ?)", "sum(?)", "count(?)", "max(v, ?)", "count(v, v)", "sum()",
        "total(v, v)", "avg()", "count(DISTINCT *)", "typeof(sum(v))", "typeof(avg(v))");
    for (String agg : aggregates) {
      boolean bound = agg.contains("?");
      for (Arg p : bound ? List.of(text(","), arg("NULL", Value.NULL), arg("2", Value.of(2L)))
          : List.<Arg>of(arg("", Value.NULL))) {
        List<Value> params = bound ? List.of(p.value()) : List.of();
        int tolerance = 0;
        for (int k = 1; k <= 13; k++) {
          diffs.add(oracle.compare("SELECT " + agg + " FROM agg WHERE k = " + k, params, tolerance));
        }
        diffs.add(oracle.compare("SELECT k, " + agg + " FROM agg WHERE k NOT IN (3, 6, 9, 13)"
            + " GROUP BY k ORDER BY k", params, tolerance));
        diffs.add(oracle.compare("SELECT " + agg + " FROM agg", params, tolerance));
        diffs.add(oracle.compare("SELECT " + agg + " FROM agg WHERE 0", params, tolerance));
      }
    }
    diffs.removeIf(d -> d == null);
    assertNone(diffs);
  }

  static List<String> nonNull(String... diffs) {
    List<String> out = new ArrayList<>();
    for (String d : diffs) {
      if (d != null) {
        out.add(d);
      }
    }
    return out;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
