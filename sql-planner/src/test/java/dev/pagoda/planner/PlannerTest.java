package dev.pagoda.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.parser.ParsedStatement;
import dev.pagoda.parser.Parser;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.planner.plan.BinaryOp;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {
  /** A catalog of tables created from CREATE TABLE text, root pages numbered from 2. */
  private static final class TestCatalog implements Catalog {
    private final Map<String, TableSchema> tables = new HashMap<>();

    TestCatalog with(String createSql) {
      CreateTable ast = (CreateTable) Parser.parseFirst(createSql).statement();
      TableSchema t = SchemaBuilder.fromCreateTable(ast, createSql, tables.size() + 2);
      tables.put(TableSchema.key(t.name()), t);
      return this;
    }

    @Override
    public TableSchema table(String name) {
      return tables.get(TableSchema.key(name));
    }

    @Override
    public Collection<TableSchema> tables() {
      return tables.values();
    }

    @Override
    public List<IndexSchema> indexes(String table) {
      return List.of();
    }

    @Override
    public IndexSchema index(String name) {
      return null;
    }
  }

  private static Plan plan(String sql, Catalog catalog) {
    ParsedStatement parsed = Parser.parseFirst(sql);
    return Planner.plan(parsed, sql, catalog);
  }

  private static TableSchema schema(String sql) {
    return SchemaBuilder.fromCreateTable((CreateTable) Parser.parseFirst(sql).statement(), sql, 2);
  }

  /**
   * Window calls: one Window node per distinct PARTITION BY and ORDER BY, over the aggregate's
   * output, each call a column after the row it extends; the projection reads those columns.
   */
  @Test
  void windowCalls_planWindowNodesOverTheGroupedRows() {
    TestCatalog catalog = new TestCatalog().with("CREATE TABLE t(a, b)");
    Plan.Query q = (Plan.Query) plan("SELECT a, sum(b) OVER w, count(*) OVER (w ROWS 1 PRECEDING),"
        + " max(sum(b)) OVER (ORDER BY a) FROM t GROUP BY a WINDOW w AS (PARTITION BY a)", catalog);
    PlanNode.Project project = assertInstanceOf(PlanNode.Project.class, q.root());
    // The first call's window is the outermost: its order is the rows' order, as in SQLite.
    PlanNode.Window outer = assertInstanceOf(PlanNode.Window.class, project.input());
    PlanNode.Window inner = assertInstanceOf(PlanNode.Window.class, outer.input());
    PlanNode.Aggregate agg = assertInstanceOf(PlanNode.Aggregate.class, inner.input());
    int base = agg.width();
    assertEquals(List.of("sum", "count"), outer.calls().stream().map(c -> c.name()).toList());
    assertEquals(1, outer.partitionBy().size());
    assertEquals(dev.pagoda.parser.ast.WindowFrame.Unit.ROWS, outer.calls().get(1).frame().unit());
    assertEquals(1, inner.orderBy().size());
    assertEquals(List.of(base + 1, base + 2, base), project.expressions().subList(1, 4).stream()
        .map(e -> ((BoundExpr.Column) e).index()).toList());
  }

  @Test
  void windowCalls_whereNotAllowedOrMalformed_failAsSqlite() {
    TestCatalog catalog = new TestCatalog().with("CREATE TABLE t(a, b)");
    for (String[] c : new String[][] {
        {"SELECT a FROM t WHERE sum(a) OVER () > 1", "misuse of window function sum()"},
        {"SELECT sum(a) FROM t GROUP BY a HAVING sum(a) OVER () > 1",
            "misuse of window function sum()"},
        {"SELECT sum(a) OVER w FROM t", "no such window: w"},
        {"SELECT sum(a) OVER (w ORDER BY b) FROM t WINDOW w AS (ORDER BY a)",
            "cannot override ORDER BY clause of window: w"},
        {"SELECT abs(a) OVER () FROM t", "abs() may not be used as a window function"},
        {"SELECT sum(a) OVER (RANGE 1 PRECEDING) FROM t",
            "RANGE with offset PRECEDING/FOLLOWING requires one ORDER BY expression"}}) {
      SqlException e = assertThrows(SqlException.class, () -> plan(c[0], catalog), c[0]);
      assertEquals(c[1], e.getMessage(), c[0]);
    }
  }

  @Test
  void schema_integerPrimaryKey_aliasesRowid() {
    assertEquals(0, schema("CREATE TABLE t(id INTEGER PRIMARY KEY, v)").rowidAlias());
    assertEquals(1, schema("CREATE TABLE t(v, id integer, PRIMARY KEY(id))").rowidAlias());
  }

  @Test
  void schema_otherPrimaryKeys_doNotAliasRowid() {
    assertEquals(-1, schema("CREATE TABLE t(id INT PRIMARY KEY)").rowidAlias());
    assertEquals(-1, schema("CREATE TABLE t(id INTEGER PRIMARY KEY DESC)").rowidAlias());
    assertEquals(-1, schema("CREATE TABLE t(a INTEGER, b INTEGER, PRIMARY KEY(a, b))").rowidAlias());
  }

  @Test
  void schema_declaredTypes_giveSqliteAffinities() {
    TableSchema t = schema(
        "CREATE TABLE t(a INT, b VARCHAR(10), c BLOB, d, e DOUBLE PRECISION, f DECIMAL(5,2), g FLOATING POINT)");
    List<Affinity> affinities = t.columns().stream().map(ColumnSchema::affinity).toList();
    assertEquals(List.of(Affinity.INTEGER, Affinity.TEXT, Affinity.BLOB, Affinity.BLOB,
        Affinity.REAL, Affinity.NUMERIC, Affinity.INTEGER), affinities);
  }

  @Test
  void schema_duplicateColumn_rejected() {
    SqlException e = assertThrows(SqlException.class, () -> schema("CREATE TABLE t(a, A)"));
    assertEquals("duplicate column name: A", e.getMessage());
  }

  @Test
  void schema_uniqueAndPrimaryKeyConstraints_getAutomaticIndexesAsSqliteNamesThem() {
    TableSchema t = schema("CREATE TABLE t(a UNIQUE, b TEXT PRIMARY KEY ON CONFLICT IGNORE, c, "
        + "d UNIQUE, UNIQUE(c, d), UNIQUE(a), UNIQUE(c DESC) ON CONFLICT REPLACE)");
    assertNull(t.unsupportedWrite());
    List<IndexSchema> auto = t.constraints().autoIndexes();
    assertEquals(List.of("sqlite_autoindex_t_1", "sqlite_autoindex_t_2", "sqlite_autoindex_t_3",
        "sqlite_autoindex_t_4", "sqlite_autoindex_t_5"),
        auto.stream().map(IndexSchema::name).toList());
    assertTrue(auto.get(1).primaryKey());
    assertEquals(dev.pagoda.parser.ast.ConflictAction.IGNORE, auto.get(1).onConflict());
    assertEquals(2, auto.get(3).columns().size());
    assertTrue(auto.get(4).columns().get(0).descending());
    assertEquals("conflicting ON CONFLICT clauses specified", assertThrows(SqlException.class,
        () -> schema("CREATE TABLE t(a UNIQUE ON CONFLICT IGNORE, UNIQUE(a) ON CONFLICT FAIL)"))
        .getMessage());
    assertNull(schema("CREATE TABLE t(a NOT NULL DEFAULT 3)").unsupportedWrite());
    assertTrue(schema("CREATE TABLE t(id INTEGER PRIMARY KEY)").constraints().autoIndexes()
        .isEmpty());
  }

  @Test
  void createTable_storedText_startsAtUnqualifiedName() {
    Plan.CreateTable p = (Plan.CreateTable) plan(
        "create  table if not exists main.\"My T\" (a, b) ", new TestCatalog());
    assertEquals("CREATE TABLE \"My T\" (a, b)", p.table().sql());
    assertEquals("My T", p.table().name());
  }

  @Test
  void createTable_existing_errorsUnlessIfNotExists() {
    TestCatalog catalog = new TestCatalog().with("CREATE TABLE t(a)");
    SqlException e = assertThrows(SqlException.class, () -> plan("CREATE TABLE T(b)", catalog));
    assertEquals("table T already exists", e.getMessage());
    assertTrue(((Plan.CreateTable) plan("CREATE TABLE IF NOT EXISTS t(b)", catalog)).noop());
  }

  @Test
  void select_whereComparison_bindsColumnAndAffinity() {
    TestCatalog catalog = new TestCatalog().with("CREATE TABLE t(a INTEGER, b TEXT)");
    Plan.Query q = (Plan.Query) plan("SELECT b FROM t WHERE a = '5'", catalog);

    PlanNode.Project project = (PlanNode.Project) q.root();
    PlanNode.Filter filter = (PlanNode.Filter) project.input();
    BoundExpr.Binary eq = (BoundExpr.Binary) filter.predicate();
    assertEquals(BinaryOp.EQ, eq.op());
    assertEquals(new BoundExpr.Column(0, Affinity.INTEGER, "a"), eq.left());
    assertEquals(new BoundExpr.Constant(Value.of("5")), eq.right());
    assertEquals(Affinity.INTEGER, eq.compareAffinity());
    assertEquals(List.of("b"), q.columnNames());
  }

  @Test
  void compareAffinity_followsSqliteRules() {
    BoundExpr intCol = new BoundExpr.Column(0, Affinity.INTEGER, "i");
    BoundExpr textCol = new BoundExpr.Column(1, Affinity.TEXT, "t");
    BoundExpr blobCol = new BoundExpr.Column(2, Affinity.BLOB, "b");
    BoundExpr literal = new BoundExpr.Constant(Value.of(1L));
    assertEquals(Affinity.NUMERIC, ExprBinder.compareAffinity(intCol, textCol));
    assertEquals(Affinity.BLOB, ExprBinder.compareAffinity(textCol, blobCol));
    assertEquals(Affinity.TEXT, ExprBinder.compareAffinity(literal, textCol));
    assertEquals(Affinity.INTEGER, ExprBinder.compareAffinity(intCol, literal));
    assertNull(ExprBinder.compareAffinity(literal, literal));
  }

  @Test
  void select_starAndRowid_expandAndResolve() {
    TestCatalog catalog = new TestCatalog().with("CREATE TABLE t(id INTEGER PRIMARY KEY, v)");
    Plan.Query q = (Plan.Query) plan("SELECT *, rowid, _rowid_ FROM t AS x WHERE x.v > 1", catalog);
    assertEquals(List.of("id", "v", "rowid", "_rowid_"), q.columnNames());
    PlanNode.Project project = (PlanNode.Project) q.root();
    assertEquals(2, ((BoundExpr.Column) project.expressions().get(2)).index());
  }

  @Test
  void select_unknownNames_reportedLikeSqlite() {
    TestCatalog catalog = new TestCatalog().with("CREATE TABLE t(a)");
    assertEquals("no such table: u",
        assertThrows(SqlException.class, () -> plan("SELECT * FROM u", catalog)).getMessage());
    assertEquals("no such column: b",
        assertThrows(SqlException.class, () -> plan("SELECT b FROM t", catalog)).getMessage());
    assertEquals("no such column: z.a",
        assertThrows(SqlException.class, () -> plan("SELECT z.a FROM t", catalog)).getMessage());
    assertEquals("no tables specified",
        assertThrows(SqlException.class, () -> plan("SELECT *", catalog)).getMessage());
  }

  @Test
  void select_doubleQuotedUnknownName_isStringLiteral() {
    Plan.Query q = (Plan.Query) plan("SELECT \"hello\"", new TestCatalog());
    PlanNode.Project project = (PlanNode.Project) q.root();
    assertEquals(new BoundExpr.Constant(Value.of("hello")), project.expressions().get(0));
  }

  @Test
  void insert_missingColumns_getDefaultsAndNull() {
    TestCatalog catalog = new TestCatalog().with("CREATE TABLE t(a, b DEFAULT 7, c)");
    Plan.Insert p = (Plan.Insert) plan("INSERT INTO t(c) VALUES (1)", catalog);
    assertEquals(List.of(new BoundExpr.Constant(Value.NULL), new BoundExpr.Constant(Value.of(7L)),
        new BoundExpr.Constant(Value.of(1L))), p.rows().get(0));
  }

  @Test
  void insert_wrongArity_reportedLikeSqlite() {
    TestCatalog catalog = new TestCatalog().with("CREATE TABLE t(a, b)");
    assertEquals("table t has 2 columns but 1 values were supplied",
        assertThrows(SqlException.class, () -> plan("INSERT INTO t VALUES (1)", catalog))
            .getMessage());
    assertEquals("2 values for 1 columns",
        assertThrows(SqlException.class, () -> plan("INSERT INTO t(a) VALUES (1, 2)", catalog))
            .getMessage());
  }

  @Test
  void negativeIntegerLiteral_minimumStaysInteger() {
    Plan.Query q = (Plan.Query) plan("SELECT -9223372036854775808, 9223372036854775808",
        new TestCatalog());
    List<BoundExpr> exprs = ((PlanNode.Project) q.root()).expressions();
    assertEquals(new BoundExpr.Constant(Value.of(Long.MIN_VALUE)), exprs.get(0));
    assertInstanceOf(Value.Real.class, ((BoundExpr.Constant) exprs.get(1)).value());
  }

  @Test
  void dropTable_schemaTable_refused() {
    TestCatalog catalog = new TestCatalog();
    assertNull(((Plan.DropTable) plan("DROP TABLE IF EXISTS nope", catalog)).table());
    assertEquals("no such table: nope",
        assertThrows(SqlException.class, () -> plan("DROP TABLE nope", catalog)).getMessage());
  }

  @Test
  void grammarTheExecutorCannotRunYet_isRefused_neverIgnored() {
    TestCatalog catalog = new TestCatalog().with("CREATE TABLE t(a, b)");
    for (String[] c : new String[][] {
        {"ALTER TABLE t ADD COLUMN c", "not supported yet: AlterTable statements"}}) {
      SqlException e = assertThrows(SqlException.class, () -> plan(c[0], catalog), c[0]);
      assertEquals(c[1], e.getMessage(), c[0]);
    }
  }

  @Test
  void upsert_clausesKeepTheirOrder_andTargetsMustMatchAConstraint() {
    TestCatalog catalog = new TestCatalog().with("CREATE TABLE t(id INTEGER PRIMARY KEY, a, b)");
    Plan.Upsert u = (Plan.Upsert) plan("INSERT INTO t VALUES (1, 2, 3) ON CONFLICT (rowid) DO "
        + "NOTHING ON CONFLICT (id) DO UPDATE SET b = excluded.b WHERE b < 9 ON CONFLICT DO NOTHING",
        catalog);
    assertEquals(3, u.clauses().size());
    assertNull(u.clauses().get(0).index());
    assertNull(u.clauses().get(0).update());
    assertNull(u.clauses().get(1).index());
    assertTrue(u.clauses().get(1).where() != null && u.clauses().get(1).update() != null);
    assertTrue(u.clauses().get(2).anyConstraint());
    assertEquals("ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint",
        assertThrows(SqlException.class,
            () -> plan("INSERT INTO t VALUES (1, 2, 3) ON CONFLICT (a) DO NOTHING", catalog))
            .getMessage());
  }

  @Test
  void returning_namesColumnsAsSqlite() {
    TestCatalog catalog = new TestCatalog().with("CREATE TABLE t(id INTEGER PRIMARY KEY, a, b)");
    Plan.Returning r = (Plan.Returning) plan(
        "DELETE FROM t RETURNING rowid, A, b AS bee, a + 1, *", catalog);
    assertEquals(List.of("id", "a", "bee", "a + 1", "id", "a", "b"), r.columnNames());
    assertTrue(r.write() instanceof Plan.Delete);
    assertEquals("RETURNING may not use \"TABLE.*\" wildcards", assertThrows(SqlException.class,
        () -> plan("UPDATE t SET a = 1 RETURNING t.*", catalog)).getMessage());
  }

  @Test
  void tempViewAndTrigger_areTheTempSchemas() {
    TestCatalog catalog = new TestCatalog().with("CREATE TABLE t(a, b)");
    assertTrue(((Plan.CreateView) plan("CREATE TEMP VIEW v AS SELECT a FROM t", catalog))
        .temporary());
    assertTrue(((Plan.CreateView) plan("CREATE VIEW temp.v AS SELECT a FROM t", catalog))
        .temporary());
    Plan.CreateTrigger c = (Plan.CreateTrigger) plan(
        "CREATE TEMP TRIGGER r AFTER INSERT ON t BEGIN SELECT new.a; END", catalog);
    assertTrue(c.trigger().temporary());
    assertEquals("CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT new.a; END", c.trigger().sql());
    assertEquals("t", c.trigger().table());
  }

  @Test
  void delete_isFilteredScanOfTheTable() {
    TestCatalog catalog = new TestCatalog().with("CREATE TABLE t(a, b)");
    Plan.Delete d = (Plan.Delete) plan("DELETE FROM t WHERE a = 1", catalog);
    PlanNode.Filter filter = (PlanNode.Filter) d.source();
    assertInstanceOf(PlanNode.TableScan.class, filter.input());
    assertInstanceOf(PlanNode.TableScan.class,
        ((Plan.Delete) plan("DELETE FROM t", catalog)).source());
  }

  @Test
  void update_unassignedColumnsReadTheOldRow_lastAssignmentWins() {
    TestCatalog catalog = new TestCatalog().with("CREATE TABLE t(id INTEGER PRIMARY KEY, a, b)");
    Plan.Update u = (Plan.Update) plan("UPDATE t SET a = 1, a = 2", catalog);
    assertEquals(new BoundExpr.Constant(Value.of(2L)), u.values().get(1));
    assertInstanceOf(BoundExpr.Column.class, u.values().get(2));
    assertEquals(3, ((BoundExpr.Column) u.values().get(3)).index());
    assertEquals(false, u.changesRowid());
    assertEquals(true, ((Plan.Update) plan("UPDATE t SET id = 5", catalog)).changesRowid());
    assertEquals("no such column: c",
        assertThrows(SqlException.class, () -> plan("UPDATE t SET c = 1", catalog)).getMessage());
  }

  @Test
  void insertSelect_readsSourceColumns_checksBound() {
    TestCatalog catalog = new TestCatalog()
        .with("CREATE TABLE t(a, b CHECK (b > 0), c DEFAULT 3)")
        .with("CREATE TABLE s(x, y)");
    Plan.Insert p = (Plan.Insert) plan("INSERT INTO t(b, a) SELECT x, y FROM s", catalog);
    assertEquals(1, p.rows().size());
    assertEquals(1, ((BoundExpr.Column) p.rows().get(0).get(0)).index());
    assertEquals(0, ((BoundExpr.Column) p.rows().get(0).get(1)).index());
    assertEquals(new BoundExpr.Constant(Value.of(3L)), p.rows().get(0).get(2));
    assertEquals(1, p.checks().size());
    assertEquals("b > 0", p.checks().get(0).name());
  }
}
