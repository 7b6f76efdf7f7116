package dev.pagoda.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void isComplete_triggerBody_endsOnlyAtEndSemicolon() {
    String head = "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  INSERT INTO log VALUES (1);";
    assertFalse(SqlScanner.isComplete(head));
    assertFalse(SqlScanner.isComplete(head + "\n  UPDATE t SET a = 1;\nEND"));
    assertTrue(SqlScanner.isComplete(head + "\nEND;"));
    assertTrue(SqlScanner.isComplete("create temp trigger tr delete on t begin select 1; end ;"));
    assertTrue(SqlScanner.isComplete("EXPLAIN CREATE TRIGGER tr DELETE ON t BEGIN SELECT 1; END;"));
    // "end" as a word elsewhere, and "trigger" as a name, do not open a trigger body
    assertTrue(SqlScanner.isComplete("select case when 1 then 2 end;"));
    assertTrue(SqlScanner.isComplete("create table trigger(a);"));
    assertTrue(SqlScanner.isComplete("create table t(trigger);"));
    // a trigger's body may hold an END inside a string or a CASE
    assertFalse(SqlScanner.isComplete(
        "create trigger r insert on t begin select case when 1 then 'end;' end;"));
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
  void csv_quotesOnlyWhenNeeded() {
    Settings settings = new Settings();
    settings.columnSeparator = ",";
    assertEquals("abc", csv("abc", settings));
    assertEquals("1.5", csv("1.5", settings));
    assertEquals("\"\"", csv("", settings));
    assertEquals("\"a,b\"", csv("a,b", settings));
    assertEquals("\"é\"", csv("é", settings));
    assertEquals("\"say \"\"hi\"\"\"", csv("say \"hi\"", settings));
  }

  private static String csv(String text, Settings settings) {
    Bytes out = new Bytes();
    Cells.csv(out, Cells.utf8(text), settings);
    return new String(out.toArray(), StandardCharsets.UTF_8);
  }

  @Test
  void displayText_tabsExpandAndControlCharactersEndTheLine() {
    DisplayText d = DisplayText.first(Cells.utf8("a\tb\nc"), 0, false);
    assertEquals("a       b", new String(d.line(), StandardCharsets.UTF_8));
    assertEquals("c", new String(d.rest(), StandardCharsets.UTF_8));
  }

  @Test
  void displayText_wordWrap_breaksAfterSpace() {
    DisplayText d = DisplayText.first(Cells.utf8("hello world again"), 8, true);
    assertEquals("hello ", new String(d.line(), StandardCharsets.UTF_8));
    assertEquals("world again", new String(d.rest(), StandardCharsets.UTF_8));
  }

  @Test
  void identifiers_keywordsAndOddNamesAreQuoted() {
    assertEquals("\"table\"", Identifiers.quoteIfNeeded("table"));
    assertEquals("\"odd name\"", Identifiers.quoteIfNeeded("odd name"));
    assertEquals("\"1a\"", Identifiers.quoteIfNeeded("1a"));
    assertEquals("t_1", Identifiers.quoteIfNeeded("t_1"));
  }

  @Test
  void glob_starQuestionAndSets() {
    assertTrue(Like.glob("[nt]*", "nums"));
    assertTrue(Like.glob("n?ms", "nums"));
    assertFalse(Like.glob("N*", "nums"));
    assertTrue(Like.glob("[^x]*", "nums"));
  }

  @Test
  void split_quotedWordsKeepSpaces() {
    assertEquals(List.of("nullvalue", "N U"), DotCommands.split("nullvalue 'N U'"));
    assertEquals(List.of("tables"), DotCommands.split("  tables  "));
    assertEquals(List.of("separator", "\t", "\\t"), DotCommands.split("separator \"\\t\" '\\t'"));
  }
}
