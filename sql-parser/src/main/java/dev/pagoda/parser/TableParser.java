package dev.pagoda.parser;

import static dev.pagoda.parser.TokenType.AS;
import static dev.pagoda.parser.TokenType.COMMA;
import static dev.pagoda.parser.TokenType.ID;
import static dev.pagoda.parser.TokenType.LP;
import static dev.pagoda.parser.TokenType.RP;

import dev.pagoda.parser.ast.ColumnConstraint;
import dev.pagoda.parser.ast.ColumnDef;
import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.parser.ast.Deferrability;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.ForeignKeyAction;
import dev.pagoda.parser.ast.ForeignKeyClause;
import dev.pagoda.parser.ast.GeneratedStorage;
import dev.pagoda.parser.ast.Literal;
import dev.pagoda.parser.ast.LiteralKind;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.TableConstraint;
import dev.pagoda.parser.ast.TypeName;
import dev.pagoda.parser.ast.Unary;
import dev.pagoda.parser.ast.UnaryOp;
import java.util.ArrayList;
import java.util.List;

/** CREATE TABLE: column definitions, column and table constraints, table options. */
abstract class TableParser extends SelectParser {
  TableParser(String sql, int from) {
    super(sql, from);
  }

  /** From {@code TABLE}: {@code TABLE [IF NOT EXISTS] name (defs) [options] | AS select}. */
  final CreateTable createTable(boolean temporary) {
    expect(TokenType.TABLE);
    boolean ifNotExists = false;
    if (accept(TokenType.IF)) {
      expect(TokenType.NOT);
      expect(TokenType.EXISTS);
      ifNotExists = true;
    }
    QualifiedName name = qualifiedName();
    if (accept(AS)) {
      return new CreateTable(
          temporary, ifNotExists, name, List.of(), List.of(), false, false, select());
    }
    expect(LP);
    List<ColumnDef> columns = new ArrayList<>();
    List<TableConstraint> constraints = List.of();
    do {
      if (!columns.isEmpty() && startsTableConstraint(peek())) {
        constraints = tableConstraints();
        break;
      }
      columns.add(columnDef());
    } while (accept(COMMA));
    expect(RP);
    int options = tableOptions();
    return new CreateTable(
        temporary, ifNotExists, name, columns, constraints, (options & WITHOUT_ROWID) != 0,
        (options & STRICT) != 0, null);
  }

  private static final int WITHOUT_ROWID = 1;
  private static final int STRICT = 2;

  /**
   * {@code [option] [, option]...} where an option is {@code WITHOUT ROWID} or {@code STRICT}; the
   * first may be missing, as parse.y's {@code table_option_set} allows. Unknown options defer
   * SQLite's error.
   */
  private int tableOptions() {
    int options = 0;
    if (peek() != COMMA) {
      if (peek() != TokenType.WITHOUT && !isNm(peek())) {
        return options;
      }
      options |= tableOption();
    }
    while (accept(COMMA)) {
      options |= tableOption();
    }
    return options;
  }

  private int tableOption() {
    boolean without = accept(TokenType.WITHOUT);
    int from = start();
    String raw = sql.substring(from, end());
    nm();
    if (without && raw.equalsIgnoreCase("rowid")) {
      return WITHOUT_ROWID;
    }
    if (!without && raw.equalsIgnoreCase("strict")) {
      return STRICT;
    }
    defer("unknown table option: " + raw, from);
    return 0;
  }

  final ColumnDef columnDef() {
    String name = nm();
    TypeName type = columnType();
    List<ColumnConstraint> constraints = new ArrayList<>();
    String constraintName = null;
    for (;;) {
      if (accept(TokenType.CONSTRAINT)) {
        constraintName = nm();
        continue;
      }
      if (peek() == TokenType.DEFERRABLE
          || (peek() == TokenType.NOT && peek(1) == TokenType.DEFERRABLE)) {
        addDeferral(constraints, constraintName, deferrability());
      } else {
        ColumnConstraint c = columnConstraint(constraintName, name);
        if (c == null) {
          return new ColumnDef(name, type, constraints);
        }
        constraints.add(c);
      }
      constraintName = null;
    }
  }

  /**
   * The column's type. A type name soaks up fallback keywords, so {@code INT GENERATED ALWAYS AS
   * (..)} reads {@code GENERATED ALWAYS} into the type; SQLite's {@code sqlite3AddColumn} trims it
   * off again (any long type ending in "always", in fact), and so does this.
   */
  private TypeName columnType() {
    TypeName t = typeName();
    if (t == null) {
      return null;
    }
    String text = t.text();
    int n = trimWord(text, text.length(), "always", 16);
    if (n == text.length()) {
      return t;
    }
    n = trimWord(text, n, "generated", 9);
    return n == 0 ? null : new TypeName(text.substring(0, n), text.substring(0, n), null, null);
  }

  /** If {@code text[0, n)} is at least {@code min} long and ends with word: n without it. */
  private static int trimWord(String text, int n, String word, int min) {
    if (n < min || !text.regionMatches(true, n - word.length(), word, 0, word.length())) {
      return n;
    }
    n -= word.length();
    while (n > 0 && (Tokenizer.isSpace(text.charAt(n - 1)) || text.charAt(n - 1) == 0x0B)) {
      n--;
    }
    return n;
  }

  /** One column constraint other than a deferral; null when none starts here. */
  private ColumnConstraint columnConstraint(String name, String column) {
    switch (peek()) {
      case DEFAULT -> {
        return defaultValue(name);
      }
      case NULL -> {
        advance();
        return new ColumnConstraint.Null(name, onConflict());
      }
      case NOT -> {
        advance();
        expect(TokenType.NULL);
        return new ColumnConstraint.NotNull(name, onConflict());
      }
      case PRIMARY -> {
        advance();
        expect(TokenType.KEY);
        return new ColumnConstraint.PrimaryKey(
            name, sortOrder(), onConflict(), accept(TokenType.AUTOINCREMENT));
      }
      case UNIQUE -> {
        advance();
        return new ColumnConstraint.Unique(name, onConflict());
      }
      case CHECK -> {
        advance();
        int open = end();
        expect(LP);
        Expr e = expr();
        int close = start();
        expect(RP);
        return new ColumnConstraint.Check(name, e, span(open, close));
      }
      case REFERENCES -> {
        return new ColumnConstraint.References(name, foreignKeyClause());
      }
      case COLLATE -> {
        advance();
        return new ColumnConstraint.Collate(name, ids());
      }
      case GENERATED -> {
        advance();
        expect(TokenType.ALWAYS);
        expect(AS);
        return generated(name, column);
      }
      case AS -> {
        advance();
        return generated(name, column);
      }
      default -> {
        return null;
      }
    }
  }

  /** A deferral right after REFERENCES belongs to it; SQLite applies either to the last FK. */
  private static void addDeferral(
      List<ColumnConstraint> constraints, String name, Deferrability d) {
    int last = constraints.size() - 1;
    if (name == null && last >= 0
        && constraints.get(last) instanceof ColumnConstraint.References r) {
      ForeignKeyClause fk = r.foreignKey();
      constraints.set(
          last,
          new ColumnConstraint.References(
              r.name(),
              new ForeignKeyClause(
                  fk.table(), fk.columns(), fk.onDelete(), fk.onUpdate(), fk.match(), d)));
    } else {
      constraints.add(new ColumnConstraint.Deferral(name, d));
    }
  }

  /**
   * {@code DEFAULT} followed by {@code (expr)}, a literal, a signed literal, or a bare identifier
   * (the string of that name; {@code true}/{@code false} unquoted are booleans).
   */
  private ColumnConstraint defaultValue(String name) {
    advance();
    TokenType t = peek();
    int from = start();
    if (t == LP) {
      int open = end();
      advance();
      Expr e = expr();
      int close = start();
      expect(RP);
      return new ColumnConstraint.Default(name, e, span(open, close), true);
    }
    Expr value;
    if (t == TokenType.PLUS || t == TokenType.MINUS) {
      advance();
      Literal lit = term();
      value = t == TokenType.MINUS ? new Unary(UnaryOp.NEGATE, lit) : lit;
    } else if (isTerm(t)) {
      value = term();
    } else if (isId(t)) {
      boolean quoted = chars[from] == '"' || chars[from] == '`' || chars[from] == '[';
      String id = identifier();
      value = quoted ? Literal.string(id) : identifierDefault(id);
    } else {
      throw syntaxError();
    }
    return new ColumnConstraint.Default(name, value, sql.substring(from, prevEnd), false);
  }

  private static Literal identifierDefault(String id) {
    if (id.equalsIgnoreCase("true")) {
      return new Literal(LiteralKind.TRUE, "TRUE");
    }
    if (id.equalsIgnoreCase("false")) {
      return new Literal(LiteralKind.FALSE, "FALSE");
    }
    return Literal.string(id);
  }

  private static boolean isTerm(TokenType t) {
    return switch (t) {
      case NULL, INTEGER, FLOAT, QNUMBER, STRING, BLOB, CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP -> true;
      default -> false;
    };
  }

  /** {@code (expr) [ID]}: the optional word must be STORED or VIRTUAL. */
  private ColumnConstraint generated(String name, String column) {
    expect(LP);
    Expr e = expr();
    expect(RP);
    GeneratedStorage storage = GeneratedStorage.VIRTUAL;
    TokenType t = peek();
    if (t == ID || t.isFallback()) {
      int from = start();
      String word = text();
      advance();
      if (word.equalsIgnoreCase("stored")) {
        storage = GeneratedStorage.STORED;
      } else if (!word.equalsIgnoreCase("virtual")) {
        defer("error in generated column \"" + column + "\"", from);
      }
    }
    return new ColumnConstraint.Generated(name, e, storage);
  }

  /** {@code [ON CONFLICT resolution]}; null when absent. */
  final ConflictAction onConflict() {
    if (!accept(TokenType.ON)) {
      return null;
    }
    expect(TokenType.CONFLICT);
    return resolveType();
  }

  /** {@code ROLLBACK | ABORT | FAIL | IGNORE | REPLACE}. */
  final ConflictAction resolveType() {
    ConflictAction a;
    switch (peek()) {
      case ROLLBACK -> a = ConflictAction.ROLLBACK;
      case ABORT -> a = ConflictAction.ABORT;
      case FAIL -> a = ConflictAction.FAIL;
      case IGNORE -> a = ConflictAction.IGNORE;
      case REPLACE -> a = ConflictAction.REPLACE;
      default -> throw syntaxError();
    }
    advance();
    return a;
  }

  // ---- foreign keys

  /** {@code REFERENCES table [(cols)] [MATCH nm | ON INSERT|DELETE|UPDATE action]...}. */
  private ForeignKeyClause foreignKeyClause() {
    expect(TokenType.REFERENCES);
    String table = nm();
    List<String> columns = peek() == LP ? columnNameList() : List.of();
    ForeignKeyAction onDelete = null;
    ForeignKeyAction onUpdate = null;
    String match = null;
    for (;;) {
      if (accept(TokenType.MATCH)) {
        match = nm();
      } else if (accept(TokenType.ON)) {
        TokenType t = peek();
        if (t != TokenType.INSERT && t != TokenType.DELETE && t != TokenType.UPDATE) {
          throw syntaxError();
        }
        advance();
        ForeignKeyAction action = foreignKeyAction();
        if (t == TokenType.DELETE) {
          onDelete = action;
        } else if (t == TokenType.UPDATE) {
          onUpdate = action;
        }
      } else {
        return new ForeignKeyClause(table, columns, onDelete, onUpdate, match, null);
      }
    }
  }

  private ForeignKeyAction foreignKeyAction() {
    switch (peek()) {
      case SET -> {
        advance();
        if (accept(TokenType.NULL)) {
          return ForeignKeyAction.SET_NULL;
        }
        expect(TokenType.DEFAULT);
        return ForeignKeyAction.SET_DEFAULT;
      }
      case CASCADE -> {
        advance();
        return ForeignKeyAction.CASCADE;
      }
      case RESTRICT -> {
        advance();
        return ForeignKeyAction.RESTRICT;
      }
      case NO -> {
        advance();
        expect(TokenType.ACTION);
        return ForeignKeyAction.NO_ACTION;
      }
      default -> throw syntaxError();
    }
  }

  /** {@code [NOT] DEFERRABLE [INITIALLY DEFERRED | INITIALLY IMMEDIATE]}. */
  private Deferrability deferrability() {
    boolean not = accept(TokenType.NOT);
    expect(TokenType.DEFERRABLE);
    if (!accept(TokenType.INITIALLY)) {
      return not ? Deferrability.NOT_DEFERRABLE : Deferrability.DEFERRABLE;
    }
    if (accept(TokenType.DEFERRED)) {
      return not
          ? Deferrability.NOT_DEFERRABLE_INITIALLY_DEFERRED
          : Deferrability.DEFERRABLE_INITIALLY_DEFERRED;
    }
    expect(TokenType.IMMEDIATE);
    return not
        ? Deferrability.NOT_DEFERRABLE_INITIALLY_IMMEDIATE
        : Deferrability.DEFERRABLE_INITIALLY_IMMEDIATE;
  }

  // ---- table constraints

  private static boolean startsTableConstraint(TokenType t) {
    return t == TokenType.CONSTRAINT
        || t == TokenType.PRIMARY
        || t == TokenType.UNIQUE
        || t == TokenType.CHECK
        || t == TokenType.FOREIGN;
  }

  /** Table constraints, separated by commas or nothing; a comma drops a pending name. */
  private List<TableConstraint> tableConstraints() {
    List<TableConstraint> list = new ArrayList<>();
    String name = null;
    for (;;) {
      if (accept(TokenType.CONSTRAINT)) {
        name = nm();
      } else {
        list.add(tableConstraint(name));
        name = null;
      }
      if (accept(COMMA)) {
        name = null;
        if (!startsTableConstraint(peek())) {
          throw syntaxError();
        }
      } else if (!startsTableConstraint(peek())) {
        return list;
      }
    }
  }

  private TableConstraint tableConstraint(String name) {
    switch (peek()) {
      case PRIMARY -> {
        advance();
        expect(TokenType.KEY);
        expect(LP);
        var columns = sortList();
        boolean autoincrement = accept(TokenType.AUTOINCREMENT);
        expect(RP);
        return new TableConstraint.PrimaryKey(name, columns, autoincrement, onConflict());
      }
      case UNIQUE -> {
        advance();
        expect(LP);
        var unique = sortList();
        expect(RP);
        return new TableConstraint.Unique(name, unique, onConflict());
      }
      case CHECK -> {
        advance();
        int open = end();
        expect(LP);
        Expr e = expr();
        int close = start();
        expect(RP);
        onConflict();
        return new TableConstraint.Check(name, e, span(open, close));
      }
      case FOREIGN -> {
        advance();
        expect(TokenType.KEY);
        List<String> from = columnNameList();
        ForeignKeyClause fk = foreignKeyClause();
        if (peek() == TokenType.DEFERRABLE || peek() == TokenType.NOT) {
          Deferrability d = deferrability();
          fk = new ForeignKeyClause(
              fk.table(), fk.columns(), fk.onDelete(), fk.onUpdate(), fk.match(), d);
        }
        return new TableConstraint.ForeignKey(name, from, fk);
      }
      default -> throw syntaxError();
    }
  }
}
