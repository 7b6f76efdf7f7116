package dev.pagoda.parser;

import dev.pagoda.parser.ast.Binary;
import dev.pagoda.parser.ast.BinaryOp;
import dev.pagoda.parser.ast.ColumnRef;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.Literal;
import dev.pagoda.parser.ast.LiteralKind;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.Statement;
import dev.pagoda.parser.ast.Unary;
import dev.pagoda.parser.ast.UnaryOp;

/** Terse AST builders and parse shortcuts for tests. */
final class Ast {
  private Ast() {}

  static Expr expr(String sql) {
    return Parser.parseExpression(sql);
  }

  static Statement stmt(String sql) {
    return Parser.parseFirst(sql).statement();
  }

  static Select select(String sql) {
    return (Select) stmt(sql);
  }

  /** The expression of the first result column of a SELECT. */
  static Expr firstColumn(String sql) {
    return ((ResultColumn.ExprColumn) select(sql).columns().get(0)).expr();
  }

  static ColumnRef col(String name) {
    return ColumnRef.of(name);
  }

  static Literal num(long v) {
    return Literal.integer(v);
  }

  static Literal str(String s) {
    return Literal.string(s);
  }

  static Literal real(String text) {
    return new Literal(LiteralKind.REAL, text);
  }

  static Binary bin(BinaryOp op, Expr l, Expr r) {
    return new Binary(op, l, r);
  }

  static Unary un(UnaryOp op, Expr e) {
    return new Unary(op, e);
  }

  /** The message of the ParseException that parsing sql with parseAll throws. */
  static String error(String sql) {
    try {
      Parser.parseAll(sql);
    } catch (ParseException e) {
      return e.getMessage();
    }
    throw new AssertionError("parsed without error: " + sql);
  }
}
