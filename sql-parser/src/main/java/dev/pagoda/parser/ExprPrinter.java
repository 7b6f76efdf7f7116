package dev.pagoda.parser;

import dev.pagoda.parser.ast.Between;
import dev.pagoda.parser.ast.Binary;
import dev.pagoda.parser.ast.Case;
import dev.pagoda.parser.ast.Cast;
import dev.pagoda.parser.ast.Collate;
import dev.pagoda.parser.ast.ColumnRef;
import dev.pagoda.parser.ast.Exists;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.FunctionCall;
import dev.pagoda.parser.ast.InList;
import dev.pagoda.parser.ast.InSelect;
import dev.pagoda.parser.ast.InTable;
import dev.pagoda.parser.ast.IsNull;
import dev.pagoda.parser.ast.Like;
import dev.pagoda.parser.ast.Literal;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.Parameter;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.Raise;
import dev.pagoda.parser.ast.RowValue;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.Subquery;
import dev.pagoda.parser.ast.Unary;
import dev.pagoda.parser.ast.UnaryOp;
import dev.pagoda.parser.ast.WindowDefinition;
import dev.pagoda.parser.ast.WindowFrame;
import java.util.List;

/** Expression printing for {@link SqlPrinter}: minimal parentheses, safe quoting. */
abstract class ExprPrinter {
  final StringBuilder out = new StringBuilder(64);

  abstract void select(Select s);

  @Override
  public final String toString() {
    return out.toString();
  }

  final void expr(Expr e) {
    if (e instanceof Literal literal) {
      literal(literal);
    } else if (e instanceof ColumnRef columnRef) {
      columnRef(columnRef);
    } else if (e instanceof Parameter p) {
      out.append(p.name() == null ? "?" : p.name());
    } else if (e instanceof Binary b) {
      int prec = Precedence.of(b.op());
      expr(b.left(), prec);
      out.append(' ').append(b.op().symbol()).append(' ');
      expr(b.right(), prec + 1);
    } else if (e instanceof Unary unary) {
      unary(unary);
    } else if (e instanceof Collate collate) {
      expr(collate.expr(), Precedence.COLLATE);
      out.append(" COLLATE ");
      name(collate.collation());
    } else if (e instanceof FunctionCall functionCall) {
      functionCall(functionCall);
    } else {
      predicateOrOther(e);
    }
  }

  /** Prints e, parenthesized if it binds more loosely than {@code minPrec}. */
  final void expr(Expr e, int minPrec) {
    if (Precedence.of(e) < minPrec) {
      out.append('(');
      expr(e);
      out.append(')');
    } else {
      expr(e);
    }
  }

  private void predicateOrOther(Expr e) {
    if (e instanceof IsNull isNull) {
      expr(isNull.expr(), Precedence.EQUALITY);
      out.append(isNull.not() ? " IS NOT NULL" : " IS NULL");
    } else if (e instanceof Between b) {
      expr(b.expr(), Precedence.EQUALITY);
      out.append(b.not() ? " NOT BETWEEN " : " BETWEEN ");
      expr(b.low(), Precedence.NOT);
      out.append(" AND ");
      expr(b.high(), Precedence.EQUALITY + 1);
    } else if (e instanceof Like l) {
      expr(l.expr(), Precedence.EQUALITY);
      out.append(l.not() ? " NOT " : " ").append(l.op().name()).append(' ');
      expr(l.pattern(), Precedence.EQUALITY + 1);
      if (l.escape() != null) {
        out.append(" ESCAPE ");
        expr(l.escape(), Precedence.EQUALITY + 1);
      }
    } else if (e instanceof InList || e instanceof InSelect || e instanceof InTable) {
      in(e);
    } else {
      other(e);
    }
  }

  private void in(Expr e) {
    if (e instanceof InList i) {
      expr(i.expr(), Precedence.EQUALITY);
      out.append(i.not() ? " NOT IN (" : " IN (");
      exprList(i.values());
      out.append(')');
    } else if (e instanceof InSelect i) {
      expr(i.expr(), Precedence.EQUALITY);
      out.append(i.not() ? " NOT IN (" : " IN (");
      select(i.select());
      out.append(')');
    } else {
      InTable i = (InTable) e;
      expr(i.expr(), Precedence.EQUALITY);
      out.append(i.not() ? " NOT IN " : " IN ");
      qualifiedName(i.table());
      if (!i.args().isEmpty()) {
        out.append('(');
        exprList(i.args());
        out.append(')');
      }
    }
  }

  private void other(Expr e) {
    if (e instanceof Cast c) {
      out.append("CAST(");
      expr(c.expr());
      out.append(" AS");
      if (c.type() != null) {
        out.append(' ');
        verbatim(c.type().text());
      }
      out.append(')');
    } else if (e instanceof Case choice) {
      caseExpr(choice);
    } else if (e instanceof Exists exists) {
      out.append("EXISTS (");
      select(exists.select());
      out.append(')');
    } else if (e instanceof Subquery subquery) {
      out.append('(');
      select(subquery.select());
      out.append(')');
    } else if (e instanceof RowValue rowValue) {
      out.append('(');
      exprList(rowValue.values());
      out.append(')');
    } else {
      Raise r = (Raise) e;
      out.append("RAISE(").append(r.action().name());
      if (r.message() != null) {
        out.append(", ");
        expr(r.message());
      }
      out.append(')');
    }
  }

  private void unary(Unary u) {
    if (u.op() == UnaryOp.NOT) {
      out.append("NOT ");
      expr(u.operand(), Precedence.NOT);
      return;
    }
    out.append(u.op().symbol());
    int at = out.length();
    expr(u.operand(), Precedence.UNARY);
    if (u.op() == UnaryOp.NEGATE && out.charAt(at) == '-') {
      out.insert(at, ' ');
    }
  }

  private void caseExpr(Case c) {
    out.append("CASE ");
    if (c.operand() != null) {
      expr(c.operand());
      out.append(' ');
    }
    for (Case.When w : c.whens()) {
      out.append("WHEN ");
      expr(w.condition());
      out.append(" THEN ");
      expr(w.result());
      out.append(' ');
    }
    if (c.elseExpr() != null) {
      out.append("ELSE ");
      expr(c.elseExpr());
      out.append(' ');
    }
    out.append("END");
  }

  private void functionCall(FunctionCall f) {
    if (isBareFunctionName(f.name())) {
      out.append(f.name());
    } else {
      quote(f.name(), '"');
    }
    out.append('(');
    if (f.star()) {
      out.append('*');
    } else {
      out.append(f.distinct() ? "DISTINCT " : "");
      exprList(f.args());
      if (!f.orderBy().isEmpty()) {
        out.append(f.args().isEmpty() ? "ORDER BY " : " ORDER BY ");
        String sep = "";
        for (OrderingTerm t : f.orderBy()) {
          out.append(sep);
          sep = ", ";
          orderingTerm(t);
        }
      }
    }
    out.append(')');
    if (f.filter() != null) {
      out.append(" FILTER (WHERE ");
      expr(f.filter());
      out.append(')');
    }
    if (f.over() != null) {
      out.append(" OVER ");
      if (f.over().windowName() != null) {
        name(f.over().windowName());
      } else {
        out.append('(');
        windowDefinition(f.over().definition());
        out.append(')');
      }
    }
  }

  /** The inside of a window definition's parentheses. */
  final void windowDefinition(WindowDefinition w) {
    String sep = "";
    if (w.base() != null) {
      name(w.base()); // keywords such as ROWS get quotes
      sep = " ";
    }
    if (!w.partitionBy().isEmpty()) {
      out.append(sep).append("PARTITION BY ");
      exprList(w.partitionBy());
      sep = " ";
    }
    if (!w.orderBy().isEmpty()) {
      out.append(sep).append("ORDER BY ");
      String comma = "";
      for (OrderingTerm t : w.orderBy()) {
        out.append(comma);
        comma = ", ";
        orderingTerm(t);
      }
      sep = " ";
    }
    if (w.frame() != null) {
      out.append(sep);
      frame(w.frame());
    }
  }

  private void frame(WindowFrame f) {
    out.append(f.unit().name()).append(" BETWEEN ");
    bound(f.start());
    out.append(" AND ");
    bound(f.end());
    if (f.exclude() != null) {
      out.append(" EXCLUDE ").append(f.exclude().sql());
    }
  }

  private void bound(WindowFrame.Bound b) {
    switch (b.kind()) {
      case UNBOUNDED_PRECEDING -> out.append("UNBOUNDED PRECEDING");
      case CURRENT_ROW -> out.append("CURRENT ROW");
      case UNBOUNDED_FOLLOWING -> out.append("UNBOUNDED FOLLOWING");
      case PRECEDING -> {
        expr(b.offset());
        out.append(" PRECEDING");
      }
      case FOLLOWING -> {
        expr(b.offset());
        out.append(" FOLLOWING");
      }
    }
  }

  private void literal(Literal l) {
    switch (l.kind()) {
      case STRING -> quote(l.text(), '\'');
      case BLOB -> out.append("X'").append(l.text()).append('\'');
      default -> out.append(l.text());
    }
  }

  /**
   * A column reference. The column part keeps its double quotes when it had them (they carry
   * meaning in SQLite); otherwise a name that needs quoting gets backticks, which do not.
   */
  private void columnRef(ColumnRef c) {
    if (c.schema() != null) {
      name(c.schema());
      out.append('.');
    }
    if (c.table() != null) {
      name(c.table());
      out.append('.');
    }
    if (c.doubleQuoted()) {
      quote(c.column(), '"');
    } else if (isBareName(c.column())) {
      out.append(c.column());
    } else {
      quote(c.column(), '`');
    }
  }

  final void exprList(List<Expr> list) {
    String sep = "";
    for (Expr e : list) {
      out.append(sep);
      sep = ", ";
      expr(e);
    }
  }

  final void orderingTerm(OrderingTerm t) {
    expr(t.expr());
    if (t.order() != null) {
      out.append(' ').append(t.order().name());
    }
    if (t.nulls() != null) {
      out.append(" NULLS ").append(t.nulls().name());
    }
  }

  final void qualifiedName(QualifiedName n) {
    if (n.schema() != null) {
      name(n.schema());
      out.append('.');
    }
    name(n.name());
  }

  /** An identifier, double-quoted unless it is a plain non-keyword name. */
  final void name(String s) {
    if (isBareName(s)) {
      out.append(s);
    } else {
      quote(s, '"');
    }
  }

  private void quote(String s, char q) {
    out.append(q);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(c);
      if (c == q) {
        out.append(q);
      }
    }
    out.append(q);
  }

  /**
   * Source text kept by the AST, printed as is. A {@code --} comment in it would swallow what
   * follows, so a newline closes it (a newline elsewhere is harmless whitespace).
   */
  final void verbatim(String text) {
    out.append(text);
    if (text.contains("--")) {
      out.append('\n');
    }
  }

  /** An identifier the tokenizer reads back as the same plain, non-keyword ID. */
  static boolean isBareName(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char c = s.charAt(0);
    boolean start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
        || (c >= 128 && c != '\uFEFF');
    if (!start || ((c == 'x' || c == 'X') && s.length() > 1 && s.charAt(1) == '\'')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!Tokenizer.isIdChar(s.charAt(i))) {
        return false;
      }
    }
    return Keywords.lookup(s) == TokenType.ID;
  }

  /** A function name may also be a keyword that SQLite accepts in that place. */
  private static boolean isBareFunctionName(String s) {
    if (isBareName(s)) {
      return true;
    }
    TokenType t = Keywords.lookup(s);
    return (t.isFallback() || t.isJoinKeyword() || t == TokenType.INDEXED)
        && t != TokenType.CAST
        && t != TokenType.RAISE
        && t != TokenType.CURRENT_TIME
        && t != TokenType.CURRENT_DATE
        && t != TokenType.CURRENT_TIMESTAMP;
  }
}
