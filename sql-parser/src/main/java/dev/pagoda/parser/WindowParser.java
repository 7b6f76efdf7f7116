package dev.pagoda.parser;

import static dev.pagoda.parser.TokenType.AS;
import static dev.pagoda.parser.TokenType.BY;
import static dev.pagoda.parser.TokenType.COMMA;
import static dev.pagoda.parser.TokenType.LP;
import static dev.pagoda.parser.TokenType.RP;

import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.FunctionCall;
import dev.pagoda.parser.ast.NamedWindow;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.Over;
import dev.pagoda.parser.ast.WindowDefinition;
import dev.pagoda.parser.ast.WindowFrame;
import dev.pagoda.parser.ast.WindowFrame.Bound;
import dev.pagoda.parser.ast.WindowFrame.BoundKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Window functions (parse.y's {@code filter_over}, {@code window}, {@code frame_opt}) and the
 * SELECT's WINDOW clause. None of these expressions counts toward SQLite's expression height.
 * Errors SQLite raises later ({@code no such window}, frame offsets that are not non-negative
 * integers, RANGE offsets without exactly one ORDER BY term, FILTER or OVER on a function that is
 * no aggregate or window function) belong to the engine.
 */
abstract class WindowParser extends ExpressionParser {
  WindowParser(String sql, int from) {
    super(sql, from);
  }

  @Override
  final FunctionCall filterOver(FunctionCall call) {
    Expr filter = null;
    if (accept(TokenType.FILTER)) {
      expect(LP);
      expect(TokenType.WHERE);
      push(3);
      filter = expr();
      peak(2);
      expect(RP);
      pop(3);
    }
    Over over = null;
    if (accept(TokenType.OVER)) {
      if (accept(LP)) {
        push(2);
        WindowDefinition definition = windowDefinition();
        peak(2);
        expect(RP);
        pop(2);
        over = Over.of(definition);
      } else {
        over = Over.named(nm());
      }
    }
    return call.withWindow(filter, over);
  }

  /** {@code WINDOW name AS (definition), ...}: parse.y's {@code window_clause}. */
  final List<NamedWindow> windowClause() {
    expect(TokenType.WINDOW);
    List<NamedWindow> windows = new ArrayList<>();
    do {
      String name = nm();
      expect(AS);
      expect(LP);
      int symbols = windows.isEmpty() ? 5 : 7;
      push(symbols);
      WindowDefinition definition = windowDefinition();
      peak(2);
      expect(RP);
      pop(symbols);
      windows.add(new NamedWindow(name, definition));
    } while (accept(COMMA));
    return windows;
  }

  /**
   * parse.y's {@code window}: {@code [base] [PARTITION BY ..] [ORDER BY ..] [frame]}. A leading
   * PARTITION, RANGE, ROWS or GROUPS is the keyword, never a base window's name.
   */
  private WindowDefinition windowDefinition() {
    String base = null;
    TokenType t = peek();
    if (isNm(t) && t != TokenType.PARTITION && !isFrameUnit(t)) {
      base = nm();
    }
    List<Expr> partitionBy = List.of();
    if (accept(TokenType.PARTITION)) {
      expect(BY);
      push(3);
      partitionBy = exprList();
      pop(3);
    }
    List<OrderingTerm> orderBy = List.of();
    if (accept(TokenType.ORDER)) {
      expect(BY);
      push(4);
      orderBy = sortList();
      pop(4);
    }
    WindowFrame frame = isFrameUnit(peek()) ? frame() : null;
    return new WindowDefinition(base, partitionBy, orderBy, frame);
  }

  private static boolean isFrameUnit(TokenType t) {
    return t == TokenType.RANGE || t == TokenType.ROWS || t == TokenType.GROUPS;
  }

  /**
   * {@code frame_opt}. The bounds' order is checked as {@code sqlite3WindowAlloc} checks it, which
   * SQLite does while parsing: {@code unsupported frame specification}.
   */
  private WindowFrame frame() {
    WindowFrame.Unit unit = WindowFrame.Unit.valueOf(peek().name());
    int from = start();
    advance();
    push(1);
    Bound start;
    Bound end;
    if (accept(TokenType.BETWEEN)) {
      push(1);
      start = bound(true);
      expect(TokenType.AND);
      push(2);
      end = bound(false);
      pop(3);
    } else {
      start = bound(true);
      end = Bound.CURRENT_ROW;
    }
    WindowFrame.Exclude exclude = accept(TokenType.EXCLUDE) ? exclude() : null;
    pop(1);
    BoundKind s = start.kind();
    BoundKind e = end.kind();
    if ((s == BoundKind.CURRENT_ROW && e == BoundKind.PRECEDING)
        || (s == BoundKind.FOLLOWING && (e == BoundKind.PRECEDING || e == BoundKind.CURRENT_ROW))) {
      defer("unsupported frame specification", from);
    }
    return new WindowFrame(unit, start, end, exclude);
  }

  /**
   * {@code frame_bound_s} (a start) or {@code frame_bound_e}: {@code UNBOUNDED PRECEDING} may only
   * start a frame and {@code UNBOUNDED FOLLOWING} only end one; UNBOUNDED and CURRENT are keywords
   * here, so {@code current PRECEDING} is a syntax error as in SQLite.
   */
  private Bound bound(boolean isStart) {
    if (accept(TokenType.UNBOUNDED)) {
      expect(isStart ? TokenType.PRECEDING : TokenType.FOLLOWING);
      return isStart ? Bound.UNBOUNDED_PRECEDING : Bound.UNBOUNDED_FOLLOWING;
    }
    if (accept(TokenType.CURRENT)) {
      expect(TokenType.ROW);
      return Bound.CURRENT_ROW;
    }
    Expr offset = expr();
    if (accept(TokenType.PRECEDING)) {
      return Bound.preceding(offset);
    }
    expect(TokenType.FOLLOWING);
    return Bound.following(offset);
  }

  private WindowFrame.Exclude exclude() {
    switch (peek()) {
      case NO -> {
        advance();
        expect(TokenType.OTHERS);
        return WindowFrame.Exclude.NO_OTHERS;
      }
      case CURRENT -> {
        advance();
        expect(TokenType.ROW);
        return WindowFrame.Exclude.CURRENT_ROW;
      }
      case GROUP -> {
        advance();
        return WindowFrame.Exclude.GROUP;
      }
      case TIES -> {
        advance();
        return WindowFrame.Exclude.TIES;
      }
      default -> throw syntaxError();
    }
  }
}
