package dev.pagoda.parser;

import static dev.pagoda.parser.Ast.bin;
import static dev.pagoda.parser.Ast.col;
import static dev.pagoda.parser.Ast.num;
import static dev.pagoda.parser.Ast.select;
import static dev.pagoda.parser.Ast.stmt;
import static dev.pagoda.parser.Ast.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.parser.ast.BinaryOp;
import dev.pagoda.parser.ast.ColumnConstraint;
import dev.pagoda.parser.ast.ColumnDef;
import dev.pagoda.parser.ast.CompoundOperator;
import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.parser.ast.Collate;
import dev.pagoda.parser.ast.CreateIndex;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.parser.ast.Deferrability;
import dev.pagoda.parser.ast.DropIndex;
import dev.pagoda.parser.ast.DropTable;
import dev.pagoda.parser.ast.DropTrigger;
import dev.pagoda.parser.ast.DropView;
import dev.pagoda.parser.ast.ForeignKeyAction;
import dev.pagoda.parser.ast.ForeignKeyClause;
import dev.pagoda.parser.ast.FunctionCall;
import dev.pagoda.parser.ast.GeneratedStorage;
import dev.pagoda.parser.ast.Insert;
import dev.pagoda.parser.ast.InsertSource;
import dev.pagoda.parser.ast.Join;
import dev.pagoda.parser.ast.JoinKind;
import dev.pagoda.parser.ast.Literal;
import dev.pagoda.parser.ast.LiteralKind;
import dev.pagoda.parser.ast.Materialization;
import dev.pagoda.parser.ast.NullsOrder;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.Parameter;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.SortOrder;
import dev.pagoda.parser.ast.SubqueryRef;
import dev.pagoda.parser.ast.TableConstraint;
import dev.pagoda.parser.ast.TableFunctionRef;
import dev.pagoda.parser.ast.TableRef;
import dev.pagoda.parser.ast.TypeName;
import dev.pagoda.parser.ast.Unary;
import dev.pagoda.parser.ast.UnaryOp;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementParserTest {
  // ---- CREATE TABLE

  @Test
  void parse_createTable_minimal() {
    assertEquals(
        new CreateTable(false, false, QualifiedName.of("t"),
            List.of(new ColumnDef("a", null, List.of()), new ColumnDef("b", null, List.of())),
            List.of(), false, false, null),
        stmt("CREATE TABLE t(a, b)"));
  }

  @Test
  void parse_createTable_tempIfNotExistsSchemaOptions() {
    CreateTable t = (CreateTable) stmt(
        "create temporary table if not exists main.t(a INTEGER PRIMARY KEY) without rowid, strict");
    assertTrue(t.temporary());
    assertTrue(t.ifNotExists());
    assertEquals(new QualifiedName("main", "t"), t.name());
    assertTrue(t.withoutRowid());
    assertTrue(t.strict());
    assertTrue(((CreateTable) stmt("CREATE TEMP TABLE t(a)")).temporary());
    assertTrue(((CreateTable) stmt("CREATE TABLE t(a) , STRICT")).strict());
  }

  @Test
  void parse_createTable_typeNames() {
    CreateTable t = (CreateTable) stmt("CREATE TABLE t(a VARCHAR(10), b DOUBLE PRECISION,"
        + " c UNSIGNED BIG INT, d DECIMAL(10, -2), e INT GENERATED ALWAYS AS (1), f \"my type\")");
    assertEquals(new TypeName("VARCHAR(10)", "VARCHAR", "10", null), t.columns().get(0).type());
    assertEquals(TypeName.of("DOUBLE PRECISION"), t.columns().get(1).type());
    assertEquals(TypeName.of("UNSIGNED BIG INT"), t.columns().get(2).type());
    assertEquals(new TypeName("DECIMAL(10, -2)", "DECIMAL", "10", "-2"),
        t.columns().get(3).type());
    assertEquals(TypeName.of("INT"), t.columns().get(4).type());
    assertEquals("my type", t.columns().get(5).type().declaredType());
  }

  @Test
  void parse_createTable_typeNameAbsorbsFallbackKeywords() {
    CreateTable t = (CreateTable) stmt("CREATE TABLE t(a INT KEY, b GENERATED ALWAYS AS (1))");
    assertEquals(TypeName.of("INT KEY"), t.columns().get(0).type());
    assertNull(t.columns().get(1).type());
    assertEquals(List.of(new ColumnConstraint.Generated(null, num(1), GeneratedStorage.VIRTUAL)),
        t.columns().get(1).constraints());
  }

  @Test
  void parse_createTable_columnConstraints() {
    CreateTable t = (CreateTable) stmt("CREATE TABLE t(id INTEGER CONSTRAINT pk PRIMARY KEY DESC"
        + " ON CONFLICT ROLLBACK AUTOINCREMENT, b TEXT NOT NULL ON CONFLICT IGNORE NULL UNIQUE"
        + " COLLATE nocase CHECK (b <> '') DEFAULT 'x',"
        + " c AS (id * 2) STORED, d GENERATED ALWAYS AS (1) VIRTUAL)");
    assertEquals(
        List.of(new ColumnConstraint.PrimaryKey("pk", SortOrder.DESC, ConflictAction.ROLLBACK,
            true)),
        t.columns().get(0).constraints());
    assertEquals(
        List.of(new ColumnConstraint.NotNull(null, ConflictAction.IGNORE),
            new ColumnConstraint.Null(null, null),
            new ColumnConstraint.Unique(null, null),
            new ColumnConstraint.Collate(null, "nocase"),
            new ColumnConstraint.Check(null, bin(BinaryOp.NE, col("b"), str("")), "b <> ''"),
            new ColumnConstraint.Default(null, str("x"), "'x'", false)),
        t.columns().get(1).constraints());
    assertEquals(List.of(new ColumnConstraint.Generated(null,
        bin(BinaryOp.MULTIPLY, col("id"), num(2)), GeneratedStorage.STORED)),
        t.columns().get(2).constraints());
    assertEquals(GeneratedStorage.VIRTUAL,
        ((ColumnConstraint.Generated) t.columns().get(3).constraints().get(0)).storage());
  }

  @Test
  void parse_createTable_defaultForms() {
    CreateTable t = (CreateTable) stmt("CREATE TABLE t(a DEFAULT (1 + 2), b DEFAULT -5,"
        + " c DEFAULT +1.5, d DEFAULT abc, e DEFAULT true, f DEFAULT \"q\", g DEFAULT NULL,"
        + " h DEFAULT CURRENT_TIMESTAMP, i DEFAULT x'00')");
    List<ColumnConstraint.Default> d = t.columns().stream()
        .map(c -> (ColumnConstraint.Default) c.constraints().get(0)).toList();
    assertEquals(new ColumnConstraint.Default(null, bin(BinaryOp.ADD, num(1), num(2)), "1 + 2",
        true), d.get(0));
    assertEquals(new ColumnConstraint.Default(null, new Unary(UnaryOp.NEGATE, num(5)), "-5",
        false), d.get(1));
    assertEquals(new ColumnConstraint.Default(null, new Literal(LiteralKind.REAL, "1.5"),
        "+1.5", false), d.get(2));
    assertEquals(new ColumnConstraint.Default(null, str("abc"), "abc", false), d.get(3));
    assertEquals(new Literal(LiteralKind.TRUE, "TRUE"), d.get(4).value());
    assertEquals(new ColumnConstraint.Default(null, str("q"), "\"q\"", false), d.get(5));
    assertEquals(Literal.NULL, d.get(6).value());
    assertEquals(LiteralKind.CURRENT_TIMESTAMP, ((Literal) d.get(7).value()).kind());
    assertEquals(new Literal(LiteralKind.BLOB, "00"), d.get(8).value());
  }

  @Test
  void parse_createTable_foreignKeys() {
    CreateTable t = (CreateTable) stmt("CREATE TABLE t(a REFERENCES p(x) ON DELETE CASCADE"
        + " ON UPDATE SET NULL MATCH full DEFERRABLE INITIALLY DEFERRED, b,"
        + " FOREIGN KEY (a, b) REFERENCES q ON DELETE NO ACTION NOT DEFERRABLE)");
    assertEquals(
        List.of(new ColumnConstraint.References(null, new ForeignKeyClause("p", List.of("x"),
            ForeignKeyAction.CASCADE, ForeignKeyAction.SET_NULL, "full",
            Deferrability.DEFERRABLE_INITIALLY_DEFERRED))),
        t.columns().get(0).constraints());
    assertEquals(
        List.of(new TableConstraint.ForeignKey(null, List.of("a", "b"), new ForeignKeyClause("q",
            List.of(), ForeignKeyAction.NO_ACTION, null, null, Deferrability.NOT_DEFERRABLE))),
        t.constraints());
  }

  @Test
  void parse_createTable_tableConstraints() {
    CreateTable t = (CreateTable) stmt("CREATE TABLE t(a, b, CONSTRAINT pk PRIMARY KEY (a DESC,"
        + " b AUTOINCREMENT) ON CONFLICT FAIL, UNIQUE (b COLLATE nocase) CHECK (a > b))");
    assertEquals(
        List.of(
            new TableConstraint.PrimaryKey("pk", List.of(new OrderingTerm(col("a"),
                SortOrder.DESC, null), OrderingTerm.of(col("b"))), true, ConflictAction.FAIL),
            new TableConstraint.Unique(null, List.of(OrderingTerm.of(
                new dev.pagoda.parser.ast.Collate(col("b"), "nocase"))), null),
            new TableConstraint.Check(null, bin(BinaryOp.GT, col("a"), col("b")), "a > b")),
        t.constraints());
  }

  @Test
  void parse_createTableAsSelect() {
    CreateTable t = (CreateTable) stmt("CREATE TABLE t AS SELECT 1 AS x");
    assertTrue(t.columns().isEmpty());
    assertEquals(select("SELECT 1 AS x"), t.asSelect());
  }

  // ---- CREATE INDEX

  @Test
  void parse_createIndex_minimal() {
    assertEquals(
        new CreateIndex(false, false, QualifiedName.of("i"), "t",
            List.of(OrderingTerm.of(col("a"))), null),
        stmt("CREATE INDEX i ON t(a)"));
  }

  @Test
  void parse_createIndex_uniqueIfNotExistsQualified() {
    assertEquals(
        new CreateIndex(true, true, new QualifiedName("main", "my i"), "my t",
            List.of(OrderingTerm.of(col("a")), OrderingTerm.of(col("b"))), null),
        stmt("create unique index if not exists main.\"my i\" on [my t] (a, b)"));
  }

  @Test
  void parse_createIndex_collationOrderExpressionsAndWhere() {
    CreateIndex i = (CreateIndex) stmt(
        "CREATE INDEX i ON t(a COLLATE nocase DESC, b ASC, a + b, lower(b) COLLATE \"rtrim\")"
            + " WHERE a > 0 AND b IS NOT NULL");
    assertEquals(
        List.of(
            new OrderingTerm(new Collate(col("a"), "nocase"), SortOrder.DESC, null),
            new OrderingTerm(col("b"), SortOrder.ASC, null),
            OrderingTerm.of(bin(BinaryOp.ADD, col("a"), col("b"))),
            OrderingTerm.of(new Collate(FunctionCall.of("lower", col("b")), "rtrim"))),
        i.columns());
    assertEquals(Ast.expr("a > 0 AND b IS NOT NULL"), i.where());
  }

  @Test
  void parse_createIndex_keepsNullsOrderForTheEngineToReject() {
    CreateIndex i = (CreateIndex) stmt("CREATE INDEX i ON t(a NULLS FIRST)");
    assertEquals(new OrderingTerm(col("a"), null, NullsOrder.FIRST), i.columns().get(0));
  }

  @Test
  void parse_createIndex_keywordNames() {
    CreateIndex i = (CreateIndex) stmt("CREATE INDEX indexed ON key(action)");
    assertEquals(QualifiedName.of("indexed"), i.name());
    assertEquals("key", i.table());
  }

  @Test
  void parse_createIndex_parametersInWhereAreCounted() {
    assertEquals(2, Parser.parseFirst("CREATE INDEX i ON t(a) WHERE a > ? AND b < ?")
        .parameterCount());
  }

  // ---- DROP

  @Test
  void parse_dropTable() {
    assertEquals(new DropTable(false, QualifiedName.of("t")), stmt("DROP TABLE t"));
    assertEquals(new DropTable(true, new QualifiedName("temp", "t")),
        stmt("drop table if exists temp.t"));
  }

  @Test
  void parse_dropIndexViewTrigger() {
    assertEquals(new DropIndex(false, QualifiedName.of("i")), stmt("DROP INDEX i"));
    assertEquals(new DropIndex(true, new QualifiedName("main", "i")),
        stmt("drop index if exists main.i"));
    assertEquals(new DropView(true, QualifiedName.of("v")), stmt("DROP VIEW IF EXISTS v"));
    assertEquals(new DropTrigger(false, new QualifiedName("temp", "tr")),
        stmt("DROP TRIGGER temp.tr"));
  }

  // ---- INSERT

  @Test
  void parse_insertValues_multipleRows() {
    assertEquals(
        new Insert(null, null, QualifiedName.of("t"), null, List.of("a", "b"),
            new InsertSource.Values(List.of(List.of(num(1), str("x")),
                List.of(new Parameter(1, null), new Parameter(2, ":b"))))),
        stmt("INSERT INTO t(a, b) VALUES (1, 'x'), (?, :b)"));
  }

  @Test
  void parse_insertConflictForms() {
    assertEquals(ConflictAction.REPLACE, ((Insert) stmt("REPLACE INTO t VALUES(1)")).orConflict());
    for (ConflictAction a : ConflictAction.values()) {
      assertEquals(a, ((Insert) stmt("INSERT OR " + a + " INTO t VALUES(1)")).orConflict());
    }
    assertNull(((Insert) stmt("INSERT INTO t VALUES(1)")).orConflict());
  }

  @Test
  void parse_insertDefaultValuesAndSelect() {
    assertEquals(new InsertSource.DefaultValues(),
        ((Insert) stmt("INSERT INTO main.t AS x DEFAULT VALUES")).source());
    Insert i = (Insert) stmt("INSERT INTO t SELECT * FROM u");
    assertEquals(new InsertSource.FromSelect(select("SELECT * FROM u")), i.source());
    assertTrue(((Insert) stmt("INSERT INTO t VALUES (1) UNION SELECT 2")).source()
        instanceof InsertSource.FromSelect);
    assertTrue(((Insert) stmt("WITH c AS (SELECT 1) INSERT INTO t SELECT * FROM c")).with()
        != null);
  }

  // ---- SELECT

  @Test
  void parse_selectWithoutFrom_returnsExprColumns() {
    Select s = select("SELECT 1, 'a'");
    assertEquals(List.of(new ResultColumn.ExprColumn(num(1), null, "1"),
        new ResultColumn.ExprColumn(str("a"), null, "'a'")), s.columns());
    assertNull(s.from());
  }

  @Test
  void parse_selectColumns_starTableStarAliases() {
    Select s = select("SELECT *, t.*, a AS x, b y, c 'z', d FROM main.t AS q");
    assertEquals(
        List.of(new ResultColumn.Star(), new ResultColumn.TableStar("t"),
            new ResultColumn.ExprColumn(col("a"), "x"), new ResultColumn.ExprColumn(col("b"), "y"),
            new ResultColumn.ExprColumn(col("c"), "z"),
            new ResultColumn.ExprColumn(col("d"), null, "d")),
        s.columns());
    assertEquals(new TableRef(new QualifiedName("main", "t"), "q"), s.from());
  }

  @Test
  void parse_selectSpan_isSourceTextAsSqliteNamesColumns() {
    Select s = select("SELECT a  +  1 /* c */ , (b)FROM t");
    assertEquals("a  +  1 /* c */", ((ResultColumn.ExprColumn) s.columns().get(0)).span());
    assertEquals("(b)", ((ResultColumn.ExprColumn) s.columns().get(1)).span());
  }

  @Test
  void parse_selectAllClauses() {
    Select s = select("SELECT DISTINCT a FROM t WHERE a > 1 GROUP BY a, b HAVING count(*) > 1"
        + " ORDER BY a DESC NULLS FIRST, b LIMIT 10 OFFSET 5");
    assertTrue(s.distinct());
    assertEquals(bin(BinaryOp.GT, col("a"), num(1)), s.where());
    assertEquals(List.of(col("a"), col("b")), s.groupBy());
    assertEquals(List.of(new OrderingTerm(col("a"), SortOrder.DESC, NullsOrder.FIRST),
        OrderingTerm.of(col("b"))), s.orderBy());
    assertEquals(num(10), s.limit());
    assertEquals(num(5), s.offset());
    Select comma = select("SELECT a FROM t LIMIT 5, 10");
    assertEquals(num(10), comma.limit());
    assertEquals(num(5), comma.offset());
    assertFalse(select("SELECT ALL a FROM t").distinct());
  }

  @Test
  void parse_selectJoins_leftDeepTree() {
    Select s = select("SELECT * FROM a, b LEFT OUTER JOIN c ON a.x = c.x NATURAL JOIN d"
        + " CROSS JOIN e USING (y, z)");
    TableRef a = new TableRef(QualifiedName.of("a"), null);
    TableRef b = new TableRef(QualifiedName.of("b"), null);
    Join ab = new Join(JoinKind.COMMA, false, a, b, null, List.of());
    Join abc = new Join(JoinKind.LEFT, false, ab, new TableRef(QualifiedName.of("c"), null),
        bin(BinaryOp.EQ, new dev.pagoda.parser.ast.ColumnRef(null, "a", "x"),
            new dev.pagoda.parser.ast.ColumnRef(null, "c", "x")), List.of());
    Join abcd = new Join(JoinKind.INNER, true, abc, new TableRef(QualifiedName.of("d"), null),
        null, List.of());
    assertEquals(new Join(JoinKind.CROSS, false, abcd, new TableRef(QualifiedName.of("e"), null),
        null, List.of("y", "z")), s.from());
  }

  @Test
  void parse_selectFromItems_subqueryFunctionIndexed() {
    assertEquals(new SubqueryRef(select("SELECT 1"), "s"),
        select("SELECT * FROM (SELECT 1) s").from());
    assertEquals(new TableFunctionRef(QualifiedName.of("f"), List.of(num(1)), "x"),
        select("SELECT * FROM f(1) AS x").from());
    assertEquals(new TableRef(QualifiedName.of("t"), null, "i", false),
        select("SELECT * FROM t INDEXED BY i").from());
    assertEquals(new TableRef(QualifiedName.of("t"), "x", null, true),
        select("SELECT * FROM t x NOT INDEXED").from());
    assertEquals(new TableRef(QualifiedName.of("t"), null), select("SELECT * FROM (t)").from());
    Join nested = (Join) select("SELECT * FROM a JOIN (b JOIN c)").from();
    assertTrue(nested.right() instanceof Join);
  }

  @Test
  void parse_compoundSelect_orderByAppliesToWhole() {
    Select s = select("SELECT 1 UNION ALL SELECT 2 EXCEPT VALUES (3) INTERSECT SELECT 4 ORDER BY 1"
        + " LIMIT 1");
    assertEquals(List.of(CompoundOperator.UNION_ALL, CompoundOperator.EXCEPT,
        CompoundOperator.INTERSECT), s.compounds().stream().map(c -> c.op()).toList());
    assertTrue(s.compounds().get(1).select().isValues());
    assertTrue(s.compounds().get(2).select().orderBy().isEmpty());
    assertEquals(List.of(OrderingTerm.of(num(1))), s.orderBy());
    assertEquals(num(1), s.limit());
  }

  @Test
  void parse_values_asStatement() {
    assertEquals(Select.ofValues(List.of(List.of(num(1), num(2)), List.of(num(3), num(4)))),
        stmt("VALUES (1, 2), (3, 4)"));
  }

  @Test
  void parse_with_recursiveAndMaterialized() {
    Select s = select("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c),"
        + " d AS NOT MATERIALIZED (SELECT 2), e AS MATERIALIZED (SELECT 3) SELECT n FROM c");
    assertTrue(s.with().recursive());
    assertEquals(List.of("n"), s.with().tables().get(0).columns());
    assertEquals(Materialization.NOT_MATERIALIZED, s.with().tables().get(1).materialization());
    assertEquals(Materialization.MATERIALIZED, s.with().tables().get(2).materialization());
  }

  // ---- statement boundaries

  @Test
  void parseAll_multipleStatements_skipsEmptyOnes() {
    String sql = ";; SELECT 1 ; ; /* c */ SELECT 2;";
    List<ParsedStatement> all = Parser.parseAll(sql);
    assertEquals(2, all.size());
    assertEquals("SELECT 1", sql.substring(all.get(0).start(), all.get(0).end()));
    assertEquals(sql.indexOf(';', 5) + 1, all.get(0).tailOffset());
    assertEquals("SELECT 2", sql.substring(all.get(1).start(), all.get(1).end()));
    assertEquals(sql.length(), all.get(1).tailOffset());
  }

  @Test
  void parseFirst_onlyCommentsAndSemicolons_returnsNull() {
    assertNull(Parser.parseFirst(""));
    assertNull(Parser.parseFirst("  ;; -- nothing\n /* here */ ;"));
  }

  @Test
  void parseFirst_stopsAtFirstStatement_ignoresLaterErrors() {
    String sql = "SELECT 1; SELEC garbage 'unterminated";
    ParsedStatement first = Parser.parseFirst(sql);
    assertEquals(9, first.tailOffset());
    assertEquals("near \"SELEC\": syntax error", Ast.error(sql));
  }

  @Test
  void parseFirst_withOffset_continuesLikePzTail() {
    String sql = "SELECT 1; INSERT INTO t VALUES (?)";
    ParsedStatement first = Parser.parseFirst(sql);
    ParsedStatement second = Parser.parseFirst(sql, first.tailOffset());
    assertTrue(second.statement() instanceof Insert);
    assertEquals(10, second.start());
    assertEquals(sql.length(), second.end());
    assertNull(Parser.parseFirst(sql, second.tailOffset()));
  }

  @Test
  void scriptParser_parsesLazily() {
    ScriptParser script = new ScriptParser("SELECT 1; SELECT 2; SELECT !");
    assertTrue(script.next() != null);
    assertTrue(script.next() != null);
    try {
      script.next();
      throw new AssertionError("expected an error");
    } catch (ParseException e) {
      assertEquals("unrecognized token: \"!\"", e.getMessage());
      assertEquals(27, e.position());
    }
  }

  @Test
  void parse_unterminatedTrailingComment_isFine() {
    assertEquals(select("SELECT 1 AS x"), stmt("SELECT 1 AS x /* never closed"));
  }
}
