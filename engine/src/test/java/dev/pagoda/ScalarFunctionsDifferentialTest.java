package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the scalar function library: every function over a table of argument
 * cases (NULL, each storage class, empty text and blob, extremes, fractions, Unicode), value,
 * storage class and error text compared with SQLite's.
 *
 * <p>Deliberate differences (not compared here):
 *
 * <ul>
 *   <li>{@code sqlite_version()}: Pagoda reports 3.46.1, the release it follows; the oracle is
 *       whatever sqlite-jdbc bundles.
 *   <li>{@code random()}, {@code randomblob()}: only their storage class and length are compared.
 *   <li>{@code char()} of a UTF-16 surrogate code point (U+D800..U+DFFF): SQLite writes the
 *       ill-formed 3-byte sequence; a Java string cannot carry it to UTF-8.
 * </ul>
 */
class ScalarFunctionsDifferentialTest {
  private static ExprOracle oracle;

  /** Arguments of every storage class and the edge cases of each. */
  static final List<String> ARGS = List.of(
      "NULL", "0", "1", "-1", "7", "9223372036854775807", "-9223372036854775808", "1.5", "-2.5",
      "0.1", "1e308", "-1e308", "3.0", "''", "'abc'", "'ABC'", "' 12 '", "'12abc'", "'-3.5e2'",
      "'Ünïcödé'", "'😀x'", "x''", "x'00ff'", "x'616263'");

  /** A smaller pool for functions of two or three arguments. */
  static final List<String> FEW = List.of(
      "NULL", "0", "2", "-2", "9223372036854775807", "1.5", "''", "'abc'", "'Ünï'", "x'6162'");

  static final List<String> UNARY = List.of(
      "abs", "char", "hex", "length", "octet_length", "lower", "upper", "ltrim", "rtrim", "trim",
      "quote", "round", "sign", "typeof", "unhex", "unicode", "likely", "unlikely", "concat",
      "printf", "format", "zeroblob");

  static final List<String> BINARY = List.of(
      "instr", "ltrim", "rtrim", "trim", "round", "substr", "substring", "nullif", "ifnull",
      "coalesce", "max", "min", "like", "glob", "concat", "concat_ws", "unhex", "iif");

  @BeforeAll
  static void open() {
    oracle = new ExprOracle();
  }

  @AfterAll
  static void close() {
    oracle.close();
  }

  @Test
  void unaryFunctions_overEveryArgument_matchSqlite() {
    List<String> cases = new ArrayList<>();
    for (String f : UNARY) {
      for (String a : ARGS) {
        if (!(f.equals("zeroblob") && a.startsWith("9"))) {
          cases.add(f + "(" + a + ")");
        }
      }
    }
    oracle.assertSameAsSqlite(cases);
  }

  @Test
  void binaryFunctions_overArgumentPairs_matchSqlite() {
    List<String> cases = new ArrayList<>();
    for (String f : BINARY) {
      for (String a : FEW) {
        for (String b : FEW) {
          cases.add(f + "(" + a + ", " + b + ")");
        }
      }
    }
    oracle.assertSameAsSqlite(cases);
  }

  @Test
  void ternaryFunctions_matchSqlite() {
    List<String> cases = new ArrayList<>();
    List<String> texts = List.of("'abcdef'", "'Ünïcödé'", "x'0102030405'", "12345", "NULL", "''");
    List<String> ints = List.of("0", "1", "2", "-1", "-2", "3", "-10", "10", "NULL", "1.9",
        "9223372036854775807", "-9223372036854775808");
    for (String t : texts) {
      for (String p : ints) {
        cases.add("substr(" + t + ", " + p + ")");
        for (String n : ints) {
          cases.add("substr(" + t + ", " + p + ", " + n + ")");
        }
      }
    }
    for (String a : FEW) {
      for (String b : FEW) {
        cases.add("replace('a2b2c', " + a + ", " + b + ")");
        cases.add("iif(" + a + ", " + b + ", 'no')");
        cases.add("max(" + a + ", " + b + ", 1)");
        cases.add("min(" + a + ", " + b + ", 'x')");
        cases.add("concat_ws('-', " + a + ", " + b + ", 3)");
      }
    }
    oracle.assertSameAsSqlite(cases);
  }

  @Test
  void handPickedCalls_matchSqlite() {
    oracle.assertSameAsSqlite(List.of(
        "abs(-9223372036854775808)", "abs(9223372036854775807)", "abs(-0.0)", "abs('-5')",
        "abs(' 7')", "abs(1, 2)", "abs()", "nosuch(1)", "lower()", "substr('abc')",
        "coalesce(1)", "coalesce(NULL, NULL, 3)", "coalesce(NULL, 2, abs(-9223372036854775808))",
        "ifnull(NULL, NULL)", "iif(0, 1, 1, 2, 3)", "iif(0, 1, 0, 2)", "iif(1)", "iif(NULL, 1, 2)",
        "nullif(1, '1')", "nullif('a', 'A')", "nullif(1.0, 1)", "typeof(nullif(1.0, 1))",
        "char()", "char(65, 0x1F600, NULL, 'a', -1)", "char(0x110000)", "char(0x20AC, 97)",
        "unicode('😀')", "concat()", "concat_ws(',')", "concat(NULL, 1, 'a', 1.5, x'41')",
        "concat_ws(NULL, 1, 2)", "instr('abcabc', 'ca')", "instr(x'010203', x'02')",
        "instr(x'010203', 'b')", "instr('Ünïcödé', 'c')", "length('a' || x'00' || 'b')",
        "length(-9223372036854775808)", "length(1e308)", "octet_length('😀')",
        "trim('xyxay', 'xy')", "trim('Üaü', 'Ü')", "rtrim(1.50, '0')", "trim('  ', '')",
        "replace('abc', '', 'x')", "replace('aaa', 'a', 'bb')", "replace(123, 2, 9)",
        "round(2.5)", "round(-2.5)", "round(0.5)", "round(1.005, 2)", "round(2.675, 2)",
        "round(1e300, 2)", "round(1234.5, -1)", "round(0.49999999999999994)", "round(-1.25, 1)",
        "round(1.15, 1)", "round(3.14159, 100)", "round(0.5e-300, 400)", "round(1.0e-10, 5)",
        "round(9223372036854775807)", "round(123.456, 2)", "round(-0.4)", "round(5, 2)",
        "sign('1e3')", "sign(' 7 ')", "sign(-0.0)", "hex(-1.5e10)", "hex(1e100)",
        "quote(1e20)", "quote(123456789.123)", "quote(0.30000000000000004)", "quote(-1.5)",
        "unhex('41 42', ' ')", "unhex(' 4142', ' ')", "unhex('4 142', ' ')", "unhex('41', NULL)",
        "unhex('4x', 'x')", "unhex('ÜÜ41', 'Ü')", "zeroblob(-1)", "zeroblob(2000000000)",
        "likelihood(1, 0.5)", "likelihood(1, 2)", "likelihood(1, 'a')", "likelihood(1, 1)",
        "likelihood(NULL, 0.0)", "max('a' COLLATE NOCASE, 'B')", "max('a', 'B' COLLATE NOCASE)",
        "min('a' COLLATE NOCASE, 'B')", "max('ab ' COLLATE RTRIM, 'ab')", "max(1, 1.0)",
        "min(1, 1.0)", "max(1.0, 1)", "max(1, '2', x'00')", "min(1, '2', x'00')",
        "max(1, NULL, 2)", "min('a', 'b', 'B')", "typeof(random())", "length(randomblob(0))",
        "length(randomblob(-5))", "length(randomblob(3))", "typeof(randomblob(3))",
        "typeof(sqlite_version())", "like('a%', 'abc')", "like('a', 'b', 'c', 'd')",
        "like('a\\%', 'a%', '\\')", "like('ab', 'ab', 'xy')", "like('a', 'a', NULL)",
        "glob('a', 'b', 'c')", "abs(1 ORDER BY 1)", "unhex(x'00ff')", "unicode(x'00ff')",
        "printf(x'00ff')", "printf('%s', x'00ff')", "printf('%s%s', '', '')",
        "replace('abc', '', NULL)", "substr('abc', -9223372036854775808)",
        "substr('abcdef', -9223372036854775808, 9223372036854775807)"));
  }

  /**
   * Aggregate calls in a SELECT without FROM run as a one-row aggregate, as in SQLite; a scalar
   * function with OVER is refused with SQLite's message.
   */
  @Test
  void aggregateCalls_runAsOneRowAggregates_windowCallsRefused() {
    for (String agg : List.of("sum(1)", "count(*)", "max(1)", "min(2)", "avg(1)", "total(1)",
        "group_concat('a')", "string_agg('a', ',')", "count(DISTINCT 1)", "abs(DISTINCT 1)")) {
      assertEquals(oracle.sqlite(agg), oracle.pagoda(agg), agg);
    }
    assertEquals(oracle.sqlite("abs(-1) OVER ()"), oracle.pagoda("abs(-1) OVER ()"));
  }

  @Test
  void printf_conversionsFlagsWidthsPrecisions_matchSqlite() {
    List<String> cases = new ArrayList<>(List.of(
        "printf('%5.2f|%-5d|%05d|%+d|%x|%X|%o|%e|%g|%c|%q|%Q|%w|%%', 3.14159, 42, 42, 42, 255,"
            + " 255, 8, 12345.678, 0.0001, 'hello', 'it''s', 'it''s', 'a\"b')",
        "printf('%s %d', 'a')", "printf()", "printf(NULL)", "printf('')", "printf('%!d', 1)",
        "printf('%,d', 1234567)", "printf('%,d', -1234567)", "printf('%.3s', 'abcdef')",
        "printf('%10s|', 'ab')", "printf('%-10s|', 'ab')", "printf('%g', 1e100)",
        "printf('%g', 100000.0)", "printf('%g', 1000000.0)", "printf('%#x', 255)",
        "printf('%#x', 0)", "printf('%i', 3.9)", "printf('%d', '12abc')", "printf('%u', -1)",
        "printf('%f', 1e20)", "printf('%z', 1)", "printf('%', 1)", "printf('%5', 1)",
        "printf('a%5', 1)", "printf('ab%')", "printf('%k', 1)", "printf('%.2e', 0)",
        "printf('%e', -0.0)", "printf('%g', 0)", "printf('%.0f', 0.5)", "printf('%.0f', 1.5)",
        "printf('%.0f', 2.5)", "printf('%w', NULL)", "printf('%q', NULL)", "printf('%Q', NULL)",
        "printf('%s', NULL)", "printf('%d', NULL)", "printf('%c', 'xyz')", "printf('%5c|', 'x')",
        "printf('%f', 1e400)", "printf('%f', -1e400)", "printf('%e', 1e400)",
        "printf('%g', 1e400)", "printf('%d', 1e400)", "printf('%.20f', 0.1)",
        "printf('%.3g', 1234.5)", "printf('%#g', 1.0)", "printf('%g', 1.5e-5)",
        "printf('%G', 1.5e-5)", "printf('%E', 1.5)", "printf('%.2s|', 'Ünï')",
        "printf('%5s|', 'Ü')", "printf('%!.2s|', 'Ünï')", "printf('% d', 5)",
        "printf('%+.3d', 5)", "printf('%-+6d|', 5)", "printf('%06.2f', -1.5)", "printf('%x', -1)",
        "printf('%o', -1)", "printf('%#o', 8)", "printf('%*d', 5, 1)", "printf('%.*f', 2, 3.14159)",
        "printf('%-*d|', 4, 1)", "printf('%lld %ld', 1, 2)", "printf('%lld %ld %hd', 1, 2, 3)",
        "printf('%d', 9223372036854775807)", "printf('%d', -9223372036854775808)",
        "printf('%s', 1.5)", "printf('%s', x'4142')", "printf('%d', 'abc')",
        "printf('%f', 'abc')", "printf('%.0e', 12345)", "printf('%10.3e|', 1.0)",
        "printf('%s', '')", "format('%d-%s', 1, 'x')", "printf('%.15g', 0.1)",
        "printf('%.17g', 0.1)", "printf('%.10f', 1.0/3)", "printf('%g', 123456789.0)",
        "printf('%g', 0.000123456)", "printf('%#.3x', 10)", "printf('%08.3f', 3.14159)",
        "printf('%-8.3f|', 3.14159)", "printf('%+.2e', 12345.6789)", "printf('%5.1s|', 'abc')",
        "printf('%.1f', 0.05)", "printf('%.1f', 0.25)", "printf('%.2f', 1.005)",
        "printf('%d%%', 50)", "printf('%c%c', 'a', 'b')", "printf('%q', 'a''b''c')",
        "printf('%Q', 'x')", "printf('%.3c', 'x')", "printf('%r|%r|%r|%r|%r|%r', 1, 2, 3, 4, 11, 22)",
        "printf('%p', 255)", "printf('%n', 1)", "printf('a%nb', 1)", "printf('%T', 1)",
        "printf('%S', 1)", "printf('%5r|', 3)", "printf('%.3q', 'abcdef')",
        "printf('%.3Q', 'abcdef')", "printf('%10q|', 'ab')", "printf('%-4c|', 'ab')",
        "printf('%04s', 'ab')", "printf('%,x', 123456)", "printf('%,.2f', 1234567.5)",
        "printf('%+s', 'a')", "printf('%#s', 'a')", "printf('%0-5d|', 1)", "printf('%.0g', 123)",
        "printf('%#.0f', 1)", "printf('%#.0e', 1)", "printf('%g', 1e-5)",
        "printf('%g', 123456.5)", "printf('%g', 1234567.5)", "printf('%c', '')",
        "length(printf('%c', ''))", "printf('%.0s|', 'a')", "printf('%d %d', 1)",
        "printf('%s %s')", "printf('%.40f', 1.0/3)", "printf('%08.2e', -1.5)",
        "printf('%+08d', 42)", "printf('%-08d|', -42)", "printf('%x', 0)", "printf('%#o', 0)",
        "printf('%.0f', -0.5)", "printf('%.3f', -0.0004)", "printf('%5.1f|', 9.96)",
        "printf('%e', 9.9999999e-5)", "printf('%g', 9.9999999e-5)", "printf('%.2g', 0.000995)"));
    for (String a : ARGS) {
      for (String f : List.of("%d", "%s", "%f", "%g", "%x", "%q", "%Q", "%e")) {
        cases.add("printf('" + f + "', " + a + ")");
      }
    }
    oracle.assertSameAsSqlite(cases);
  }

  @Test
  void sqliteVersion_isA346Release() {
    assertEquals("text:3.46.1", oracle.pagoda("sqlite_version()"));
  }
}
