package dev.pagoda.parser;

import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.parser.ast.Expr;
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
   * Where the table name starts in a parsed CREATE TABLE: the first char of the unqualified name
   * after {@code CREATE [TEMP] TABLE [IF NOT EXISTS] [schema.]}. SQLite stores {@code "CREATE
   * TABLE "} followed by the statement's text from there in {@code sqlite_schema}.
   *
   * @param parsed a CREATE TABLE statement parsed from {@code sql}
   */
  public static int createTableNameOffset(String sql, ParsedStatement parsed) {
    if (!(parsed.statement() instanceof CreateTable)) {
      throw new IllegalArgumentException("not a CREATE TABLE statement");
    }
    Tokenizer t = new Tokenizer(sql.toCharArray(), parsed.start(), parsed.end());
    t.next(); // CREATE
    t.next();
    if (t.type == TokenType.TEMP) {
      t.next();
    }
    t.next(); // past TABLE
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

  /** Parses sql as exactly one expression (e.g. a stored DEFAULT value). */
  public static Expr parseExpression(String sql) {
    return new StatementParser(sql, 0).standaloneExpression();
  }
}
