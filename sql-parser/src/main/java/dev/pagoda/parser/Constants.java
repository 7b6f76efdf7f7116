package dev.pagoda.parser;

import dev.pagoda.parser.ast.Between;
import dev.pagoda.parser.ast.Binary;
import dev.pagoda.parser.ast.Case;
import dev.pagoda.parser.ast.Cast;
import dev.pagoda.parser.ast.Collate;
import dev.pagoda.parser.ast.ColumnRef;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.InList;
import dev.pagoda.parser.ast.IsNull;
import dev.pagoda.parser.ast.Literal;
import dev.pagoda.parser.ast.Parameter;
import dev.pagoda.parser.ast.RowValue;
import dev.pagoda.parser.ast.Unary;
import java.util.List;

/**
 * SQLite's {@code sqlite3ExprIsConstant} as it answers while parsing (before names are resolved):
 * literals, parameters, {@code TRUE} and {@code FALSE}, and operators over those. Column
 * references, function calls (LIKE included, which SQLite parses as one), subqueries and RAISE are
 * not constant. The parser needs it for SQLite's rewrite of {@code x IN (constant)}.
 */
final class Constants {
  private Constants() {}

  static boolean isConstant(Expr e) {
    if (e instanceof Literal || e instanceof Parameter) {
      return true;
    }
    if (e instanceof ColumnRef c) {
      return c.schema() == null && c.table() == null && !c.doubleQuoted()
          && (c.column().equalsIgnoreCase("true") || c.column().equalsIgnoreCase("false"));
    }
    if (e instanceof Unary u) {
      return isConstant(u.operand());
    }
    if (e instanceof Binary b) {
      return isConstant(b.left()) && isConstant(b.right());
    }
    if (e instanceof Collate c) {
      return isConstant(c.expr());
    }
    if (e instanceof Cast c) {
      return isConstant(c.expr());
    }
    if (e instanceof IsNull n) {
      return isConstant(n.expr());
    }
    if (e instanceof Between b) {
      return isConstant(b.expr()) && isConstant(b.low()) && isConstant(b.high());
    }
    if (e instanceof InList in) {
      return isConstant(in.expr()) && all(in.values());
    }
    if (e instanceof RowValue r) {
      return all(r.values());
    }
    if (e instanceof Case c) {
      if (c.operand() != null && !isConstant(c.operand())) {
        return false;
      }
      if (c.elseExpr() != null && !isConstant(c.elseExpr())) {
        return false;
      }
      for (Case.When w : c.whens()) {
        if (!isConstant(w.condition()) || !isConstant(w.result())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean all(List<Expr> list) {
    for (Expr e : list) {
      if (!isConstant(e)) {
        return false;
      }
    }
    return true;
  }
}
