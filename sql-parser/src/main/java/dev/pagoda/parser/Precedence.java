package dev.pagoda.parser;

import dev.pagoda.parser.ast.Between;
import dev.pagoda.parser.ast.Binary;
import dev.pagoda.parser.ast.BinaryOp;
import dev.pagoda.parser.ast.Collate;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.InList;
import dev.pagoda.parser.ast.InSelect;
import dev.pagoda.parser.ast.InTable;
import dev.pagoda.parser.ast.IsNull;
import dev.pagoda.parser.ast.Like;
import dev.pagoda.parser.ast.Unary;
import dev.pagoda.parser.ast.UnaryOp;

/**
 * Binding strength of SQLite's operators (parse.y's %left/%right lines), loosest first. Every
 * binary operator is left-associative; ESCAPE's level lies between COMPARISON and BITWISE but
 * only matters inside LIKE, whose operands are parsed at {@code COMPARISON}.
 */
final class Precedence {
  static final int NONE = 0;
  static final int OR = 1;
  static final int AND = 2;
  static final int NOT = 3;
  /** {@code = == != <> IS IN LIKE GLOB MATCH REGEXP BETWEEN ISNULL NOTNULL NOT NULL}. */
  static final int EQUALITY = 4;
  /** {@code < <= > >=}. */
  static final int COMPARISON = 5;
  /** {@code & | << >>}. */
  static final int BITWISE = 6;
  static final int ADDITIVE = 7;
  static final int MULTIPLICATIVE = 8;
  /** {@code || -> ->>}. */
  static final int CONCAT = 9;
  static final int COLLATE = 10;
  /** Prefix {@code - + ~}: tighter than COLLATE, as in parse.y. */
  static final int UNARY = 11;
  static final int PRIMARY = 12;

  private Precedence() {}

  static int of(BinaryOp op) {
    return switch (op) {
      case OR -> OR;
      case AND -> AND;
      case EQ, NE, IS, IS_NOT -> EQUALITY;
      case LT, LE, GT, GE -> COMPARISON;
      case BIT_AND, BIT_OR, LSHIFT, RSHIFT -> BITWISE;
      case ADD, SUBTRACT -> ADDITIVE;
      case MULTIPLY, DIVIDE, REMAINDER -> MULTIPLICATIVE;
      case CONCAT, JSON_EXTRACT, JSON_EXTRACT_VALUE -> CONCAT;
    };
  }

  /** How tightly {@code e} binds as printed; an operand looser than its slot needs parentheses. */
  static int of(Expr e) {
    if (e instanceof Binary binary) {
      return of(binary.op());
    }
    if (e instanceof Unary unary) {
      return unary.op() == UnaryOp.NOT ? NOT : UNARY;
    }
    if (e instanceof Collate) {
      return COLLATE;
    }
    if (e instanceof Between
        || e instanceof InList
        || e instanceof InSelect
        || e instanceof InTable
        || e instanceof Like
        || e instanceof IsNull) {
      return EQUALITY;
    }
    return PRIMARY;
  }
}
