package dev.pagoda.parser;

import static dev.pagoda.parser.Ast.col;
import static dev.pagoda.parser.Ast.expr;
import static dev.pagoda.parser.Ast.firstColumn;
import static dev.pagoda.parser.Ast.select;
import static dev.pagoda.parser.Ast.stmt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagoda.parser.ast.ColumnDef;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.parser.ast.FunctionCall;
import dev.pagoda.parser.ast.Insert;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.parser.ast.TableRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SQLite's fallback rule: a non-reserved keyword serves as a name where it is not valid itself. */
class KeywordIdentifierTest {
  @Test
  void keyword_nonReservedAsColumnNames_inCreateTable() {
    CreateTable t = (CreateTable) stmt(
        "CREATE TABLE t(key, action, text, date, replace, temp, end, left, first, if)");
    assertEquals(List.of("key", "action", "text", "date", "replace", "temp", "end", "left",
        "first", "if"), t.columns().stream().map(ColumnDef::name).toList());
  }

  @Test
  void keyword_nonReservedAsTableName() {
    assertEquals(QualifiedName.of("replace"), ((CreateTable) stmt("CREATE TABLE replace(a)")).name());
    assertEquals(new TableRef(new QualifiedName("temp", "key"), null),
        select("SELECT * FROM temp.key").from());
    assertEquals(QualifiedName.of("action"), ((Insert) stmt("INSERT INTO action VALUES(1)")).table());
  }

  @Test
  void keyword_asColumnReference_inExpressions() {
    assertEquals(col("key"), expr("key"));
    assertEquals(col("action"), firstColumn("SELECT action FROM t"));
    assertEquals(new dev.pagoda.parser.ast.ColumnRef(null, "t", "key"), expr("t.key"));
    assertEquals(col("left"), expr("left"));
    assertEquals(col("indexed"), expr("indexed"));
    assertEquals(col("over"), expr("over"));
  }

  @Test
  void keyword_asAlias_whenNotValidThere() {
    assertEquals(new ResultColumn.ExprColumn(col("a"), "desc"),
        select("SELECT a desc FROM t").columns().get(0));
    assertEquals(new ResultColumn.ExprColumn(col("a"), "end"),
        select("SELECT a end FROM t").columns().get(0));
    assertEquals(new TableRef(QualifiedName.of("t"), "key"), select("SELECT * FROM t key").from());
  }

  @Test
  void keyword_validAsItself_isNotAnAlias() {
    assertEquals("incomplete input", Ast.error("SELECT a like"));
    assertEquals("near \"left\": syntax error", Ast.error("SELECT a left FROM t"));
  }

  @Test
  void keyword_asFunctionName() {
    assertEquals(FunctionCall.of("replace", col("a")), expr("replace(a)"));
    assertEquals(FunctionCall.of("glob", col("a"), col("b")), expr("glob(a, b)"));
    assertEquals(FunctionCall.of("right", col("a")), expr("right(a)"));
  }

  @Test
  void keyword_reservedAsName_needsQuotes() {
    assertEquals("near \"select\": syntax error", Ast.error("CREATE TABLE t(select)"));
    assertEquals("select", ((CreateTable) stmt("CREATE TABLE t(\"select\")")).columns().get(0)
        .name());
  }

  @Test
  void keyword_tableStarWithKeywordName() {
    assertEquals(new ResultColumn.TableStar("replace"),
        select("SELECT replace.* FROM t").columns().get(0));
  }
}
