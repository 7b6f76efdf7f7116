package dev.pagoda.parser;

import static dev.pagoda.parser.TokenType.AS;
import static dev.pagoda.parser.TokenType.COMMA;
import static dev.pagoda.parser.TokenType.EOF;
import static dev.pagoda.parser.TokenType.LP;
import static dev.pagoda.parser.TokenType.RP;
import static dev.pagoda.parser.TokenType.SEMI;

import dev.pagoda.parser.ast.Begin;
import dev.pagoda.parser.ast.Commit;
import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.parser.ast.CreateIndex;
import dev.pagoda.parser.ast.DropIndex;
import dev.pagoda.parser.ast.DropTable;
import dev.pagoda.parser.ast.DropTrigger;
import dev.pagoda.parser.ast.DropView;
import dev.pagoda.parser.ast.Explain;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.Insert;
import dev.pagoda.parser.ast.InsertSource;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.Pragma;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.Release;
import dev.pagoda.parser.ast.Rollback;
import dev.pagoda.parser.ast.Savepoint;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.Statement;
import dev.pagoda.parser.ast.TransactionMode;
import dev.pagoda.parser.ast.WithClause;
import java.util.List;

/**
 * Statements: dispatch on the first keyword, statement boundaries, EXPLAIN, CREATE INDEX, DROP,
 * INSERT, transactions and savepoints, PRAGMA.
 */
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

  /** {@code [EXPLAIN [QUERY PLAN]] cmd}: parse.y's {@code explain cmdx}; EXPLAIN does not nest. */
  private Statement statement() {
    if (accept(TokenType.EXPLAIN)) {
      boolean queryPlan = false;
      if (accept(TokenType.QUERY)) {
        expect(TokenType.PLAN);
        queryPlan = true;
      }
      return new Explain(queryPlan, command());
    }
    return command();
  }

  private Statement command() {
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
      case BEGIN -> {
        return begin();
      }
      case COMMIT, END -> {
        advance();
        transOpt();
        return new Commit();
      }
      case ROLLBACK -> {
        return rollback();
      }
      case SAVEPOINT -> {
        advance();
        return new Savepoint(nm());
      }
      case RELEASE -> {
        advance();
        accept(TokenType.SAVEPOINT);
        return new Release(nm());
      }
      case PRAGMA -> {
        return pragma();
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

  /** {@code BEGIN [DEFERRED|IMMEDIATE|EXCLUSIVE] trans_opt}. */
  private Begin begin() {
    advance();
    TransactionMode mode = TransactionMode.DEFERRED;
    if (accept(TokenType.IMMEDIATE)) {
      mode = TransactionMode.IMMEDIATE;
    } else if (accept(TokenType.EXCLUSIVE)) {
      mode = TransactionMode.EXCLUSIVE;
    } else {
      accept(TokenType.DEFERRED);
    }
    transOpt();
    return new Begin(mode);
  }

  /**
   * parse.y's {@code trans_opt}: {@code [TRANSACTION [nm]]}; the name is ignored. After TRANSACTION
   * any keyword but TO (the only other thing that may follow) falls back to a name.
   */
  private void transOpt() {
    if (accept(TokenType.TRANSACTION) && isNm(peek())) {
      advance();
    }
  }

  /** {@code ROLLBACK trans_opt [TO [SAVEPOINT] nm]}. */
  private Rollback rollback() {
    advance();
    transOpt();
    if (!accept(TokenType.TO)) {
      return new Rollback(null);
    }
    accept(TokenType.SAVEPOINT);
    return new Rollback(nm());
  }

  /**
   * {@code PRAGMA nm dbnm [= value | (value)]} where value is parse.y's {@code nmnum} ({@code
   * plus_num}, {@code nm}, {@code ON}, {@code DELETE}, {@code DEFAULT}) or {@code minus_num};
   * {@code plus_num} and {@code minus_num} take an INTEGER or FLOAT only (not a number with {@code
   * _} separators).
   */
  private Pragma pragma() {
    advance();
    QualifiedName name = qualifiedName();
    String value = null;
    if (accept(TokenType.EQ)) {
      value = pragmaValue();
    } else if (accept(LP)) {
      value = pragmaValue();
      expect(RP);
    }
    return new Pragma(name, value);
  }

  private String pragmaValue() {
    TokenType t = peek();
    if (t == TokenType.MINUS || t == TokenType.PLUS) {
      advance();
      String number = pragmaNumber();
      return t == TokenType.MINUS ? "-" + number : number;
    }
    if (t == TokenType.INTEGER || t == TokenType.FLOAT) {
      return pragmaNumber();
    }
    if (t == TokenType.ON || t == TokenType.DELETE || t == TokenType.DEFAULT) {
      return identifier();
    }
    return nm();
  }

  /** parse.y's {@code number}: an INTEGER or FLOAT token, as written. */
  private String pragmaNumber() {
    TokenType t = peek();
    if (t != TokenType.INTEGER && t != TokenType.FLOAT) {
      throw syntaxError();
    }
    String s = text();
    advance();
    return s;
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
