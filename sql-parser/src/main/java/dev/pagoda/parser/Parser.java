package dev.pagoda.parser;

import dev.pagoda.parser.ast.CreateIndex;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.parser.ast.CreateTrigger;
import dev.pagoda.parser.ast.CreateView;
import dev.pagoda.parser.ast.CreateVirtualTable;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses SQL in SQLite's dialect into the immutable AST of {@link dev.pagoda.parser.ast}. Stateless
 * and thread-safe. Every method throws {@link ParseException} with SQLite's message on bad input.
 */
public final class Parser {
  private Parser() {}

  /** Parses every statement in sql; empty statements ({@code ;;}) are skipped. */
  public static List<ParsedStatement> parseAll(String sql) {
    StatementParser p = new StatementParser(sql, 0);
    List<ParsedStatement> list = new ArrayList<>();
    for (ParsedStatement s = p.next(); s != null; s = p.next()) {
      list.add(s);
    }
    return List.copyOf(list);
  }

  /**
   * Parses the first statement; returns null when sql holds only whitespace, comments and
   * semicolons. The returned statement tells where it ends so a caller can continue with the rest
   * (like sqlite3_prepare's pzTail); {@link ScriptParser} does that without re-scanning.
   */
  public static ParsedStatement parseFirst(String sql) {
    return parseFirst(sql, 0);
  }

  /** Like {@link #parseFirst(String)}, starting at char {@code offset}; offsets stay absolute. */
  public static ParsedStatement parseFirst(String sql, int offset) {
    return new StatementParser(sql, offset).next();
  }

  /**
   * Where the table name starts in a parsed CREATE TABLE; same as {@link #schemaTextStart}.
   *
   * @param parsed a CREATE TABLE statement parsed from {@code sql}
   */
  public static int createTableNameOffset(String sql, ParsedStatement parsed) {
    if (!(parsed.statement() instanceof CreateTable)) {
      throw new IllegalArgumentException("not a CREATE TABLE statement");
    }
    return schemaTextStart(sql, parsed);
  }

  /**
   * Where the text SQLite keeps in {@code sqlite_schema.sql} starts in a parsed CREATE TABLE,
   * INDEX, VIEW, TRIGGER or VIRTUAL TABLE: the first char of the unqualified name after {@code
   * CREATE [TEMP] TABLE|VIEW|TRIGGER [IF NOT EXISTS] [schema.]}, {@code CREATE [UNIQUE] INDEX [IF
   * NOT EXISTS] [schema.]} or {@code CREATE VIRTUAL TABLE [IF NOT EXISTS] [schema.]}.
   *
   * @param parsed a CREATE statement of one of those kinds parsed from {@code sql}
   * @see #schemaSql
   */
  public static int schemaTextStart(String sql, ParsedStatement parsed) {
    Statement s = parsed.statement();
    if (!isSchemaObject(s)) {
      throw new IllegalArgumentException(
          "not a CREATE TABLE, INDEX, VIEW, TRIGGER or VIRTUAL TABLE statement");
    }
    Tokenizer t = new Tokenizer(sql.toCharArray(), parsed.start(), parsed.end());
    t.next(); // CREATE
    do {
      t.next(); // [TEMP] TABLE|VIEW|TRIGGER, [UNIQUE] INDEX or VIRTUAL TABLE
    } while (t.type != TokenType.TABLE
        && t.type != TokenType.INDEX
        && t.type != TokenType.VIEW
        && t.type != TokenType.TRIGGER);
    t.next();
    if (t.type == TokenType.IF) {
      t.next(); // NOT
      t.next(); // EXISTS
      t.next();
    }
    int nameStart = t.start;
    t.next();
    if (t.type == TokenType.DOT) {
      t.next();
      nameStart = t.start;
    }
    return nameStart;
  }

  private static boolean isSchemaObject(Statement s) {
    return s instanceof CreateTable
        || s instanceof CreateIndex
        || s instanceof CreateView
        || s instanceof CreateTrigger
        || s instanceof CreateVirtualTable;
  }

  /**
   * The text SQLite stores in {@code sqlite_schema.sql} for a parsed CREATE TABLE (not {@code AS
   * SELECT}, whose text SQLite generates), INDEX, VIEW, TRIGGER or VIRTUAL TABLE, reproducing
   * {@code sqlite3EndTable}, {@code sqlite3CreateIndex}, {@code sqlite3CreateView}, {@code
   * sqlite3FinishTrigger} and {@code sqlite3VtabFinishParse}: a normalized head ({@code CREATE
   * TABLE}, {@code CREATE [UNIQUE] INDEX}, {@code CREATE VIEW}, {@code CREATE TRIGGER}, {@code
   * CREATE VIRTUAL TABLE}; TEMP and IF NOT EXISTS dropped), then the statement's own text from the
   * unqualified name ({@link #schemaTextStart}) on, so {@code create unique index if not exists
   * main.i on t(a)} is stored as {@code CREATE UNIQUE INDEX i on t(a)}. Where the text ends:
   *
   * <ul>
   *   <li>CREATE TABLE without options: at its closing parenthesis.
   *   <li>CREATE TABLE with {@code WITHOUT ROWID} or {@code STRICT}: at the token after the
   *       statement, the {@code ;} (excluded) or the end of input, so whitespace and comments
   *       before it are kept.
   *   <li>CREATE INDEX: likewise, except that a last char {@code ;} is dropped also when it ends a
   *       trailing {@code --} comment at the end of input.
   *   <li>CREATE VIEW: likewise, then trailing whitespace is trimmed and a last char {@code ;}
   *       dropped.
   *   <li>CREATE TRIGGER: at the end of its {@code END}; CREATE VIRTUAL TABLE: at the end of its
   *       last token (the module name or the closing parenthesis).
   * </ul>
   *
   * @param parsed a CREATE statement of one of those kinds parsed from {@code sql}
   * @throws IllegalArgumentException for other statements and for CREATE TABLE ... AS SELECT
   */
  public static String schemaSql(String sql, ParsedStatement parsed) {
    Statement s = parsed.statement();
    if (s instanceof CreateIndex index) {
      int from = schemaTextStart(sql, parsed);
      int to = parsed.tailOffset();
      if (to > from && sql.charAt(to - 1) == ';') {
        to--;
      }
      return (index.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ")
          + sql.substring(from, to);
    }
    if (s instanceof CreateView) {
      return "CREATE VIEW " + viewText(sql, parsed);
    }
    if (s instanceof CreateTrigger || s instanceof CreateVirtualTable) {
      String head = s instanceof CreateTrigger ? "CREATE TRIGGER " : "CREATE VIRTUAL TABLE ";
      return head + sql.substring(schemaTextStart(sql, parsed), parsed.end());
    }
    if (!(s instanceof CreateTable table) || table.asSelect() != null) {
      throw new IllegalArgumentException(
          "not a CREATE TABLE (without AS SELECT), INDEX, VIEW, TRIGGER or VIRTUAL TABLE"
              + " statement");
    }
    int from = schemaTextStart(sql, parsed);
    int to = parsed.end();
    if (table.withoutRowid() || table.strict()) {
      to = nextTokenOrEnd(sql, parsed);
    }
    return "CREATE TABLE " + sql.substring(from, to);
  }

  /** Where the {@code ;} after the statement starts, or the end of input. */
  private static int nextTokenOrEnd(String sql, ParsedStatement parsed) {
    Tokenizer t = new Tokenizer(sql.toCharArray(), parsed.end(), parsed.tailOffset());
    t.next();
    return t.type == TokenType.SEMI ? t.start : parsed.tailOffset();
  }

  /** {@code sqlite3CreateView}'s text: up to the {@code ;} or end, whitespace trimmed. */
  private static String viewText(String sql, ParsedStatement parsed) {
    int from = schemaTextStart(sql, parsed);
    int to = nextTokenOrEnd(sql, parsed);
    while (to > from && isSqliteSpace(sql.charAt(to - 1))) {
      to--;
    }
    if (to > from && sql.charAt(to - 1) == ';') {
      to--;
    }
    return sql.substring(from, to);
  }

  /** {@code sqlite3Isspace}: space, tab, newline, vertical tab, form feed, carriage return. */
  private static boolean isSqliteSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** Whether {@code word} is one of SQLite's keywords (ASCII case-insensitive). */
  public static boolean isKeyword(String word) {
    return Keywords.lookup(word) != TokenType.ID;
  }

  /** Parses sql as exactly one expression (e.g. a stored DEFAULT value). */
  public static Expr parseExpression(String sql) {
    return new StatementParser(sql, 0).standaloneExpression();
  }
}
