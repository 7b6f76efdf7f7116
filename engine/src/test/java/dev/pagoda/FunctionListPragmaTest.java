package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.spi.AggregateFunction;
import dev.pagoda.spi.Arity;
import dev.pagoda.spi.FunctionFlag;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.Value;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code PRAGMA function_list} against sqlite-jdbc: every function both have (by name and
 * argument count) must agree on builtin, type, enc and flags, SQLite's subtype bits aside (Pagoda's
 * SPI has none); functions only one side has are tolerated. A connection's and a plug-in's
 * functions are listed with builtin 0.
 */
class FunctionListPragmaTest {
  private static final String SQL =
      "SELECT name, narg, builtin, type, enc, flags FROM pragma_function_list";
  /** SQLITE_SUBTYPE and SQLITE_RESULT_SUBTYPE. */
  private static final long SUBTYPE_BITS = 0x100000 | 0x1000000;
  /**
   * Deliberate differences: Pagoda's sqlite_version() is deterministic within a statement; SQLite
   * flags its JSON aggregates DETERMINISTIC but not its core ones, where Pagoda lists every
   * built-in aggregate alike, without it.
   */
  private static final Set<String> KNOWN =
      Set.of("sqlite_version/0", "json_group_array/1", "json_group_object/2");

  private Database db;
  private Connection conn;

  @BeforeEach
  void open() {
    db = Database.openInMemory();
    conn = db.connect();
  }

  @AfterEach
  void close() {
    conn.close();
    db.close();
  }

  /** name/narg to builtin|type|enc|flags. */
  private static Map<String, String> sqlite() throws SQLException {
    Map<String, String> out = new TreeMap<>();
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SQL)) {
      while (rs.next()) {
        out.put(rs.getString(1) + "/" + rs.getInt(2), rs.getInt(3) + "|" + rs.getString(4) + "|"
            + rs.getString(5) + "|" + (rs.getLong(6) & ~SUBTYPE_BITS));
      }
    }
    return out;
  }

  private Map<String, String> pagoda() {
    Map<String, String> out = new TreeMap<>();
    try (PreparedStatement ps = conn.prepare(SQL); Rows r = ps.query()) {
      while (r.next()) {
        String key = r.getString(0) + "/" + r.getLong(1);
        String previous = out.put(key, r.getLong(2) + "|" + r.getString(3) + "|"
            + r.getString(4) + "|" + r.getLong(5));
        assertEquals(null, previous, "listed twice: " + key);
      }
    }
    return out;
  }

  @Test
  void sharedBuiltins_agreeWithSqlite() throws SQLException {
    Map<String, String> expected = sqlite();
    Map<String, String> actual = pagoda();
    List<String> differences = new ArrayList<>();
    int shared = 0;
    for (Map.Entry<String, String> e : expected.entrySet()) {
      String mine = actual.get(e.getKey());
      if (mine != null && !KNOWN.contains(e.getKey())) {
        shared++;
        if (!mine.equals(e.getValue())) {
          differences.add(e.getKey() + " sqlite " + e.getValue() + " pagoda " + mine);
        }
      }
    }
    assertEquals(List.of(), differences);
    assertTrue(shared > 120, "only " + shared + " functions in common");
  }

  @Test
  void statementAndTableForms_sameRows() {
    List<String> statement = Sql.column(conn, "PRAGMA function_list");
    List<String> table = Sql.column(conn, "SELECT name FROM pragma_function_list");
    assertEquals(statement, table);
  }

  @Test
  void connectionFunction_listedNotBuiltin() {
    conn.createFunction(ScalarFunction.of("twice", Arity.exactly(1),
        (ctx, args) -> Value.of(args.getLong(0) * 2)));
    conn.createFunction(ScalarFunction.of("noisy", Arity.range(1, 2),
        Set.of(FunctionFlag.DIRECT_ONLY), (ctx, args) -> Value.NULL));
    assertEquals(List.of("twice|1|0|s|utf8|2048"), rows("name = 'twice'"));
    assertEquals(List.of("noisy|1|0|s|utf8|524288", "noisy|2|0|s|utf8|524288"),
        rows("name = 'noisy'"));
  }

  @Test
  void replacedBuiltin_listedAsTheConnections() {
    conn.createFunction(ScalarFunction.of("lower", Arity.exactly(1), Set.of(),
        (ctx, args) -> args.get(0)));
    assertEquals(List.of("lower|1|0|s|utf8|0"), rows("name = 'lower'"));
    assertEquals(List.of("upper|1|1|s|utf8|2099200"), rows("name = 'upper'"));
  }

  @Test
  void aggregates_typeW_windowOnly_typeW() {
    assertEquals(List.of("sum|1|1|w|utf8|2097152"), rows("name = 'sum'"));
    assertEquals(List.of("row_number|0|1|w|utf8|2097152"), rows("name = 'row_number'"));
  }

  @Test
  void pluginAggregate_notBuiltin_keepsItsFlags() {
    conn.createFunction(new AggregateFunction() {
      @Override
      public String name() {
        return "mine";
      }

      @Override
      public Arity arity() {
        return Arity.exactly(1);
      }

      @Override
      public Accumulator newAccumulator(dev.pagoda.spi.FunctionContext ctx) {
        throw new AssertionError("not called");
      }
    });
    assertEquals(List.of("mine|1|0|w|utf8|2048"), rows("name = 'mine'"));
  }

  private List<String> rows(String where) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = conn.prepare("SELECT name, narg, builtin, type, enc, flags"
        + " FROM pragma_function_list WHERE " + where + " ORDER BY narg");
        Rows r = ps.query()) {
      while (r.next()) {
        out.add(r.getString(0) + "|" + r.getLong(1) + "|" + r.getLong(2) + "|" + r.getString(3)
            + "|" + r.getString(4) + "|" + r.getLong(5));
      }
    }
    return out;
  }
}
