package dev.pagoda.parser;

import static dev.pagoda.parser.TokenType.AS;
import static dev.pagoda.parser.TokenType.COMMA;
import static dev.pagoda.parser.TokenType.EOF;
import static dev.pagoda.parser.TokenType.LP;
import static dev.pagoda.parser.TokenType.RP;
import static dev.pagoda.parser.TokenType.SEMI;

import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.parser.ast.DropTable;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.Insert;
import dev.pagoda.parser.ast.InsertSource;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.Statement;
import dev.pagoda.parser.ast.WithClause;
import java.util.List;

/** Statements: dispatch on the first keyword, statement boundaries, DROP and INSERT. */
final class StatementParser extends TableParser {
  StatementParser(String sql, int from) {
    super(sql, from);
  }

  /** The next statement, or null when only whitespace, comments and semicolons remain. */
  ParsedStatement next() {
    while (accept(SEMI)) {
      // empty statement
    }
    if (peek() == EOF) {
      return null;
    }
    resetParameters();
    int start = start();
    Statement statement = statement();
    int end = prevEnd;
    int tail;
    if (peek() == SEMI) {
      advance();
      tail = prevEnd;
    } else if (peek() == EOF) {
      raiseDeferred();
      tail = limit;
    } else {
      throw syntaxError();
    }
    return new ParsedStatement(statement, start, end, tail, parameterCount(), parameterNames());
  }

  /** The whole input as one expression. */
  Expr standaloneExpression() {
    resetParameters();
    Expr e = expr();
    if (peek() != EOF) {
      throw syntaxError();
    }
    raiseDeferred();
    return e;
  }

  private Statement statement() {
    switch (peek()) {
      case CREATE -> {
        return create();
      }
      case DROP -> {
        return drop();
      }
      case INSERT, REPLACE -> {
        return insert(null);
      }
      case SELECT, VALUES -> {
        return selectAfterWith(null);
      }
      case WITH -> {
        WithClause with = withClause();
        TokenType t = peek();
        if (t == TokenType.INSERT || t == TokenType.REPLACE) {
          return insert(with);
        }
        if (t == TokenType.SELECT || t == TokenType.VALUES) {
          return selectAfterWith(with);
        }
        throw syntaxError();
      }
      default -> throw syntaxError();
    }
  }

  /** {@code CREATE [TEMP] TABLE ...}; other CREATE forms are not supported yet. */
  private Statement create() {
    advance();
    boolean temporary = accept(TokenType.TEMP);
    if (peek() != TokenType.TABLE) {
      throw syntaxError();
    }
    return createTable(temporary);
  }

  /** {@code DROP TABLE [IF EXISTS] name}; other DROP forms are not supported yet. */
  private Statement drop() {
    advance();
    if (peek() != TokenType.TABLE) {
      throw syntaxError();
    }
    advance();
    boolean ifExists = false;
    if (accept(TokenType.IF)) {
      expect(TokenType.EXISTS);
      ifExists = true;
    }
    return new DropTable(ifExists, qualifiedName());
  }

  /** {@code [WITH ..] INSERT [OR action] | REPLACE INTO table [AS alias] [(cols)] source}. */
  private Statement insert(WithClause with) {
    ConflictAction orConflict = null;
    if (accept(TokenType.REPLACE)) {
      orConflict = ConflictAction.REPLACE;
    } else {
      expect(TokenType.INSERT);
      if (accept(TokenType.OR)) {
        orConflict = resolveType();
      }
    }
    expect(TokenType.INTO);
    QualifiedName table = qualifiedName();
    String alias = accept(AS) ? nm() : null;
    List<String> columns = peek() == LP ? nameList() : List.of();
    InsertSource source;
    if (accept(TokenType.DEFAULT)) {
      expect(TokenType.VALUES);
      source = new InsertSource.DefaultValues();
    } else {
      Select s = select();
      boolean plainValues = s.isValues() && s.compounds().isEmpty() && s.with() == null;
      source = plainValues ? new InsertSource.Values(s.values()) : new InsertSource.FromSelect(s);
    }
    return new Insert(with, orConflict, table, alias, columns, source);
  }
}
