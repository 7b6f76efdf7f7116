package dev.pagoda.parser;

import static dev.pagoda.parser.Ast.bin;
import static dev.pagoda.parser.Ast.col;
import static dev.pagoda.parser.Ast.error;
import static dev.pagoda.parser.Ast.num;
import static dev.pagoda.parser.Ast.select;
import static dev.pagoda.parser.Ast.stmt;
import static dev.pagoda.parser.Ast.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.parser.ast.Assignment;
import dev.pagoda.parser.ast.BinaryOp;
import dev.pagoda.parser.ast.ColumnRef;
import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.parser.ast.Delete;
import dev.pagoda.parser.ast.Explain;
import dev.pagoda.parser.ast.Insert;
import dev.pagoda.parser.ast.InsertSource;
import dev.pagoda.parser.ast.Join;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.parser.ast.RowValue;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.SortOrder;
import dev.pagoda.parser.ast.Statement;
import dev.pagoda.parser.ast.Subquery;
import dev.pagoda.parser.ast.TableRef;
import dev.pagoda.parser.ast.Update;
import dev.pagoda.parser.ast.Upsert;
import java.util.List;
import org.junit.jupiter.api.Test;

/** UPDATE, DELETE, and INSERT's upsert and RETURNING clauses. */
class DmlParserTest {
  // ---- UPDATE

  @Test
  void parse_update_minimal() {
    assertEquals(
        new Update(null, null, new TableRef(QualifiedName.of("t"), null),
            List.of(Assignment.of("a", num(1))), null, null, List.of(), List.of(), null, null),
        stmt("UPDATE t SET a = 1"));
  }

  @Test
  void parse_update_allClauses() {
    Update u = (Update) stmt("WITH c AS (SELECT 1) UPDATE OR IGNORE main.t AS x INDEXED BY i"
        + " SET a = 1, (b, a) = (2, 3) FROM p JOIN q ON p.k = q.k WHERE x.a > 0"
        + " RETURNING a, * ORDER BY a DESC LIMIT 5 OFFSET 2");
    assertTrue(u.with() != null);
    assertEquals(ConflictAction.IGNORE, u.orConflict());
    assertEquals(new TableRef(new QualifiedName("main", "t"), "x", "i", false), u.target());
    assertEquals(List.of(Assignment.of("a", num(1)),
        new Assignment(List.of("b", "a"), new RowValue(List.of(num(2), num(3))), true)), u.set());
    assertTrue(u.from() instanceof Join);
    assertEquals(bin(BinaryOp.GT, new ColumnRef(null, "x", "a", false), num(0)), u.where());
    assertEquals(2, u.returning().size());
    assertEquals(new ResultColumn.Star(), u.returning().get(1));
    assertEquals(List.of(new OrderingTerm(col("a"), SortOrder.DESC, null)), u.orderBy());
    assertEquals(num(5), u.limit());
    assertEquals(num(2), u.offset());
  }

  @Test
  void parse_update_limitCommaFormSwapsLikeSelect() {
    Update u = (Update) stmt("UPDATE t SET a = 1 LIMIT 2, 10");
    assertEquals(num(10), u.limit());
    assertEquals(num(2), u.offset());
  }

  @Test
  void parse_update_parenthesizedSingleColumnIsKeptApart() {
    Update u = (Update) stmt("UPDATE t SET (a) = (SELECT 1), b = (SELECT 2)");
    assertTrue(u.set().get(0).parenthesized());
    assertTrue(u.set().get(0).value() instanceof Subquery);
    assertEquals(List.of("b"), u.set().get(1).columns());
    assertEquals(false, u.set().get(1).parenthesized());
  }

  @Test
  void parse_update_notIndexedAndEqEq() {
    Update u = (Update) stmt("UPDATE t NOT INDEXED SET a == 1");
    assertTrue(u.target().notIndexed());
    assertEquals(Assignment.of("a", num(1)), u.set().get(0));
  }

  @Test
  void parse_update_rowValueWidthIsCheckedWhileParsing() {
    assertEquals("2 columns assigned 1 values", error("UPDATE t SET (a, b) = 1"));
    assertEquals("2 columns assigned 3 values", error("UPDATE t SET (a, b) = (1, 2, 3)"));
    assertEquals("near \"x\": syntax error", error("UPDATE t SET (a, b) = 1 x"));
    stmt("UPDATE t SET (a, b) = (SELECT 1)"); // a subquery's width is the engine's to check
  }

  @Test
  void parse_update_setListLimitCountsColumns() {
    // SQLITE_MAX_COLUMN is 2000 in sqlite-jdbc's SQLite; checked there by hand
    String ok = "UPDATE t SET " + String.join(", ", java.util.Collections.nCopies(2000, "a = 1"));
    assertEquals(2000, ((Update) stmt(ok)).set().size());
    assertEquals("too many columns in set list", error(ok + ", b = 2"));
    String vector = "(" + String.join(", ", java.util.Collections.nCopies(2001, "a")) + ")";
    assertEquals("too many columns in set list", error("UPDATE t SET " + vector + " = (SELECT 1)"));
  }

  @Test
  void parse_update_errors() {
    assertEquals("near \"x\": syntax error", error("UPDATE t x SET a = 1"));
    assertEquals("near \".\": syntax error", error("UPDATE t SET t.a = 1"));
    assertEquals("near \"RETURNING\": syntax error",
        error("UPDATE t SET a = 1 ORDER BY a LIMIT 1 RETURNING a"));
    assertEquals("incomplete input", error("UPDATE t SET a = 1,"));
  }

  // ---- DELETE

  @Test
  void parse_delete_minimal() {
    assertEquals(new Delete(null, new TableRef(QualifiedName.of("t"), null), null, List.of(),
        List.of(), null, null), stmt("DELETE FROM t"));
  }

  @Test
  void parse_delete_allClauses() {
    Delete d = (Delete) stmt(
        "WITH c AS (SELECT 1) DELETE FROM main.t AS x NOT INDEXED WHERE a IN c RETURNING a + 1"
            + " ORDER BY a LIMIT 1");
    assertTrue(d.with() != null);
    assertEquals(new TableRef(new QualifiedName("main", "t"), "x", null, true), d.target());
    assertEquals(List.of(new ResultColumn.ExprColumn(bin(BinaryOp.ADD, col("a"), num(1)), null,
        "a + 1")), d.returning());
    assertEquals(1, d.orderBy().size());
    assertEquals(num(1), d.limit());
    assertNull(d.offset());
  }

  @Test
  void parse_delete_errors() {
    assertEquals("near \"t\": syntax error", error("DELETE t"));
    assertEquals("near \"x\": syntax error", error("DELETE FROM t x"));
    assertEquals("near \"ORDER\": syntax error", error("DELETE FROM t LIMIT 1 ORDER BY a"));
    assertEquals("incomplete input", error("DELETE FROM t RETURNING"));
  }

  // ---- INSERT: upsert, RETURNING

  @Test
  void parse_insert_upsertChain() {
    Insert i = (Insert) stmt("INSERT INTO p AS n VALUES (1, 2)"
        + " ON CONFLICT (x COLLATE nocase DESC) WHERE x > 0 DO UPDATE SET y = excluded.y"
        + " WHERE n.y IS NULL ON CONFLICT (y) DO NOTHING ON CONFLICT DO NOTHING RETURNING x AS k");
    assertEquals(3, i.upserts().size());
    Upsert first = i.upserts().get(0);
    assertEquals(1, first.target().size());
    assertEquals(SortOrder.DESC, first.target().get(0).order());
    assertEquals(bin(BinaryOp.GT, col("x"), num(0)), first.targetWhere());
    assertEquals(List.of(Assignment.of("y", new ColumnRef(null, "excluded", "y", false))),
        first.set());
    assertTrue(first.where() != null);
    assertTrue(i.upserts().get(1).doNothing());
    assertEquals(new Upsert(List.of(), null, List.of(), null), i.upserts().get(2));
    assertEquals(List.of(new ResultColumn.ExprColumn(col("x"), "k")), i.returning());
  }

  @Test
  void parse_insert_defaultValuesTakesReturningButNoUpsert() {
    Insert i = (Insert) stmt("INSERT INTO t DEFAULT VALUES RETURNING *");
    assertEquals(new InsertSource.DefaultValues(), i.source());
    assertEquals(List.of(new ResultColumn.Star()), i.returning());
    assertEquals("near \"ON\": syntax error", error("INSERT INTO t DEFAULT VALUES ON CONFLICT DO"
        + " NOTHING"));
  }

  @Test
  void parse_insert_onlyTheLastUpsertMayOmitItsTarget() {
    assertEquals("near \"ON\": syntax error",
        error("INSERT INTO p VALUES (1, 2) ON CONFLICT DO NOTHING ON CONFLICT (x) DO NOTHING"));
    assertThrows(IllegalArgumentException.class, () -> new Insert(null, null,
        QualifiedName.of("t"), null, List.of(), new InsertSource.Values(List.of(List.of(num(1)))),
        List.of(new Upsert(List.of(), null, List.of(), null),
            new Upsert(List.of(OrderingTerm.of(col("a"))), null, List.of(), null)), List.of()));
  }

  @Test
  void parse_insertSelect_onAfterFromItemIsTheJoinConstraint() {
    // parse.y resolves the ambiguity in favour of the join: a WHERE is needed before ON CONFLICT
    assertEquals("near \"DO\": syntax error",
        error("INSERT INTO t SELECT * FROM u ON CONFLICT DO NOTHING"));
    assertEquals("near \"DO\": syntax error",
        error("INSERT INTO t SELECT * FROM u JOIN v ON CONFLICT DO NOTHING"));
    Insert i = (Insert) stmt("INSERT INTO t SELECT * FROM u WHERE true ON CONFLICT DO NOTHING");
    assertEquals(1, i.upserts().size());
    Select s = ((InsertSource.FromSelect) i.source()).select();
    assertEquals(select("SELECT * FROM u WHERE true"), s);
    assertEquals(1, ((Insert) stmt("INSERT INTO t SELECT 1 ON CONFLICT DO NOTHING"))
        .upserts().size());
    assertEquals(1, ((Insert) stmt("INSERT INTO t SELECT * FROM u JOIN v USING (a)"
        + " ON CONFLICT DO NOTHING")).upserts().size());
  }

  @Test
  void print_insertSelectWithUpsert_handBuiltGetsWhereTrue() {
    Select s = Select.of(List.of(new ResultColumn.Star()), new TableRef(QualifiedName.of("u"),
        null), null);
    Insert i = new Insert(null, null, QualifiedName.of("t"), null, List.of(),
        new InsertSource.FromSelect(s), List.of(new Upsert(List.of(), null, List.of(), null)),
        List.of());
    String printed = SqlPrinter.print(i);
    assertEquals("INSERT INTO t SELECT * FROM u WHERE true ON CONFLICT DO NOTHING", printed);
    assertEquals(1, ((Insert) stmt(printed)).upserts().size());
  }

  @Test
  void parse_explain_wrapsDml() {
    Explain e = (Explain) stmt("EXPLAIN QUERY PLAN DELETE FROM t");
    assertTrue(e.queryPlan());
    assertTrue(e.statement() instanceof Delete);
    assertTrue(((Explain) stmt("EXPLAIN UPDATE t SET a = 1")).statement() instanceof Update);
  }

  @Test
  void parse_parametersAreNumberedAcrossTheStatement() {
    ParsedStatement p = Parser.parseFirst(
        "UPDATE t SET a = ? WHERE b = :b RETURNING ?5, :b");
    assertEquals(5, p.parameterCount());
    assertEquals(":b", p.parameterNames().get(2));
  }

  static final String[] ROUND_TRIP = {
    "UPDATE t SET a = 1",
    "UPDATE OR ROLLBACK \"my t\" AS \"x y\" INDEXED BY \"i\" SET \"select\" = 'x', (a, b) ="
        + " (SELECT 1, 2), (c) = 3 FROM u, v LEFT JOIN w USING (k) WHERE a BETWEEN 1 AND 2"
        + " RETURNING *, a AS b, c + 1 ORDER BY a NULLS FIRST LIMIT 1, 2",
    "WITH RECURSIVE c(n) AS (VALUES (1)) UPDATE t NOT INDEXED SET a = (SELECT n FROM c)",
    "DELETE FROM t",
    "DELETE FROM main.t AS key WHERE key.a = -1 RETURNING key.* ORDER BY 1 LIMIT 10 OFFSET 1",
    "INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING",
    "INSERT OR FAIL INTO t AS n (a, b) SELECT * FROM u WHERE true ON CONFLICT (a, b COLLATE x)"
        + " WHERE a > 0 DO UPDATE SET (a, b) = (excluded.a, excluded.b) WHERE n.a <> 1"
        + " ON CONFLICT DO UPDATE SET a = 1 RETURNING a -- comment\n",
    "REPLACE INTO t DEFAULT VALUES RETURNING rowid AS \"id\"",
    "INSERT INTO t SELECT * FROM u JOIN v USING (a) ON CONFLICT DO NOTHING",
    "INSERT INTO t SELECT * FROM u JOIN v ON u.a = v.a ON CONFLICT DO NOTHING",
    "EXPLAIN QUERY PLAN UPDATE t SET a = 1 RETURNING a",
  };

  @Test
  void print_dml_roundTripsToEqualAst() {
    for (String sql : ROUND_TRIP) {
      Statement s = stmt(sql);
      String printed = SqlPrinter.print(s);
      assertEquals(s, stmt(printed), sql + " printed as " + printed);
      assertEquals(printed, SqlPrinter.print(stmt(printed)));
    }
  }

  @Test
  void print_dml_canonicalText() {
    assertEquals("UPDATE t AS x SET a = 1 WHERE b = 'q' RETURNING *",
        SqlPrinter.print(stmt("update t as x set a=1 where b='q' returning *")));
    assertEquals("DELETE FROM t LIMIT 1 OFFSET 2",
        SqlPrinter.print(stmt("delete from t limit 2, 1")));
    assertEquals("INSERT INTO t VALUES (1) ON CONFLICT (a) DO UPDATE SET b = 2 WHERE c",
        SqlPrinter.print(stmt("insert into t values(1) on conflict(a) do update set b=2 where c")));
    assertEquals(str("x"), ((Update) stmt("UPDATE t SET a = 'x'")).set().get(0).value());
  }
}
