package dev.pagoda.executor.json;

import static dev.pagoda.executor.json.JsonTestFunctions.call;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.executor.json.SqliteOracle.Outcome;
import dev.pagoda.spi.Value;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential tests of the JSON scalar functions against sqlite-jdbc: each case runs {@code
 * SELECT f(?, ...)} on SQLite and calls our function with the same values; results must agree in
 * value and storage class, errors in message.
 */
class JsonScalarDifferentialTest {
  private static SqliteOracle sqlite;
  private final List<String> mismatches = new ArrayList<>();
  private int compared;

  @BeforeAll
  static void open() throws SQLException {
    sqlite = new SqliteOracle();
  }

  @AfterAll
  static void close() throws SQLException {
    sqlite.close();
  }

  private void check(String sql, Supplier<Value> ours, Value... args) {
    Outcome expected = sqlite.scalar(sql, args);
    Outcome actual = SqliteOracle.ours(ours);
    compared++;
    if (!expected.equals(actual)) {
      StringBuilder sb = new StringBuilder(sql).append(" with");
      for (Value a : args) {
        sb.append(' ').append(Outcome.show(a).replace("\n", "\\n"));
      }
      mismatches.add(sb + "\n    sqlite: " + expected + "\n    ours:   " + actual);
    }
  }

  private void checkCall(String fn, Value... args) {
    String marks = String.join(", ", java.util.Collections.nCopies(args.length, "?"));
    check("SELECT " + fn + "(" + marks + ")", () -> call(fn, args), args);
  }

  private void assertAllAgree(int minimum) {
    String shown = String.join("\n", mismatches.subList(0, Math.min(40, mismatches.size())));
    assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + compared + " differ:\n" + shown);
    assertTrue(compared >= minimum, "only " + compared + " cases ran");
  }

  private static List<Value> docsAndValues() {
    List<Value> all = new ArrayList<>(JsonCases.docValues());
    all.addAll(JsonCases.VALUES);
    return all;
  }

  @Test
  void oneArgumentFunctions_everyDocAndValue_matchSqlite() {
    String[] fns = {"json", "json_valid", "json_error_position", "json_type",
        "json_array_length", "json_pretty", "json_quote", "json_array", "json_extract"};
    for (String fn : fns) {
      for (Value v : docsAndValues()) {
        checkCall(fn, v);
      }
    }
    assertAllAgree(1000);
  }

  @Test
  void jsonValid_everyFlag_matchesSqlite() {
    for (Value v : docsAndValues()) {
      for (long flags = -1; flags <= 16; flags++) {
        checkCall("json_valid", v, Value.of(flags));
      }
      checkCall("json_valid", v, Value.NULL);
      checkCall("json_valid", v, Value.of("2"));
    }
    assertAllAgree(2000);
  }

  @Test
  void pathFunctions_everyDocAndPath_matchSqlite() {
    List<Value> docs = JsonCases.docValues();
    docs.addAll(JsonCases.VALUES);
    List<Value> paths = new ArrayList<>();
    for (String p : JsonCases.PATHS) {
      paths.add(Value.of(p));
    }
    paths.add(Value.NULL);
    paths.add(Value.of(1L));
    for (Value doc : docs) {
      for (Value path : paths) {
        checkCall("json_extract", doc, path);
        checkCall("json_type", doc, path);
        checkCall("json_array_length", doc, path);
      }
    }
    assertAllAgree(10000);
  }

  @Test
  void arrowOperators_everyDocAndOperand_matchSqlite() {
    List<Value> operands = new ArrayList<>(JsonCases.ARROW_OPERANDS);
    for (String p : JsonCases.PATHS) {
      operands.add(Value.of(p));
    }
    for (Value doc : JsonCases.docValues()) {
      for (Value op : operands) {
        check("SELECT ? -> ?", () -> call("->", doc, op), doc, op);
        check("SELECT ? ->> ?", () -> call("->>", doc, op), doc, op);
      }
    }
    assertAllAgree(5000);
  }

  @Test
  void extractSeveralPaths_matchesSqlite() {
    List<String> paths = JsonCases.PATHS;
    for (Value doc : JsonCases.docValues()) {
      for (int i = 0; i < paths.size(); i += 3) {
        Value a = Value.of(paths.get(i));
        Value b = Value.of(paths.get((i * 7 + 5) % paths.size()));
        checkCall("json_extract", doc, a, b);
        checkCall("json_extract", doc, a, b, Value.NULL);
      }
    }
    assertAllAgree(1000);
  }

  @Test
  void builders_everyValue_matchSqlite() {
    List<Value> values = docsAndValues();
    for (Value v : values) {
      checkCall("json_object", Value.of("k"), v);
      checkCall("json_object", v, Value.of(1L));
      checkCall("json_array", v, Value.of(2L), v);
      checkCall("json_pretty", v, Value.of("\t"));
      checkCall("json_pretty", v, Value.NULL);
    }
    for (Value v : JsonCases.VALUES) {
      for (Value w : JsonCases.VALUES) {
        checkCall("json_array", v, w);
        checkCall("json_object", Value.of("a"), v, Value.of("b"), w);
      }
    }
    checkCall("json_array");
    checkCall("json_object");
    checkCall("json_object", Value.of("a"));
    checkCall("json_object", Value.of("a"), Value.of(1L), Value.of("b"));
    assertAllAgree(1500);
  }

  @Test
  void edits_everyDocPathAndValue_matchSqlite() {
    Value[] values = {Value.of(9L), Value.of("s"), Value.NULL, Value.of(2.5), Value.of("[1]")};
    for (Value doc : JsonCases.docValues()) {
      for (String p : JsonCases.PATHS) {
        Value path = Value.of(p);
        for (String fn : new String[] {"json_set", "json_insert", "json_replace"}) {
          checkCall(fn, doc, path, values[(p.length() + fn.length()) % values.length]);
        }
        checkCall("json_remove", doc, path);
        checkCall("json_set", doc, path, Value.of(1L), Value.of("$.zz"), Value.of(2L));
        checkCall("json_remove", doc, path, Value.of("$[0]"));
      }
      checkCall("json_set", doc);
      checkCall("json_set", doc, Value.of("$"));
      checkCall("json_insert", doc, Value.NULL, Value.of(1L));
      checkCall("json_remove", doc);
      checkCall("json_remove", doc, Value.NULL);
    }
    assertAllAgree(10000);
  }

  @Test
  void patch_everyPairOfDocs_matchesSqlite() {
    List<Value> docs = JsonCases.docValues().subList(0, 60);
    List<Value> patches = new ArrayList<>(docs);
    patches.add(Value.of("{\"a\":null,\"b\":{\"c\":1,\"z\":null},\"n\":{\"m\":null,\"o\":1}}"));
    patches.add(Value.of("{\"a\":{\"x\":1}}"));
    patches.add(Value.of("{\"a\\u0020b\":5, \"a b\":6}"));
    for (Value t : docs) {
      for (Value p : patches) {
        checkCall("json_patch", t, p);
      }
    }
    assertAllAgree(3000);
  }

  /** SQLite's JSON subtype: JSON function results nest as JSON, plain text as strings. */
  @Test
  void nestedCalls_subtypeRule_matchesSqlite() {
    List<Value> docs = JsonCases.docValues();
    for (Value d : docs) {
      check("SELECT json_array(json(?))", () -> call("json_array", call("json", d)), d);
      check("SELECT json_array(?)", () -> call("json_array", d), d);
      check("SELECT json_object('k', json_extract(?, '$[0]'))",
          () -> call("json_object", Value.of("k"), call("json_extract", d, Value.of("$[0]"))),
          d);
      check("SELECT json_array(? -> '$.b')",
          () -> call("json_array", call("->", d, Value.of("$.b"))), d);
      check("SELECT json_array(? ->> '$.b')",
          () -> call("json_array", call("->>", d, Value.of("$.b"))), d);
      check("SELECT json_set('{}', '$.a', json_extract(?, '$', '$'))",
          () -> call("json_set", Value.of("{}"), Value.of("$.a"),
              call("json_extract", d, Value.of("$"), Value.of("$"))), d);
      check("SELECT json_quote(json(?))", () -> call("json_quote", call("json", d)), d);
      check("SELECT json_array(json_pretty(?))",
          () -> call("json_array", call("json_pretty", d)), d);
    }
    for (Value v : JsonCases.VALUES) {
      check("SELECT json_array(json_array(?), json_object('x', json_quote(?)))",
          () -> call("json_array", call("json_array", v),
              call("json_object", Value.of("x"), call("json_quote", v))), v, v);
    }
    assertAllAgree(700);
  }

  /** JSONB blobs as SQLite's jsonb() makes them are read wherever JSON is. */
  @Test
  void jsonbBlobsFromSqlite_readAsJson() {
    for (Value d : JsonCases.docValues()) {
      Outcome blob = sqlite.scalar("SELECT jsonb(?)", d);
      if (blob.error != null) {
        continue;
      }
      Value b = blob.rows.get(0).get(0);
      checkCall("json", b);
      checkCall("json_valid", b, Value.of(4L));
      checkCall("json_array", b);
      for (String p : JsonCases.PATHS.subList(0, 20)) {
        checkCall("json_extract", b, Value.of(p));
      }
    }
    assertAllAgree(1000);
  }
}
