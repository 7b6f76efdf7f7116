package dev.pagoda.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shell's small helpers: statement completeness, LIKE, column layout, CSV quoting. */
class SupportTest {
  @Test
  void isComplete_endsWithSemicolon_true() {
    assertTrue(SqlScanner.isComplete("select 1;"));
    assertTrue(SqlScanner.isComplete("select 1;  -- done\n"));
    assertTrue(SqlScanner.isComplete("select 1; /* done */ "));
    assertTrue(SqlScanner.isComplete("select 'it''s';"));
    assertTrue(SqlScanner.isComplete("select \"a;\", [b;], `c;`;"));
  }

  @Test
  void isComplete_semicolonInsideQuotesOrComments_false() {
    assertFalse(SqlScanner.isComplete("select 1"));
    assertFalse(SqlScanner.isComplete("select 'a;"));
    assertFalse(SqlScanner.isComplete("select 'it''s;"));
    assertFalse(SqlScanner.isComplete("select 1 -- ;"));
    assertFalse(SqlScanner.isComplete("select 1 /* ; "));
    assertFalse(SqlScanner.isComplete("select 1; select 2"));
    assertFalse(SqlScanner.isComplete("select [a;"));
  }

  @Test
  void isBlank_onlyCommentsAndSemicolons_true() {
    assertTrue(SqlScanner.isBlank(" ;\n -- x\n /* y */ ;"));
    assertTrue(SqlScanner.isBlank("/* open"));
    assertFalse(SqlScanner.isBlank("; x"));
  }

  @Test
  void like_percentAndUnderscore_matchCaseInsensitively() {
    assertTrue(Like.matches("%", ""));
    assertTrue(Like.matches("t%", "Table"));
    assertTrue(Like.matches("%a_c%", "xxABCyy"));
    assertFalse(Like.matches("t_", "t"));
    assertFalse(Like.matches("abc", "abcd"));
  }

  @Test
  void printColumns_fillsColumnsDownwardLikeSqlite() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    String longName = "b".repeat(24);
    DotCommands.printColumns(List.of("a", longName, "c", "dd", "e", "f", "g", "h", "i"), out);
    String pad = " ".repeat(23);
    String expected =
        "a"
            + pad
            + "  dd"
            + " ".repeat(22)
            + "  g"
            + pad
            + "\n"
            + longName
            + "  e"
            + pad
            + "  h"
            + pad
            + "\n"
            + "c"
            + pad
            + "  f"
            + pad
            + "  i"
            + pad
            + "\n";
    assertEquals(expected, bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void csvField_quotesOnlyWhenNeeded() {
    assertEquals("abc", OutputMode.csvField("abc"));
    assertEquals("1.5", OutputMode.csvField("1.5"));
    assertEquals("\"a,b\"", OutputMode.csvField("a,b"));
    assertEquals("\"é\"", OutputMode.csvField("é"));
    assertEquals("\"say \"\"hi\"\"\"", OutputMode.csvField("say \"hi\""));
  }

  @Test
  void split_quotedWordsKeepSpaces() {
    assertEquals(List.of("nullvalue", "N U"), DotCommands.split("nullvalue 'N U'"));
    assertEquals(List.of("tables"), DotCommands.split("  tables  "));
  }
}
