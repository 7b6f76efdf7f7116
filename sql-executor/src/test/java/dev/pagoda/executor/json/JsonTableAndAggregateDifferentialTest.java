package dev.pagoda.executor.json;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.executor.json.SqliteOracle.Outcome;
import dev.pagoda.spi.AggregateFunction;
import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential tests of json_each, json_tree (opened directly, compared row by row with {@code
 * SELECT * FROM json_each(?)}) and of json_group_array / json_group_object as aggregates and as
 * window functions over sliding frames.
 */
class JsonTableAndAggregateDifferentialTest {
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

  private void compare(String what, Outcome expected, Supplier<List<List<Value>>> ours) {
    Outcome actual;
    try {
      actual = Outcome.rows(ours.get());
    } catch (SqlException e) {
      actual = Outcome.error(e.getMessage());
    }
    compared++;
    if (!expected.equals(actual)) {
      mismatches.add(what + "\n    sqlite: " + expected + "\n    ours:   " + actual);
    }
  }

  private void assertAllAgree(int minimum) {
    String shown = String.join("\n", mismatches.subList(0, Math.min(30, mismatches.size())));
    assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + compared + " differ:\n" + shown);
    assertTrue(compared >= minimum, "only " + compared + " cases ran");
  }

  private static String show(Value... args) {
    StringBuilder sb = new StringBuilder();
    for (Value a : args) {
      sb.append(' ').append(Outcome.show(a).replace("\n", "\\n"));
    }
    return sb.toString();
  }

  @Test
  void eachAndTree_everyDocAndRoot_matchSqliteRowByRow() {
    List<Value> docs = JsonCases.docValues();
    docs.addAll(JsonCases.VALUES);
    List<Value> roots = new ArrayList<>();
    for (String p : JsonCases.PATHS) {
      roots.add(Value.of(p));
    }
    roots.add(Value.NULL);
    for (String fn : new String[] {"json_each", "json_tree"}) {
      for (Value doc : docs) {
        compare("SELECT * FROM " + fn + "(?) with" + show(doc),
            sqlite.query("SELECT * FROM " + fn + "(?)", doc), () -> JsonTestFunctions.rows(fn, doc));
        for (Value root : roots) {
          compare("SELECT * FROM " + fn + "(?, ?) with" + show(doc, root),
              sqlite.query("SELECT * FROM " + fn + "(?, ?)", doc, root),
              () -> JsonTestFunctions.rows(fn, doc, root));
        }
      }
    }
    assertAllAgree(5000);
  }

  /** Runs our aggregate over rows of arguments, as plain aggregate. */
  private static Value aggregate(String name, List<Value[]> rows) {
    AggregateFunction f = JsonTestFunctions.aggregate(name);
    AggregateFunction.Accumulator acc = f.newAccumulator(JsonTestFunctions.CTX);
    for (Value[] r : rows) {
      acc.step(Arguments.of(r));
    }
    return acc.finish();
  }

  /** Our window function over a frame of the current row and the one before it. */
  private static List<List<Value>> window(String name, List<Value[]> rows) {
    AggregateFunction f = JsonTestFunctions.aggregate(name);
    AggregateFunction.Accumulator acc = f.newAccumulator(JsonTestFunctions.CTX);
    List<List<Value>> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (i >= 2) {
        acc.inverse(Arguments.of(rows.get(i - 2)));
      }
      acc.step(Arguments.of(rows.get(i)));
      out.add(List.of(acc.value()));
    }
    return out;
  }

  private void loadRows(List<Value[]> rows) {
    try {
      sqlite.execute("DROP TABLE IF EXISTS t");
      sqlite.execute("CREATE TABLE t(i INTEGER PRIMARY KEY, k, v)");
      for (int i = 0; i < rows.size(); i++) {
        Value[] r = rows.get(i);
        Outcome o = sqlite.query("INSERT INTO t VALUES(?, ?, ?) RETURNING i", Value.of((long) i),
            r[0], r.length > 1 ? r[1] : Value.NULL);
        assertTrue(o.error == null, String.valueOf(o.error));
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void groupArrayAndObject_asAggregateAndWindow_matchSqlite() {
    List<Value> values = new ArrayList<>(JsonCases.VALUES);
    for (int start = 0; start < values.size(); start++) {
      for (int len : new int[] {0, 1, 3, 7}) {
        List<Value[]> arrayRows = new ArrayList<>();
        List<Value[]> objectRows = new ArrayList<>();
        for (int j = 0; j < len; j++) {
          Value v = values.get((start + j * 5) % values.size());
          arrayRows.add(new Value[] {v});
          Value key = j % 3 == 2 ? Value.NULL : Value.of("k" + j);
          objectRows.add(new Value[] {j == 1 ? Value.of((long) start) : key, v});
        }
        loadRows(objectRows);
        compareAggregate("json_group_array(v)", "json_group_array", arrayRows);
        compareAggregate("json_group_object(k, v)", "json_group_object", objectRows);
      }
    }
    assertAllAgree(300);
  }

  private void compareAggregate(String sqlCall, String name, List<Value[]> rows) {
    String what = sqlCall + " over " + rows.size() + " rows starting" + show(rows.isEmpty()
        ? new Value[0] : rows.get(0));
    Outcome plain = sqlite.query("SELECT " + sqlCall + " FROM t");
    compare(what, plain, () -> List.of(List.of(aggregate(name, rows))));
    Outcome win = sqlite.query("SELECT " + sqlCall
        + " OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t ORDER BY i");
    compare(what + " (window)", win, () -> window(name, rows));
  }
}
