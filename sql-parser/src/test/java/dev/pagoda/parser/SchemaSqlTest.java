package dev.pagoda.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * {@link Parser#schemaSql} and {@link Parser#schemaTextStart}: the text SQLite stores in {@code
 * sqlite_schema.sql}. Each expectation was read back from sqlite-jdbc 3.53; {@link
 * SqliteDifferentialTest} checks a corpus against it live.
 */
class SchemaSqlTest {
  private static String stored(String sql) {
    return Parser.schemaSql(sql, Parser.parseFirst(sql));
  }

  @Test
  void schemaSql_createIndex_normalizedHeadThenTextFromUnqualifiedName() {
    assertEquals("CREATE UNIQUE INDEX i1 on t(a)",
        stored("create unique index if not exists main.i1 on t(a)"));
    assertEquals("CREATE INDEX \"i6\" ON t (a COLLATE nocase DESC, b ASC) WHERE a > 1  ",
        stored("CREATE INDEX \"i6\" ON t (a COLLATE nocase DESC, b ASC) WHERE a > 1  "));
  }

  @Test
  void schemaSql_createIndex_keepsWhatPrecedesTheSemicolonOrEndOfInput() {
    assertEquals("CREATE INDEX i2 on t(a)   ", stored("create index i2 on t(a)   ;"));
    assertEquals("CREATE INDEX i7 on t(a)", stored("create index i7 on t(a);select 1"));
    assertEquals("CREATE INDEX i8 on t(a) ", stored("create index i8 on t(a) ;  "));
    assertEquals("CREATE INDEX i3 on t(a)  -- trailing\n",
        stored("create index i3 on t(a)  -- trailing\n"));
    assertEquals("CREATE INDEX i4 on t(a) /* c */", stored("create index i4 on t(a) /* c */"));
  }

  @Test
  void schemaSql_createIndex_dropsLastSemicolonEvenInsideTrailingComment() {
    assertEquals("CREATE INDEX i5 on t(a) -- x", stored("create index i5 on t(a) -- x;"));
    assertEquals("CREATE INDEX i on t(a) -- c;\n", stored("create index i on t(a) -- c;\n"));
  }

  @Test
  void schemaSql_createTable_endsAtParenthesisWithoutOptions() {
    assertEquals("CREATE TABLE u2(a)", stored("create table u2(a)   "));
    assertEquals("CREATE TABLE u4(a int)", stored("create table u4(a int)  -- c;"));
    assertEquals("CREATE TABLE t(a)", stored("create temp table if not exists temp.t(a) ;"));
  }

  @Test
  void schemaSql_createTable_withOptionsEndsAtNextToken() {
    assertEquals("CREATE TABLE u1(a primary key) without rowid   ",
        stored("create table u1(a primary key) without rowid   "));
    assertEquals("CREATE TABLE u2(a int) strict  -- c;", stored("create table u2(a int) strict  -- c;"));
    assertEquals("CREATE TABLE u3(a int) strict  /* c */  ",
        stored("create table u3(a int) strict  /* c */  ; "));
    assertEquals("CREATE TABLE u4(a primary key) without rowid ",
        stored("create table u4(a primary key) without rowid ;"));
    assertEquals("CREATE TABLE u5(a int) , strict", stored("create table u5(a int) , strict"));
  }

  @Test
  void schemaSql_offsetsAreIntoTheWholeString() {
    String sql = "SELECT 1; CREATE INDEX main.i ON t(a) ; SELECT 2";
    ParsedStatement parsed = Parser.parseFirst(sql, 10);
    assertEquals(sql.indexOf("i ON"), Parser.schemaTextStart(sql, parsed));
    assertEquals("CREATE INDEX i ON t(a) ", Parser.schemaSql(sql, parsed));
  }

  @Test
  void schemaTextStart_createTable_sameAsCreateTableNameOffset() {
    String sql = "CREATE TEMP TABLE IF NOT EXISTS \"s\" . \"t\"(a)";
    ParsedStatement parsed = Parser.parseFirst(sql);
    assertEquals(sql.indexOf("\"t\""), Parser.schemaTextStart(sql, parsed));
    assertEquals(sql.indexOf("\"t\""), Parser.createTableNameOffset(sql, parsed));
  }

  @Test
  void schemaSql_otherStatements_rejected() {
    String select = "SELECT 1";
    assertThrows(IllegalArgumentException.class,
        () -> Parser.schemaSql(select, Parser.parseFirst(select)));
    String asSelect = "CREATE TABLE t AS SELECT 1";
    assertThrows(IllegalArgumentException.class,
        () -> Parser.schemaSql(asSelect, Parser.parseFirst(asSelect)));
    String index = "CREATE INDEX i ON t(a)";
    assertThrows(IllegalArgumentException.class,
        () -> Parser.createTableNameOffset(index, Parser.parseFirst(index)));
  }
}
