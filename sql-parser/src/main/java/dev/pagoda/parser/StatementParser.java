package dev.pagoda.parser;

import static dev.pagoda.parser.TokenType.AS;
import static dev.pagoda.parser.TokenType.COMMA;
import static dev.pagoda.parser.TokenType.EOF;
import static dev.pagoda.parser.TokenType.LP;
import static dev.pagoda.parser.TokenType.RP;
import static dev.pagoda.parser.TokenType.SEMI;

import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.parser.ast.CreateIndex;
import dev.pagoda.parser.ast.DropIndex;
import dev.pagoda.parser.ast.DropTable;
import dev.pagoda.parser.ast.DropTrigger;
import dev.pagoda.parser.ast.DropView;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.Insert;
import dev.pagoda.parser.ast.InsertSource;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.Statement;
import dev.pagoda.parser.ast.WithClause;
import java.util.List;

/** Statements: dispatch on the first keyword, statement boundaries, CREATE INDEX, DROP, INSERT. */
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

  /**
   * {@code CREATE [TEMP] TABLE ...} or {@code CREATE [UNIQUE] INDEX ...}; other CREATE forms are
   * not supported yet. SQLite has no TEMP index: TEMP goes with TABLE, VIEW and TRIGGER only.
   */
  private Statement create() {
    advance();
    TokenType t = peek();
    if (t == TokenType.UNIQUE || t == TokenType.INDEX) {
      return createIndex();
    }
    boolean temporary = accept(TokenType.TEMP);
    if (peek() != TokenType.TABLE) {
      throw syntaxError();
    }
    return createTable(temporary);
  }

  /**
   * From {@code [UNIQUE]}: {@code [UNIQUE] INDEX [IF NOT EXISTS] [schema.]name ON table
   * (sortlist) [WHERE expr]}, parse.y's {@code uniqueflag INDEX ifnotexists nm dbnm ON nm LP
   * sortlist RP where_opt}. The table is a bare {@code nm}.
   */
  private CreateIndex createIndex() {
    boolean unique = accept(TokenType.UNIQUE);
    expect(TokenType.INDEX);
    boolean ifNotExists = false;
    if (accept(TokenType.IF)) {
      expect(TokenType.NOT);
      expect(TokenType.EXISTS);
      ifNotExists = true;
    }
    QualifiedName name = qualifiedName();
    expect(TokenType.ON);
    String table = nm();
    expect(LP);
    List<OrderingTerm> columns = sortList();
    expect(RP);
    Expr where = accept(TokenType.WHERE) ? expr() : null;
    return new CreateIndex(unique, ifNotExists, name, table, columns, where);
  }

  /**
   * {@code DROP TABLE|INDEX|VIEW|TRIGGER [IF EXISTS] [schema.]name}; parse.y gives all four the
   * same shape ({@code ifexists fullname}).
   */
  private Statement drop() {
    advance();
    TokenType kind = peek();
    if (kind != TokenType.TABLE
        && kind != TokenType.INDEX
        && kind != TokenType.VIEW
        && kind != TokenType.TRIGGER) {
      throw syntaxError();
    }
    advance();
    boolean ifExists = false;
    if (accept(TokenType.IF)) {
      expect(TokenType.EXISTS);
      ifExists = true;
    }
    QualifiedName name = qualifiedName();
    switch (kind) {
      case INDEX -> {
        return new DropIndex(ifExists, name);
      }
      case VIEW -> {
        return new DropView(ifExists, name);
      }
      case TRIGGER -> {
        return new DropTrigger(ifExists, name);
      }
      default -> {
        return new DropTable(ifExists, name);
      }
    }
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
