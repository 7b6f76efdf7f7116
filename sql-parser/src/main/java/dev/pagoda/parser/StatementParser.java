package dev.pagoda.parser;

import static dev.pagoda.parser.TokenType.AS;
import static dev.pagoda.parser.TokenType.COMMA;
import static dev.pagoda.parser.TokenType.EOF;
import static dev.pagoda.parser.TokenType.LP;
import static dev.pagoda.parser.TokenType.RP;
import static dev.pagoda.parser.TokenType.SEMI;

import dev.pagoda.parser.ast.Analyze;
import dev.pagoda.parser.ast.Attach;
import dev.pagoda.parser.ast.Begin;
import dev.pagoda.parser.ast.Commit;
import dev.pagoda.parser.ast.CreateIndex;
import dev.pagoda.parser.ast.Detach;
import dev.pagoda.parser.ast.DropIndex;
import dev.pagoda.parser.ast.DropTable;
import dev.pagoda.parser.ast.DropTrigger;
import dev.pagoda.parser.ast.DropView;
import dev.pagoda.parser.ast.Explain;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.Pragma;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.Reindex;
import dev.pagoda.parser.ast.Release;
import dev.pagoda.parser.ast.Rollback;
import dev.pagoda.parser.ast.Savepoint;
import dev.pagoda.parser.ast.Statement;
import dev.pagoda.parser.ast.TransactionMode;
import dev.pagoda.parser.ast.Vacuum;
import dev.pagoda.parser.ast.WithClause;
import java.util.List;

/**
 * Statements: dispatch on the first keyword, statement boundaries, EXPLAIN, CREATE INDEX, DROP,
 * transactions and savepoints, PRAGMA, ANALYZE, VACUUM, REINDEX, ATTACH and DETACH.
 */
final class StatementParser extends DdlParser {
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
        return insert(null, false);
      }
      case UPDATE -> {
        return update(null, false);
      }
      case DELETE -> {
        return delete(null, false);
      }
      case ALTER -> {
        return alterTable();
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
        return afterWith(withClause());
      }
      default -> {
        return utility();
      }
    }
  }

  /** The statement after a WITH clause: a SELECT, INSERT, UPDATE or DELETE. */
  private Statement afterWith(WithClause with) {
    switch (peek()) {
      case INSERT, REPLACE -> {
        return insert(with, false);
      }
      case UPDATE -> {
        return update(with, false);
      }
      case DELETE -> {
        return delete(with, false);
      }
      case SELECT, VALUES -> {
        return selectAfterWith(with);
      }
      default -> throw syntaxError();
    }
  }

  /**
   * {@code ANALYZE [nm dbnm]}, {@code VACUUM [nm] [INTO expr]}, {@code REINDEX [nm dbnm]}, {@code
   * ATTACH [DATABASE] expr AS expr [KEY expr]}, {@code DETACH [DATABASE] expr}.
   */
  private Statement utility() {
    switch (peek()) {
      case ANALYZE -> {
        advance();
        return new Analyze(isNm(peek()) ? qualifiedName() : null);
      }
      case REINDEX -> {
        advance();
        return new Reindex(isNm(peek()) ? qualifiedName() : null);
      }
      case VACUUM -> {
        advance();
        String schema = isNm(peek()) ? nm() : null;
        return new Vacuum(schema, accept(TokenType.INTO) ? expr() : null);
      }
      case ATTACH -> {
        advance();
        accept(TokenType.DATABASE);
        Expr file = expr();
        expect(AS);
        Expr schema = expr();
        return new Attach(file, schema, accept(TokenType.KEY) ? expr() : null);
      }
      case DETACH -> {
        advance();
        accept(TokenType.DATABASE);
        return new Detach(expr());
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
   * {@code CREATE [TEMP] TABLE|VIEW|TRIGGER ...}, {@code CREATE [UNIQUE] INDEX ...} or {@code
   * CREATE VIRTUAL TABLE ...}. SQLite has no TEMP index or virtual table: TEMP goes with TABLE,
   * VIEW and TRIGGER only.
   */
  private Statement create() {
    advance();
    TokenType t = peek();
    if (t == TokenType.UNIQUE || t == TokenType.INDEX) {
      return createIndex();
    }
    if (t == TokenType.VIRTUAL) {
      return createVirtualTable();
    }
    boolean temporary = accept(TokenType.TEMP);
    switch (peek()) {
      case TABLE -> {
        return createTable(temporary);
      }
      case VIEW -> {
        return createView(temporary);
      }
      case TRIGGER -> {
        return createTrigger(temporary);
      }
      default -> throw syntaxError();
    }
  }

  /**
   * From {@code [UNIQUE]}: {@code [UNIQUE] INDEX [IF NOT EXISTS] [schema.]name ON table
   * (sortlist) [WHERE expr]}, parse.y's {@code uniqueflag INDEX ifnotexists nm dbnm ON nm LP
   * sortlist RP where_opt}. The table is a bare {@code nm}.
   */
  private CreateIndex createIndex() {
    boolean unique = accept(TokenType.UNIQUE);
    expect(TokenType.INDEX);
    boolean ifNotExists = ifNotExists();
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
}
