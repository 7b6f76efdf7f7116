package dev.pagoda.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.parser.ParseException;
import dev.pagoda.parser.ParsedStatement;
import dev.pagoda.parser.Parser;
import dev.pagoda.parser.SqlPrinter;
import dev.pagoda.parser.ast.Binary;
import dev.pagoda.parser.ast.ColumnRef;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.FromItem;
import dev.pagoda.parser.ast.FunctionCall;
import dev.pagoda.parser.ast.Insert;
import dev.pagoda.parser.ast.Join;
import dev.pagoda.parser.ast.Parameter;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.Statement;
import dev.pagoda.parser.ast.TableRef;
import dev.pagoda.parser.ast.Unary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the example of sql-parser's README.md, a verbatim copy of it below (only its declaration
 * line differs, a nested class here), and checks that it prints what the README says it prints.
 * {@link #readmeCodeIsThisCopy} fails when the README's code and this copy drift apart.
 */
class ReadmeExampleTest {
  @Test
  void readmeExamplePrintsWhatTheReadmeSays() throws IOException {
    String out = run();
    assertEquals(readmeBlock("```text\n"), out);
    assertTrue(out.contains("round trip: true"), out);
    assertTrue(out.contains("tables: [orders o, customers c]"), out);
    assertTrue(out.contains("near \"FORM\": syntax error at 9"), out);
  }

  @Test
  void readmeCodeIsThisCopy() throws IOException {
    String readme = readmeBlock("```java\n");
    String self = Files.readString(
        moduleDir().resolve("src/test/java/dev/pagoda/parser/ReadmeExampleTest.java"),
        StandardCharsets.UTF_8);
    for (String line : readme.split("\n", -1)) {
      if (line.startsWith("import ")) {
        assertTrue(self.contains("\n" + line + "\n"), "README import missing here: " + line);
      }
    }
    String readmeClass = readme.substring(readme.indexOf("public final class ReadmeExample {"));
    // the last occurrences: the first ones are these very string literals
    String copy = self.substring(
        self.lastIndexOf("  static final class ReadmeExample {"),
        self.lastIndexOf("  // README END"));
    StringBuilder dedented = new StringBuilder();
    for (String line : copy.split("\n", -1)) {
      dedented.append(line.startsWith("  ") ? line.substring(2) : line).append('\n');
    }
    String normalized = dedented.toString().strip()
        .replaceFirst("^static final class ReadmeExample", "public final class ReadmeExample");
    assertEquals(readmeClass.strip(), normalized);
  }

  private static String run() {
    PrintStream saved = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      ReadmeExample.main(new String[0]);
    } finally {
      System.setOut(saved);
    }
    return bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
  }

  /** The module directory: the working directory under Maven, or sql-parser below it. */
  private static Path moduleDir() {
    Path here = Paths.get("").toAbsolutePath();
    return Files.isRegularFile(here.resolve("README.md")) && Files.isDirectory(here.resolve("src"))
        ? here
        : here.resolve("sql-parser");
  }

  /** The first fenced block of README.md opened by fence, without its fences. */
  private static String readmeBlock(String fence) throws IOException {
    String readme = Files.readString(moduleDir().resolve("README.md"), StandardCharsets.UTF_8);
    int from = readme.indexOf(fence) + fence.length();
    return readme.substring(from, readme.indexOf("```", from));
  }

  // README BEGIN (a copy of README.md's example; readmeCodeIsThisCopy keeps them equal)
  static final class ReadmeExample {
    public static void main(String[] args) {
      String sql = "SELECT o.id, upper(c.name) AS who FROM orders o"
          + " JOIN customers c ON c.id = o.customer_id WHERE o.total > :min AND NOT o.cancelled";
      ParsedStatement parsed = Parser.parseFirst(sql);
      Statement statement = parsed.statement();

      // Statement is sealed: one record per kind of statement
      if (statement instanceof Select select) {
        List<String> tables = new ArrayList<>();
        tables(select.from(), tables);
        System.out.println("tables: " + tables);

        List<String> columns = new ArrayList<>();
        for (ResultColumn rc : select.columns()) {
          if (rc instanceof ResultColumn.ExprColumn column) {
            columns(column.expr(), columns);
          }
        }
        columns(select.where(), columns);
        System.out.println("columns: " + columns);
      }
      System.out.println("parameters: " + parsed.parameterCount() + " " + parsed.parameterNames());

      // Back to SQL; parsing the print gives an equal AST
      String printed = SqlPrinter.print(statement);
      System.out.println(printed);
      System.out.println("round trip: " + Parser.parseFirst(printed).statement().equals(statement));

      // A script: one ParsedStatement per statement, with its place in the text
      String script = "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT NOT NULL);\n"
          + "INSERT INTO t(b) VALUES ('x'), ('y');";
      for (ParsedStatement p : Parser.parseAll(script)) {
        Statement s = p.statement();
        String what = s instanceof CreateTable t ? "create table " + t.name().name()
            : s instanceof Insert i ? "insert into " + i.table().name()
            : s.getClass().getSimpleName();
        System.out.println(what + ": " + script.substring(p.start(), p.end()));
      }

      // Errors are SQLite's, with the offset of the offending token
      try {
        Parser.parseFirst("SELECT * FORM t");
      } catch (ParseException e) {
        System.out.println(e.getMessage() + " at " + e.position());
      }
    }

    /** The tables of a FROM clause, in order; joins are a left-deep tree of Join. */
    static void tables(FromItem from, List<String> out) {
      if (from instanceof TableRef t) {
        out.add(t.name().name() + (t.alias() == null ? "" : " " + t.alias()));
      } else if (from instanceof Join j) {
        tables(j.left(), out);
        tables(j.right(), out);
      }
    }

    /** The columns an expression reads, walking the node kinds this query uses. */
    static void columns(Expr e, List<String> out) {
      if (e instanceof ColumnRef c) {
        out.add(c.table() == null ? c.column() : c.table() + "." + c.column());
      } else if (e instanceof Binary b) {
        columns(b.left(), out);
        columns(b.right(), out);
      } else if (e instanceof Unary u) {
        columns(u.operand(), out);
      } else if (e instanceof FunctionCall f) {
        f.args().forEach(a -> columns(a, out));
      } else if (e instanceof Parameter p) {
        out.add("?" + p.index());
      }
    }
  }
  // README END
}
