package dev.pagoda.parser;

import static dev.pagoda.parser.TokenType.AS;
import static dev.pagoda.parser.TokenType.COMMA;
import static dev.pagoda.parser.TokenType.EOF;
import static dev.pagoda.parser.TokenType.LP;
import static dev.pagoda.parser.TokenType.RP;

import dev.pagoda.parser.ast.AlterTable;
import dev.pagoda.parser.ast.CreateTrigger;
import dev.pagoda.parser.ast.CreateView;
import dev.pagoda.parser.ast.CreateVirtualTable;
import dev.pagoda.parser.ast.Delete;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.Insert;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.Statement;
import dev.pagoda.parser.ast.TableConstraint;
import dev.pagoda.parser.ast.TriggerEvent;
import dev.pagoda.parser.ast.TriggerTime;
import dev.pagoda.parser.ast.Update;
import java.util.ArrayList;
import java.util.List;

/** CREATE VIEW, CREATE TRIGGER (with its body), CREATE VIRTUAL TABLE and ALTER TABLE. */
abstract class DdlParser extends DmlParser {
  DdlParser(String sql, int from) {
    super(sql, from);
  }

  /** {@code [IF NOT EXISTS]}. */
  final boolean ifNotExists() {
    if (!accept(TokenType.IF)) {
      return false;
    }
    expect(TokenType.NOT);
    expect(TokenType.EXISTS);
    return true;
  }

  /**
   * From {@code VIEW}: {@code VIEW [IF NOT EXISTS] [schema.]name [(eidlist)] AS select}. As in
   * {@code sqlite3CreateView}, a parameter anywhere defers {@code parameters are not allowed in
   * views}.
   */
  final CreateView createView(boolean temporary) {
    expect(TokenType.VIEW);
    boolean ifNotExists = ifNotExists();
    QualifiedName name = qualifiedName();
    List<String> columns = peek() == LP ? columnNameList() : List.of();
    expect(AS);
    Select select = select();
    if (parameterCount() > 0) {
      defer("parameters are not allowed in views", start());
    }
    return new CreateView(temporary, ifNotExists, name, columns, select);
  }

  /**
   * From {@code TRIGGER}: parse.y's {@code trigger_decl BEGIN trigger_cmd_list END}. A parameter
   * anywhere defers {@code sqlite3FinishTrigger}'s {@code trigger cannot use variables} to the end.
   */
  final CreateTrigger createTrigger(boolean temporary) {
    expect(TokenType.TRIGGER);
    boolean ifNotExists = ifNotExists();
    QualifiedName name = qualifiedName();
    TriggerTime time = TriggerTime.BEFORE;
    if (accept(TokenType.AFTER)) {
      time = TriggerTime.AFTER;
    } else if (accept(TokenType.INSTEAD)) {
      expect(TokenType.OF);
      time = TriggerTime.INSTEAD_OF;
    } else {
      accept(TokenType.BEFORE);
    }
    TriggerEvent event = triggerEvent();
    List<String> columns = List.of();
    if (event == TriggerEvent.UPDATE && accept(TokenType.OF)) {
      columns = idList();
    }
    expect(TokenType.ON);
    QualifiedName table = qualifiedName();
    if (accept(TokenType.FOR)) {
      expect(TokenType.EACH);
      expect(TokenType.ROW);
    }
    Expr when = accept(TokenType.WHEN) ? expr() : null;
    expect(TokenType.BEGIN);
    boolean inTemp = temporary || "temp".equalsIgnoreCase(name.schema());
    List<Statement> body = new ArrayList<>();
    do {
      body.add(triggerStep(inTemp));
      expect(TokenType.SEMI);
    } while (peek() != TokenType.END);
    advance();
    if (parameterCount() > 0) {
      defer("trigger cannot use variables", start());
    }
    return new CreateTrigger(
        temporary, ifNotExists, name, time, event, columns, table, when, body);
  }

  private TriggerEvent triggerEvent() {
    TriggerEvent event;
    switch (peek()) {
      case DELETE -> event = TriggerEvent.DELETE;
      case INSERT -> event = TriggerEvent.INSERT;
      case UPDATE -> event = TriggerEvent.UPDATE;
      default -> throw syntaxError();
    }
    advance();
    return event;
  }

  /** {@code idlist}: {@code nm, ...} without parentheses. */
  private List<String> idList() {
    List<String> names = new ArrayList<>();
    do {
      names.add(nm());
    } while (accept(COMMA));
    return names;
  }

  /**
   * parse.y's {@code trigger_cmd}: an UPDATE, INSERT, DELETE or SELECT; a WITH may start a SELECT
   * only. Outside a TEMP trigger a DML step's table must be unqualified, and an INSERT's first
   * upsert target may not say NULLS FIRST|LAST; SQLite checks both when the step is complete, and
   * only if no earlier action failed.
   */
  private Statement triggerStep(boolean inTemp) {
    QualifiedName target;
    Statement step;
    switch (peek()) {
      case UPDATE -> {
        Update u = update(null, true);
        target = u.target().name();
        step = u;
      }
      case DELETE -> {
        Delete d = delete(null, true);
        target = d.target().name();
        step = d;
      }
      case INSERT, REPLACE -> {
        Insert i = insert(null, true);
        target = i.table();
        step = i;
      }
      case SELECT, VALUES, WITH -> {
        return select();
      }
      default -> throw syntaxError();
    }
    if (hasDeferred()) {
      return step;
    }
    if (!inTemp && target.schema() != null) {
      defer("qualified table names are not allowed on INSERT, UPDATE, and DELETE statements"
          + " within triggers", start());
    } else if (step instanceof Insert i && !i.upserts().isEmpty()) {
      explicitNulls(i.upserts().get(0).target());
    }
    return step;
  }

  /**
   * {@code sqlite3TriggerInsertStep}'s {@code sqlite3HasExplicitNulls} on the first upsert's
   * target (outside a trigger the engine checks it, with the table).
   */
  private void explicitNulls(List<OrderingTerm> target) {
    for (OrderingTerm term : target) {
      if (term.nulls() != null) {
        defer("unsupported use of NULLS " + term.nulls().name(), start());
        return;
      }
    }
  }

  /**
   * From {@code VIRTUAL}: {@code VIRTUAL TABLE [IF NOT EXISTS] [schema.]name USING module
   * [(vtabarglist)]}. An argument is any run of tokens with balanced parentheses, split at
   * top-level commas (parse.y's {@code %wildcard ANY}, which matches even {@code ;}).
   */
  final CreateVirtualTable createVirtualTable() {
    expect(TokenType.VIRTUAL);
    expect(TokenType.TABLE);
    boolean ifNotExists = ifNotExists();
    QualifiedName name = qualifiedName();
    expect(TokenType.USING);
    String module = nm();
    List<String> args = accept(LP) ? moduleArguments() : List.of();
    return new CreateVirtualTable(ifNotExists, name, module, args);
  }

  /** After the {@code (}: the arguments through the closing {@code )}, as source text. */
  private List<String> moduleArguments() {
    List<String> args = new ArrayList<>();
    int depth = 0;
    int from = -1;
    int to = -1;
    for (;;) {
      TokenType t = peek();
      if (t == EOF) {
        throw syntaxError();
      }
      if (depth == 0 && (t == COMMA || t == RP)) {
        if (from >= 0) {
          args.add(sql.substring(from, to));
        }
        from = -1;
        advance();
        if (t == RP) {
          return args;
        }
        continue;
      }
      if (t == LP) {
        depth++;
      } else if (t == RP) {
        depth--;
      }
      if (from < 0) {
        from = start();
      }
      to = end();
      advance();
    }
  }

  /**
   * {@code ALTER TABLE fullname} then {@code RENAME TO nm}, {@code RENAME [COLUMN] nm TO nm},
   * {@code ADD [COLUMN] column-def}, {@code DROP [COLUMN] nm}, and SQLite 3.53's {@code ADD
   * [CONSTRAINT nm] CHECK (expr) onconf}, {@code DROP CONSTRAINT nm}, {@code ALTER [COLUMN] nm SET
   * NOT NULL onconf} and {@code ALTER [COLUMN] nm DROP NOT NULL}.
   */
  final AlterTable alterTable() {
    expect(TokenType.ALTER);
    expect(TokenType.TABLE);
    QualifiedName table = qualifiedName();
    return new AlterTable(table, alterAction());
  }

  private AlterTable.Action alterAction() {
    switch (peek()) {
      case RENAME -> {
        advance();
        if (accept(TokenType.TO)) {
          return new AlterTable.RenameTable(nm());
        }
        accept(TokenType.COLUMN);
        String column = nm();
        expect(TokenType.TO);
        return new AlterTable.RenameColumn(column, nm());
      }
      case ADD -> {
        advance();
        if (accept(TokenType.CONSTRAINT)) {
          return addCheck(nm());
        }
        if (peek() == TokenType.CHECK) {
          return addCheck(null);
        }
        accept(TokenType.COLUMN);
        return new AlterTable.AddColumn(columnDef());
      }
      case DROP -> {
        advance();
        if (accept(TokenType.CONSTRAINT)) {
          return new AlterTable.DropConstraint(nm());
        }
        accept(TokenType.COLUMN);
        return new AlterTable.DropColumn(nm());
      }
      case ALTER -> {
        return alterColumn();
      }
      default -> throw syntaxError();
    }
  }

  private AlterTable.Action addCheck(String name) {
    expect(TokenType.CHECK);
    int open = end();
    expect(LP);
    Expr e = expr();
    int close = start();
    expect(RP);
    onConflict();
    return new AlterTable.AddCheck(new TableConstraint.Check(name, e, span(open, close)));
  }

  private AlterTable.Action alterColumn() {
    expect(TokenType.ALTER);
    accept(TokenType.COLUMN);
    String column = nm();
    if (accept(TokenType.SET)) {
      expect(TokenType.NOT);
      expect(TokenType.NULL);
      return new AlterTable.SetNotNull(column, onConflict());
    }
    expect(TokenType.DROP);
    expect(TokenType.NOT);
    expect(TokenType.NULL);
    return new AlterTable.DropNotNull(column);
  }
}
