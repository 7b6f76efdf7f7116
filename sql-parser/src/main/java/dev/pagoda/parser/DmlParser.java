package dev.pagoda.parser;

import static dev.pagoda.parser.TokenType.AS;
import static dev.pagoda.parser.TokenType.BY;
import static dev.pagoda.parser.TokenType.COMMA;
import static dev.pagoda.parser.TokenType.LP;
import static dev.pagoda.parser.TokenType.RP;

import dev.pagoda.parser.ast.Assignment;
import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.parser.ast.Delete;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.FromItem;
import dev.pagoda.parser.ast.Insert;
import dev.pagoda.parser.ast.InsertSource;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.parser.ast.RowValue;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.Subquery;
import dev.pagoda.parser.ast.TableRef;
import dev.pagoda.parser.ast.Update;
import dev.pagoda.parser.ast.Upsert;
import dev.pagoda.parser.ast.WithClause;
import java.util.ArrayList;
import java.util.List;

/**
 * INSERT (with upsert and RETURNING), UPDATE and DELETE, both as statements and as trigger steps
 * ({@code inTrigger}), where parse.y's {@code trigger_cmd} rules apply: no RETURNING (an INSERT's
 * is parsed, then rejected as SQLite's action does), no INDEXED BY or NOT INDEXED, no ORDER BY or
 * LIMIT, no DEFAULT VALUES.
 */
abstract class DmlParser extends TableParser {
  /** SQLITE_MAX_COLUMN, the limit on an UPDATE's set list. */
  static final int MAX_COLUMN = 2000;

  DmlParser(String sql, int from) {
    super(sql, from);
  }

  /**
   * {@code insert_cmd INTO xfullname idlist_opt (select upsert | DEFAULT VALUES returning)}; in a
   * trigger the source must be a SELECT or VALUES.
   */
  final Insert insert(WithClause with, boolean inTrigger) {
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
    if (!inTrigger && accept(TokenType.DEFAULT)) {
      expect(TokenType.VALUES);
      List<ResultColumn> returning = returningOpt(false);
      return new Insert(
          with, orConflict, table, alias, columns, new InsertSource.DefaultValues(), List.of(),
          returning);
    }
    Select s = select();
    boolean plainValues = s.isValues() && s.compounds().isEmpty() && s.with() == null;
    InsertSource source =
        plainValues ? new InsertSource.Values(s.values()) : new InsertSource.FromSelect(s);
    List<Upsert> upserts = upserts();
    List<ResultColumn> returning = returningOpt(inTrigger);
    return new Insert(with, orConflict, table, alias, columns, source, upserts, returning);
  }

  /**
   * parse.y's {@code upsert}: {@code ON CONFLICT [(sortlist) [WHERE expr]] DO NOTHING | DO UPDATE
   * SET setlist [WHERE expr]}, repeated while each clause has a target; a clause without one ends
   * the list (only RETURNING may follow it).
   */
  private List<Upsert> upserts() {
    List<Upsert> upserts = new ArrayList<>();
    while (accept(TokenType.ON)) {
      expect(TokenType.CONFLICT);
      List<OrderingTerm> target = List.of();
      Expr targetWhere = null;
      if (accept(LP)) {
        target = sortList();
        expect(RP);
        targetWhere = accept(TokenType.WHERE) ? expr() : null;
      }
      expect(TokenType.DO);
      List<Assignment> set = List.of();
      Expr where = null;
      if (!accept(TokenType.NOTHING)) {
        expect(TokenType.UPDATE);
        expect(TokenType.SET);
        set = setList();
        where = accept(TokenType.WHERE) ? expr() : null;
      }
      upserts.add(new Upsert(target, targetWhere, set, where));
      if (target.isEmpty()) {
        break;
      }
    }
    return upserts;
  }

  /** {@code [RETURNING selcollist]}; SQLite's {@code sqlite3AddReturning} refuses it in a trigger. */
  private List<ResultColumn> returningOpt(boolean inTrigger) {
    if (!accept(TokenType.RETURNING)) {
      return List.of();
    }
    List<ResultColumn> columns = resultColumns();
    if (inTrigger) {
      defer("cannot use RETURNING in a trigger", start());
    }
    return columns;
  }

  /**
   * {@code UPDATE [OR action] xfullname indexed_opt SET setlist [FROM seltablist] [WHERE expr]},
   * then, outside a trigger, {@code [RETURNING ..] [ORDER BY ..] [LIMIT ..]}.
   */
  final Update update(WithClause with, boolean inTrigger) {
    expect(TokenType.UPDATE);
    ConflictAction orConflict = accept(TokenType.OR) ? resolveType() : null;
    TableRef target = dmlTarget(inTrigger);
    expect(TokenType.SET);
    List<Assignment> set = setList();
    FromItem from = accept(TokenType.FROM) ? fromClause() : null;
    Expr where = accept(TokenType.WHERE) ? expr() : null;
    if (inTrigger) {
      return new Update(
          null, orConflict, target, set, from, where, List.of(), List.of(), null, null);
    }
    List<ResultColumn> returning = returningOpt(false);
    List<OrderingTerm> orderBy = orderByOpt();
    Expr[] limit = limitOpt();
    int columns = 0;
    for (Assignment a : set) {
      columns += a.columns().size();
    }
    if (columns > MAX_COLUMN) {
      defer("too many columns in set list", start());
    }
    return new Update(
        with, orConflict, target, set, from, where, returning, orderBy, limit[0], limit[1]);
  }

  /**
   * {@code DELETE FROM xfullname indexed_opt [WHERE expr]}, then, outside a trigger, {@code
   * [RETURNING ..] [ORDER BY ..] [LIMIT ..]}.
   */
  final Delete delete(WithClause with, boolean inTrigger) {
    expect(TokenType.DELETE);
    expect(TokenType.FROM);
    TableRef target = dmlTarget(inTrigger);
    Expr where = accept(TokenType.WHERE) ? expr() : null;
    if (inTrigger) {
      return new Delete(null, target, where, List.of(), List.of(), null, null);
    }
    List<ResultColumn> returning = returningOpt(false);
    List<OrderingTerm> orderBy = orderByOpt();
    Expr[] limit = limitOpt();
    return new Delete(with, target, where, returning, orderBy, limit[0], limit[1]);
  }

  /**
   * parse.y's {@code xfullname indexed_opt}: {@code [schema.]table [AS alias] [INDEXED BY index |
   * NOT INDEXED]}; a trigger step's {@code tridxby} takes the same words and rejects them.
   */
  private TableRef dmlTarget(boolean inTrigger) {
    QualifiedName name = qualifiedName();
    String alias = accept(AS) ? nm() : null;
    if (accept(TokenType.INDEXED)) {
      expect(BY);
      String index = nm();
      if (inTrigger) {
        defer("the INDEXED BY clause is not allowed on UPDATE or DELETE statements within"
            + " triggers", start());
      }
      return new TableRef(name, alias, index, false);
    }
    if (accept(TokenType.NOT)) {
      expect(TokenType.INDEXED);
      if (inTrigger) {
        defer("the NOT INDEXED clause is not allowed on UPDATE or DELETE statements within"
            + " triggers", start());
      }
      return new TableRef(name, alias, null, true);
    }
    return new TableRef(name, alias);
  }

  /**
   * {@code setlist}: {@code nm = expr | (idlist) = expr}, comma-separated. A row value of the
   * wrong width defers {@code sqlite3ExprListAppendVector}'s error; a subquery's width is checked
   * later, by the engine.
   */
  final List<Assignment> setList() {
    List<Assignment> list = new ArrayList<>();
    do {
      if (peek() == LP) {
        List<String> columns = nameList();
        expect(TokenType.EQ);
        Expr value = expr();
        int n = value instanceof RowValue r ? r.values().size() : 1;
        if (!(value instanceof Subquery) && n != columns.size()) {
          defer(columns.size() + " columns assigned " + n + " values", start());
        }
        list.add(new Assignment(columns, value, true));
      } else {
        String column = nm();
        expect(TokenType.EQ);
        list.add(Assignment.of(column, expr()));
      }
    } while (accept(COMMA));
    return list;
  }

  private List<OrderingTerm> orderByOpt() {
    if (!accept(TokenType.ORDER)) {
      return List.of();
    }
    expect(BY);
    return sortList();
  }

  /** {@code [LIMIT expr [OFFSET expr | , expr]]} as {limit, offset}; {@code LIMIT a, b} is b, a. */
  private Expr[] limitOpt() {
    Expr[] result = new Expr[2];
    if (accept(TokenType.LIMIT)) {
      result[0] = expr();
      if (accept(TokenType.OFFSET)) {
        result[1] = expr();
      } else if (accept(COMMA)) {
        result[1] = result[0];
        result[0] = expr();
      }
    }
    return result;
  }
}
