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

import dev.pagoda.parser.ast.AlterTable;
import dev.pagoda.parser.ast.Analyze;
import dev.pagoda.parser.ast.Attach;
import dev.pagoda.parser.ast.BinaryOp;
import dev.pagoda.parser.ast.ColumnConstraint;
import dev.pagoda.parser.ast.ColumnDef;
import dev.pagoda.parser.ast.ColumnRef;
import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.parser.ast.CreateTrigger;
import dev.pagoda.parser.ast.CreateView;
import dev.pagoda.parser.ast.CreateVirtualTable;
import dev.pagoda.parser.ast.Delete;
import dev.pagoda.parser.ast.Detach;
import dev.pagoda.parser.ast.Explain;
import dev.pagoda.parser.ast.Insert;
import dev.pagoda.parser.ast.Literal;
import dev.pagoda.parser.ast.Parameter;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.Raise;
import dev.pagoda.parser.ast.RaiseAction;
import dev.pagoda.parser.ast.Reindex;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.Statement;
import dev.pagoda.parser.ast.TableConstraint;
import dev.pagoda.parser.ast.TriggerEvent;
import dev.pagoda.parser.ast.TriggerTime;
import dev.pagoda.parser.ast.TypeName;
import dev.pagoda.parser.ast.Update;
import dev.pagoda.parser.ast.Vacuum;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CREATE VIEW, CREATE TRIGGER, CREATE VIRTUAL TABLE, ALTER TABLE, ANALYZE, VACUUM, REINDEX,
 * ATTACH and DETACH: ASTs, errors, printing, scripts and sqlite_schema text.
 */
class DdlParserTest {
  // ---- CREATE VIEW

  @Test
  void parse_createView() {
    assertEquals(new CreateView(false, false, QualifiedName.of("v"), List.of(),
        select("SELECT 1")), stmt("CREATE VIEW v AS SELECT 1"));
    CreateView v = (CreateView) stmt(
        "CREATE TEMP VIEW IF NOT EXISTS main.v(x, y) AS WITH c AS (SELECT 1) SELECT a, b FROM c");
    assertTrue(v.temporary());
    assertTrue(v.ifNotExists());
    assertEquals(new QualifiedName("main", "v"), v.name());
    assertEquals(List.of("x", "y"), v.columns());
    assertTrue(v.select().with() != null);
  }

  @Test
  void parse_createView_errors() {
    assertEquals("parameters are not allowed in views", error("CREATE VIEW v AS SELECT ?"));
    assertEquals("syntax error after column name \"a\"",
        error("CREATE VIEW v(a DESC) AS SELECT 1"));
    assertEquals("near \"SELECT\": syntax error", error("CREATE VIEW v SELECT 1"));
    assertEquals("near \"VIEW\": syntax error", error("CREATE UNIQUE VIEW v AS SELECT 1"));
  }

  // ---- CREATE TRIGGER

  @Test
  void parse_createTrigger_fullForm() {
    CreateTrigger t = (CreateTrigger) stmt("CREATE TEMP TRIGGER IF NOT EXISTS tr"
        + " INSTEAD OF UPDATE OF a, b ON main.v FOR EACH ROW WHEN new.a > 0 BEGIN"
        + " UPDATE t SET a = new.a; INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING;"
        + " DELETE FROM t WHERE a = old.a; SELECT RAISE(ABORT, 'no'); END");
    assertTrue(t.temporary());
    assertTrue(t.ifNotExists());
    assertEquals(TriggerTime.INSTEAD_OF, t.time());
    assertEquals(TriggerEvent.UPDATE, t.event());
    assertEquals(List.of("a", "b"), t.updateColumns());
    assertEquals(new QualifiedName("main", "v"), t.table());
    assertEquals(bin(BinaryOp.GT, new ColumnRef(null, "new", "a", false), num(0)), t.when());
    assertEquals(4, t.body().size());
    assertTrue(t.body().get(0) instanceof Update);
    assertTrue(t.body().get(1) instanceof Insert);
    assertTrue(t.body().get(2) instanceof Delete);
    Select s = (Select) t.body().get(3);
    assertEquals(new Raise(RaiseAction.ABORT, str("no")),
        ((ResultColumn.ExprColumn) s.columns().get(0)).expr());
  }

  @Test
  void parse_createTrigger_defaultsToBefore() {
    CreateTrigger t = (CreateTrigger) stmt("CREATE TRIGGER tr DELETE ON t BEGIN SELECT 1; END");
    assertEquals(TriggerTime.BEFORE, t.time());
    assertEquals(TriggerEvent.DELETE, t.event());
    assertEquals(List.of(), t.updateColumns());
    assertNull(t.when());
    assertEquals(t, stmt("CREATE TRIGGER tr BEFORE DELETE ON t FOR EACH ROW BEGIN SELECT 1; END"));
  }

  @Test
  void parse_createTrigger_keywordNamesFallBack() {
    CreateTrigger t = (CreateTrigger) stmt(
        "CREATE TRIGGER after AFTER INSERT ON t BEGIN SELECT 1 AS end; END");
    assertEquals(QualifiedName.of("after"), t.name());
    assertEquals(TriggerTime.AFTER, t.time());
  }

  @Test
  void parse_createTrigger_stepRestrictions() {
    String head = "CREATE TRIGGER tr AFTER INSERT ON t BEGIN ";
    assertEquals("qualified table names are not allowed on INSERT, UPDATE, and DELETE statements"
        + " within triggers", error(head + "DELETE FROM main.t; END"));
    assertEquals("the INDEXED BY clause is not allowed on UPDATE or DELETE statements within"
        + " triggers", error(head + "UPDATE t INDEXED BY i SET a = 1; END"));
    assertEquals("the NOT INDEXED clause is not allowed on UPDATE or DELETE statements within"
        + " triggers", error(head + "DELETE FROM t NOT INDEXED; END"));
    assertEquals("cannot use RETURNING in a trigger",
        error(head + "INSERT INTO main.t VALUES (1) RETURNING *; END"));
    assertEquals("near \"RETURNING\": syntax error", error(head + "DELETE FROM t RETURNING *; END"));
    assertEquals("near \"LIMIT\": syntax error", error(head + "DELETE FROM t LIMIT 1; END"));
    assertEquals("near \"DEFAULT\": syntax error", error(head + "INSERT INTO t DEFAULT VALUES; END"));
    assertEquals("near \"DELETE\": syntax error",
        error(head + "WITH c AS (SELECT 1) DELETE FROM t; END"));
    assertEquals("near \"END\": syntax error", error(head + "END"));
    assertEquals("near \";\": syntax error", error(head + "SELECT 1;; END"));
    assertEquals("incomplete input", error(head + "SELECT 1 END"));
    assertEquals("trigger cannot use variables", error(head + "SELECT ?; END"));
  }

  @Test
  void parse_createTrigger_tempTriggersMayQualifyTheirTargets() {
    stmt("CREATE TEMP TRIGGER tr AFTER INSERT ON t BEGIN UPDATE main.t SET a = 1; END");
    stmt("CREATE TRIGGER temp.tr AFTER INSERT ON t BEGIN DELETE FROM main.t; END");
  }

  @Test
  void parse_createTrigger_bodySemicolonsDoNotEndTheStatement() {
    String sql = "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; SELECT 2; END; SELECT 3";
    ScriptParser script = new ScriptParser(sql);
    ParsedStatement trigger = script.next();
    assertTrue(trigger.statement() instanceof CreateTrigger);
    assertEquals(sql.indexOf("END") + 3, trigger.end());
    assertEquals(select("SELECT 3"), script.next().statement());
    assertNull(script.next());
    assertEquals(2, Parser.parseAll(sql).size());
  }

  @Test
  void constructor_createTrigger_rejectsOtherStatementsInTheBody() {
    assertThrows(IllegalArgumentException.class, () -> new CreateTrigger(false, false,
        QualifiedName.of("tr"), TriggerTime.AFTER, TriggerEvent.INSERT, List.of(),
        QualifiedName.of("t"), null, List.of(new Vacuum(null, null))));
  }

  // ---- CREATE VIRTUAL TABLE

  @Test
  void parse_createVirtualTable_argumentsAsText() {
    assertEquals(new CreateVirtualTable(true, new QualifiedName("main", "v"), "fts5",
            List.of("a", "b  /* c */ UNINDEXED", "tokenize = 'porter ascii'", "f(g, (h)) i")),
        stmt("CREATE VIRTUAL TABLE IF NOT EXISTS main.v USING \"fts5\"( a , b  /* c */ UNINDEXED,"
            + " tokenize = 'porter ascii', f(g, (h)) i )"));
    assertEquals(List.of(), ((CreateVirtualTable) stmt("CREATE VIRTUAL TABLE v USING m"))
        .args());
    assertEquals(List.of("a", "b"),
        ((CreateVirtualTable) stmt("CREATE VIRTUAL TABLE v USING m(, a,, b,)")).args());
    assertEquals(List.of("a; b"),
        ((CreateVirtualTable) stmt("CREATE VIRTUAL TABLE v USING m(a; b)")).args());
  }

  @Test
  void parse_createVirtualTable_errors() {
    assertEquals("incomplete input", error("CREATE VIRTUAL TABLE v USING m(a, (b)"));
    assertEquals("near \"VIRTUAL\": syntax error", error("CREATE TEMP VIRTUAL TABLE v USING m"));
    assertEquals("near \"x\": syntax error", error("CREATE VIRTUAL TABLE v USING m() x"));
  }

  // ---- ALTER TABLE

  @Test
  void parse_alterTable_actions() {
    QualifiedName t = QualifiedName.of("t");
    assertEquals(new AlterTable(new QualifiedName("main", "t"), new AlterTable.RenameTable("u")),
        stmt("ALTER TABLE main.t RENAME TO u"));
    assertEquals(new AlterTable(t, new AlterTable.RenameColumn("a", "b")),
        stmt("ALTER TABLE t RENAME COLUMN a TO b"));
    assertEquals(stmt("ALTER TABLE t RENAME COLUMN a TO b"), stmt("ALTER TABLE t RENAME a TO b"));
    assertEquals(new AlterTable(t, new AlterTable.DropColumn("a")),
        stmt("ALTER TABLE t DROP COLUMN a"));
    assertEquals(new AlterTable(t, new AlterTable.DropColumn("a")), stmt("ALTER TABLE t DROP a"));
    AlterTable add = (AlterTable) stmt("ALTER TABLE t ADD COLUMN c INT NOT NULL DEFAULT 0");
    ColumnDef c = ((AlterTable.AddColumn) add.action()).column();
    assertEquals("c", c.name());
    assertEquals(new TypeName("INT", "INT", null, null), c.type());
    assertEquals(2, c.constraints().size());
    assertTrue(c.constraints().get(0) instanceof ColumnConstraint.NotNull);
    assertEquals(new AlterTable(t, new AlterTable.AddColumn(new ColumnDef("INT", null,
        List.of()))), stmt("ALTER TABLE t ADD column INT"));
  }

  @Test
  void parse_alterTable_constraintForms() {
    QualifiedName t = QualifiedName.of("t");
    assertEquals(new AlterTable(t, new AlterTable.AddCheck(new TableConstraint.Check("k",
            bin(BinaryOp.GT, col("a"), num(0)), "a > 0"))),
        stmt("ALTER TABLE t ADD CONSTRAINT k CHECK ( a > 0 ) ON CONFLICT ABORT"));
    assertEquals(new AlterTable(t, new AlterTable.DropConstraint("k")),
        stmt("ALTER TABLE t DROP CONSTRAINT k"));
    assertEquals(new AlterTable(t, new AlterTable.SetNotNull("a", ConflictAction.IGNORE)),
        stmt("ALTER TABLE t ALTER COLUMN a SET NOT NULL ON CONFLICT IGNORE"));
    assertEquals(new AlterTable(t, new AlterTable.DropNotNull("a")),
        stmt("ALTER TABLE t ALTER a DROP NOT NULL"));
  }

  @Test
  void parse_alterTable_errors() {
    assertEquals("near \"TO\": syntax error", error("ALTER TABLE t RENAME column TO x"));
    assertEquals("incomplete input", error("ALTER TABLE t DROP column"));
    assertEquals("near \",\": syntax error", error("ALTER TABLE t ADD COLUMN c, d"));
    assertEquals("near \"UNIQUE\": syntax error", error("ALTER TABLE t ADD UNIQUE (a)"));
    assertEquals("near \"SET\": syntax error", error("ALTER TABLE t ALTER column SET NOT NULL"));
    assertEquals("error in generated column \"c\"", error("ALTER TABLE t ADD c AS (1) foo"));
  }

  // ---- ANALYZE, VACUUM, REINDEX, ATTACH, DETACH

  @Test
  void parse_utilityStatements() {
    assertEquals(new Analyze(null), stmt("ANALYZE"));
    assertEquals(new Analyze(new QualifiedName("main", "t")), stmt("ANALYZE main.t"));
    assertEquals(new Reindex(QualifiedName.of("nocase")), stmt("REINDEX nocase"));
    assertEquals(new Reindex(null), stmt("REINDEX"));
    assertEquals(new Vacuum(null, null), stmt("VACUUM"));
    assertEquals(new Vacuum("main", new Parameter(1, ":f")), stmt("VACUUM main INTO :f"));
    assertEquals(new Vacuum(null, str("x.db")), stmt("VACUUM INTO 'x.db'"));
    assertEquals(new Attach(str("f"), col("x"), str("k")),
        stmt("ATTACH DATABASE 'f' AS x KEY 'k'"));
    assertEquals(new Attach(str("f"), col("database"), null),
        stmt("ATTACH database 'f' AS database"));
    assertEquals(new Detach(str("x")), stmt("DETACH DATABASE 'x'"));
    assertEquals(new Detach(col("x")), stmt("DETACH x"));
    assertTrue(((Explain) stmt("EXPLAIN VACUUM")).statement() instanceof Vacuum);
  }

  @Test
  void parse_utilityStatements_errors() {
    assertEquals("near \".\": syntax error", error("ANALYZE main.t.x"));
    assertEquals("near \"x\": syntax error", error("VACUUM main x"));
    assertEquals("incomplete input", error("VACUUM INTO"));
    assertEquals("near \"AS\": syntax error", error("ATTACH database AS x"));
    assertEquals("incomplete input", error("DETACH database"));
    assertEquals("near \"y\": syntax error", error("DETACH x y"));
  }

  // ---- printing

  static final String[] ROUND_TRIP = {
    "CREATE VIEW v AS SELECT 1",
    "CREATE TEMP VIEW IF NOT EXISTS \"main\".\"my v\"(\"a b\", c) AS SELECT a -- x\n, b FROM t",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END",
    "CREATE TEMP TRIGGER IF NOT EXISTS \"t r\" INSTEAD OF UPDATE OF a, \"b c\" ON main.v"
        + " FOR EACH ROW WHEN new.a IS NOT old.a BEGIN UPDATE OR IGNORE t AS x SET a = new.a"
        + " FROM u WHERE x.b = u.b; REPLACE INTO t (a) SELECT 1 ON CONFLICT (a) DO NOTHING;"
        + " DELETE FROM t WHERE a = old.a; WITH c AS (SELECT 1) SELECT * FROM c;"
        + " SELECT RAISE(IGNORE), RAISE(FAIL, 'x'); END",
    "CREATE TRIGGER \"end\" DELETE ON t BEGIN INSERT INTO t SELECT * FROM u WHERE true ON CONFLICT"
        + " DO NOTHING; END",
    "CREATE VIRTUAL TABLE v USING fts5",
    "CREATE VIRTUAL TABLE IF NOT EXISTS main.\"v w\" USING \"my mod\"(a, b -- c\n, 'x, y', f(g))",
    "ALTER TABLE t RENAME TO \"select\"",
    "ALTER TABLE main.t RENAME COLUMN a TO \"b c\"",
    "ALTER TABLE t ADD COLUMN c VARCHAR(10) NOT NULL DEFAULT 'x' REFERENCES p(x)",
    "ALTER TABLE t DROP COLUMN \"a\"",
    "ALTER TABLE t ADD CHECK (a > 0 /* c */)",
    "ALTER TABLE t ADD CONSTRAINT \"k\" CHECK (a -- c\n > 0)",
    "ALTER TABLE t DROP CONSTRAINT k",
    "ALTER TABLE t ALTER COLUMN a SET NOT NULL ON CONFLICT REPLACE",
    "ALTER TABLE t ALTER COLUMN a SET NOT NULL",
    "ALTER TABLE t ALTER COLUMN a DROP NOT NULL",
    "ANALYZE", "ANALYZE main.\"t\"", "REINDEX", "REINDEX nocase", "VACUUM", "VACUUM \"x y\"",
    "VACUUM INTO ?", "ATTACH 'f' || 'g' AS x KEY :k", "ATTACH x AS \"y\"", "DETACH 'x'",
    "EXPLAIN CREATE TRIGGER tr UPDATE ON t BEGIN DELETE FROM t; END",
    "EXPLAIN QUERY PLAN ALTER TABLE t RENAME TO u",
  };

  @Test
  void print_ddl_roundTripsToEqualAst() {
    for (String sql : ROUND_TRIP) {
      Statement s = stmt(sql);
      String printed = SqlPrinter.print(s);
      assertEquals(s, stmt(printed), sql + " printed as " + printed);
      assertEquals(printed, SqlPrinter.print(stmt(printed)));
    }
  }

  @Test
  void print_ddl_canonicalText() {
    assertEquals("CREATE TRIGGER tr BEFORE INSERT ON t BEGIN SELECT 1; DELETE FROM t; END",
        SqlPrinter.print(stmt("create trigger tr insert on t for each row begin select 1;"
            + "delete from t;end")));
    assertEquals("CREATE VIRTUAL TABLE v USING m(a, b c)",
        SqlPrinter.print(stmt("create virtual table v using m( a ,b c )")));
    assertEquals("ALTER TABLE t RENAME COLUMN a TO b",
        SqlPrinter.print(stmt("alter table t rename a to b")));
    assertEquals("ATTACH 'f' AS x", SqlPrinter.print(stmt("attach database 'f' as x")));
    assertEquals(Literal.string("f"), ((Attach) stmt("ATTACH 'f' AS x")).file());
  }

  // ---- sqlite_schema text (checked live in DmlDdlDifferentialTest)

  private static String stored(String sql) {
    return Parser.schemaSql(sql, Parser.parseFirst(sql));
  }

  @Test
  void schemaSql_view_trimsToTheLastNonSpaceBeforeTheSemicolon() {
    assertEquals("CREATE VIEW v as select 1", stored("create temp view if not exists main.v as"
        + " select 1  \n ;"));
    assertEquals("CREATE VIEW v as select 1 /* c */", stored("create view v as select 1 /* c */;"));
    assertEquals("CREATE VIEW v as select 1 -- c", stored("create view v as select 1 -- c"));
    assertEquals("CREATE VIEW v as select 1 -- c", stored("create view v as select 1 -- c;\n;"));
  }

  @Test
  void schemaSql_triggerAndVirtualTable_endAtTheirLastToken() {
    assertEquals("CREATE TRIGGER tr after insert on t begin select 1; end",
        stored("create temp trigger if not exists temp.tr after insert on t begin select 1; end ;"));
    assertEquals("CREATE VIRTUAL TABLE v using fts5 ( a )",
        stored("create virtual table if not exists main.v using fts5 ( a ) -- c"));
    assertEquals("CREATE VIRTUAL TABLE v using m", stored("create virtual table v using m ;"));
    String sql = "SELECT 1; CREATE VIEW main.v AS SELECT 2 ; SELECT 3";
    ParsedStatement parsed = Parser.parseFirst(sql, 10);
    assertEquals(sql.indexOf("v AS"), Parser.schemaTextStart(sql, parsed));
    assertEquals("CREATE VIEW v AS SELECT 2", Parser.schemaSql(sql, parsed));
  }
}
