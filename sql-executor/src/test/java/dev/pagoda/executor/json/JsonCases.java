package dev.pagoda.executor.json;

import dev.pagoda.spi.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The argument pools the differential tests combine. */
final class JsonCases {
  private JsonCases() {}

  /** JSON documents: well formed, JSON5, malformed, odd. */
  static final List<String> DOCS = List.of(
      "null", "true", "false", "0", "-0", "1", "-1", "2.50", "1e5", "1E+5", "-1.5e-3",
      "9223372036854775807", "9223372036854775808", "-9223372036854775808",
      "-9223372036854775809", "99999999999999999999", "1e400", "-1e400", "0.1",
      "\"\"", "\"abc\"", "\"a\\\"b\"", "\"\\u0041\\n\\t\"", "\"\\uD83D\\uDE00\"", "\"\\ud83d\"",
      "\"é😀\"", "\"\\/\\b\\f\\r\"", "[]", "{}", "[1,2,3]", "[1,[2,[3,[4]]]]",
      "{\"a\":1,\"b\":[1,2,{\"c\":null}],\"d\":{\"e\":\"x\"}}", "{\"a b\":1,\"a\\\"c\":2}",
      "{\"a\":1,\"a\":2}", "{\"\":0,\"x.y\":1,\"[0]\":2}", " [ 1 , 2 ] ", "\t\n{\"k\" : \"v\"}\r",
      "{a:1, 'b':'x\"y', c:0x1F, d:.5, e:5., f:+3, g:Infinity, h:-Infinity, i:NaN}",
      "['single', \"dq\"]", "[1,2,]", "{\"a\":1,}", "[1 /* c */, 2 // x\n]", "/* lead */ 1",
      "[0x10, -0x10, +0x1f, 0XaB, 0xFFFFFFFFFFFFFFFF, 0x8000000000000000]",
      "[-0x8000000000000000]", "[0xFFFFFFFFFFFFFFFFFF]", "[1.e2, -.5e3, +.5, +1, -Infinity]",
      "[inf, infinity, nan, QNaN, snan]", "\"\\x41\\'\\0\\v\"", "'it''s'", "\"a\\\nb\"",
      "{$a_1:1, _x:2, é:3}", "\u000b1", "\u00a01", "\ufeff[1]", "\"a\u0001b\tc\"",
      "", " ", "[", "]", "{", "[1,2", "{\"a\":}", "{\"a\" 1}", "{1:1}", "tru", "nulls", "[01]",
      "[-]", "[1.]", "[.]", "1e", "1e+", ".e1", "[1,,2]", "[,]", "{,}", "\"abc", "\"\\q\"",
      "\"\\u12\"", "[1] x", "\"é\" x", "--1", "{\"a\":1 \"b\":2}", "[1 2]", "/* open",
      "[\"\u0000\"]", "{\"a\":[1,2,3],\"b\":{\"c\":{\"d\":[{\"e\":5}]}}}",
      "[true,false,null,1.5e2,-0,\"s\",[],{}]",
      nest(999), nest(1000), nest(1001));

  /** Paths, good and bad. */
  static final List<String> PATHS = List.of(
      "$", "$.a", "$.b", "$.b[0]", "$.b[2].c", "$.d.e", "$.x", "$[0]", "$[1]", "$[2]", "$[9]",
      "$[#]", "$[#-1]", "$[#-2]", "$[#-9]", "$[#-0]", "$[-1]", "$[x]", "$[1", "$[]", "$[#-]",
      "$.\"a b\"", "$.a b", "$.\"a\\\"c\"", "$.\"a", "$.\"a\"x", "$.", "$..a", "$a", "a", "",
      "$.b[1]", "$.b[#-1].c", "$.\"\"", "$.x.y", "$.\"x.y\"", "$.\"[0]\"", "$[0][0]",
      "$[1][1][0]", "$.b.c", "$.a.b[0]", "$.$a_1", "$.é", "$.c", "$.d", "$.i", "$.n.m",
      "$.b[3]", "$.b[#].x", "$.b[3][0]", "$.b[#][#]", "$[#].a", "$.\"q\\\"r\".s", "$.d[0]",
      "$.n[0].m", "$.n[1]", "$[#][0]", "$[0].k", "$.\"\\u0061\"", "$.\"a\"[0]", "$ ", "$.a ");

  /** SQL values of every storage class. */
  static final List<Value> VALUES = List.of(
      Value.NULL, Value.of(0L), Value.of(1L), Value.of(-1L), Value.of(Long.MIN_VALUE),
      Value.of(Long.MAX_VALUE), Value.of(0.0), Value.of(-0.0), Value.of(1.5), Value.of(0.1),
      Value.of(0.1 + 0.2), Value.of(1e300), Value.of(1e-300), Value.of(1e16), Value.of(1e15),
      Value.of(123456789.123), Value.of(-2.5e-7), Value.of(Double.POSITIVE_INFINITY),
      Value.of(Double.NEGATIVE_INFINITY), Value.of(""), Value.of("a"), Value.of("a\"b\\c"),
      Value.of("é😀"), Value.of("\u0001\n\t\b\f\r\u001f\u007f\u2028"), Value.of("[1]"),
      Value.of("{\"a\":1}"), Value.of("null"), Value.of("1"), Value.of("'"),
      Value.of(new byte[0]), Value.of(new byte[] {0}), Value.of(new byte[] {1}),
      Value.of(new byte[] {0x13, 0x31}), Value.of("[1]".getBytes(StandardCharsets.UTF_8)),
      Value.of(new byte[] {(byte) 0xff, 0x00}), Value.of(new byte[] {0x0b}));

  /** Operands for -> and ->> beyond full paths: integers, labels, bracket steps. */
  static final List<Value> ARROW_OPERANDS = List.of(
      Value.of(0L), Value.of(1L), Value.of(2L), Value.of(-1L), Value.of(-3L), Value.of(1.0),
      Value.of("a"), Value.of("b"), Value.of("a b"), Value.of("x.y"), Value.of("[0]"),
      Value.of("[#-1]"), Value.of("[]"), Value.of("[0"), Value.of("1"), Value.of("a_b"),
      Value.of(""), Value.of("$a"), Value.NULL, Value.of("é"));

  static List<Value> docValues() {
    List<Value> out = new ArrayList<>();
    for (String d : DOCS) {
      out.add(Value.of(d));
    }
    return out;
  }

  static String nest(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }
}
