package dev.pagoda.parser;

import dev.pagoda.parser.ast.Begin;
import dev.pagoda.parser.ast.ColumnConstraint;
import dev.pagoda.parser.ast.ColumnDef;
import dev.pagoda.parser.ast.CommonTableExpr;
import dev.pagoda.parser.ast.Commit;
import dev.pagoda.parser.ast.CompoundTerm;
import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.parser.ast.CreateIndex;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.parser.ast.DropIndex;
import dev.pagoda.parser.ast.DropTable;
import dev.pagoda.parser.ast.DropTrigger;
import dev.pagoda.parser.ast.DropView;
import dev.pagoda.parser.ast.Explain;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.ForeignKeyClause;
import dev.pagoda.parser.ast.FromItem;
import dev.pagoda.parser.ast.GeneratedStorage;
import dev.pagoda.parser.ast.Join;
import dev.pagoda.parser.ast.JoinKind;
import dev.pagoda.parser.ast.Literal;
import dev.pagoda.parser.ast.LiteralKind;
import dev.pagoda.parser.ast.Materialization;
import dev.pagoda.parser.ast.NamedWindow;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.Pragma;
import dev.pagoda.parser.ast.QualifiedName;
import dev.pagoda.parser.ast.Release;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.parser.ast.Rollback;
import dev.pagoda.parser.ast.Savepoint;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.Statement;
import dev.pagoda.parser.ast.SubqueryRef;
import dev.pagoda.parser.ast.TableConstraint;
import dev.pagoda.parser.ast.TableFunctionRef;
import dev.pagoda.parser.ast.TableRef;
import dev.pagoda.parser.ast.TransactionMode;
import dev.pagoda.parser.ast.WithClause;
import java.util.List;

/**
 * Prints an AST as SQL that {@link Parser} reads back to an equal AST. Parentheses appear only
 * where precedence needs them; names are quoted only when they must be. Source text the AST keeps
 * (a result column's span, a CHECK's or DEFAULT's text, a type's text) is printed as is, so the
 * names and texts SQLite derives from it survive the round trip.
 */
public final class SqlPrinter extends StatementPrinter {
  private SqlPrinter() {}

  public static String print(Statement statement) {
    SqlPrinter p = new SqlPrinter();
    p.statement(statement);
    return p.toString();
  }

  public static String print(Expr expr) {
    SqlPrinter p = new SqlPrinter();
    p.expr(expr);
    return p.toString();
  }

  private void statement(Statement s) {
    if (s instanceof Select select) {
      select(select);
    } else if (s instanceof CreateTable createTable) {
      createTable(createTable);
    } else if (s instanceof CreateIndex createIndex) {
      createIndex(createIndex);
    } else if (s instanceof DropTable d) {
      drop("TABLE", d.ifExists(), d.name());
    } else if (s instanceof DropIndex d) {
      drop("INDEX", d.ifExists(), d.name());
    } else if (s instanceof DropView d) {
      drop("VIEW", d.ifExists(), d.name());
    } else if (s instanceof DropTrigger d) {
      drop("TRIGGER", d.ifExists(), d.name());
    } else if (s instanceof Explain e) {
      out.append(e.queryPlan() ? "EXPLAIN QUERY PLAN " : "EXPLAIN ");
      statement(e.statement());
    } else if (s instanceof Begin b) {
      out.append("BEGIN");
      if (b.mode() != TransactionMode.DEFERRED) {
        out.append(' ').append(b.mode().name());
      }
    } else if (s instanceof Commit) {
      out.append("COMMIT");
    } else if (s instanceof Rollback r) {
      out.append("ROLLBACK");
      if (r.savepoint() != null) {
        // SAVEPOINT written out, so that a savepoint named "savepoint" may stay bare
        out.append(" TO SAVEPOINT ");
        name(r.savepoint());
      }
    } else if (s instanceof Savepoint sp) {
      out.append("SAVEPOINT ");
      name(sp.name());
    } else if (s instanceof Release r) {
      out.append("RELEASE SAVEPOINT ");
      name(r.name());
    } else if (!dmlOrDdl(s)) {
      pragma((Pragma) s);
    }
  }

  private void pragma(Pragma p) {
    out.append("PRAGMA ");
    qualifiedName(p.name());
    String v = p.value();
    if (v != null) {
      out.append(" = ");
      String number = v.startsWith("-") ? v.substring(1) : v;
      if (isPragmaNumber(number)) {
        out.append(v);
      } else {
        name(v);
      }
    }
  }

  /** Whether s reads back as one INTEGER or FLOAT token, so a pragma value may be a number. */
  private static boolean isPragmaNumber(String s) {
    char[] chars = s.toCharArray();
    Tokenizer t = new Tokenizer(chars, 0, chars.length);
    t.next();
    return (t.type == TokenType.INTEGER || t.type == TokenType.FLOAT)
        && t.start == 0
        && t.end == chars.length;
  }

  private void drop(String kind, boolean ifExists, QualifiedName name) {
    out.append("DROP ").append(kind).append(ifExists ? " IF EXISTS " : " ");
    qualifiedName(name);
  }

  // ---- SELECT

  @Override
  void select(Select s) {
    if (s.with() != null) {
      with(s.with());
    }
    core(s);
    for (CompoundTerm c : s.compounds()) {
      out.append(' ').append(c.op().sql()).append(' ');
      core(c.select());
    }
    if (!s.orderBy().isEmpty()) {
      out.append(" ORDER BY ");
      orderingTerms(s.orderBy());
    }
    if (s.limit() != null) {
      out.append(" LIMIT ");
      expr(s.limit());
      if (s.offset() != null) {
        out.append(" OFFSET ");
        expr(s.offset());
      }
    }
  }

  @Override
  void with(WithClause w) {
    out.append(w.recursive() ? "WITH RECURSIVE " : "WITH ");
    String sep = "";
    for (CommonTableExpr cte : w.tables()) {
      out.append(sep);
      sep = ", ";
      name(cte.name());
      if (!cte.columns().isEmpty()) {
        nameList(cte.columns());
      }
      out.append(" AS ");
      if (cte.materialization() == Materialization.MATERIALIZED) {
        out.append("MATERIALIZED ");
      } else if (cte.materialization() == Materialization.NOT_MATERIALIZED) {
        out.append("NOT MATERIALIZED ");
      }
      out.append('(');
      select(cte.select());
      out.append(')');
    }
    out.append(' ');
  }

  private void core(Select s) {
    if (s.isValues()) {
      values(s.values());
      return;
    }
    out.append(s.distinct() ? "SELECT DISTINCT " : "SELECT ");
    String sep = "";
    for (ResultColumn c : s.columns()) {
      out.append(sep);
      sep = ", ";
      resultColumn(c);
    }
    if (s.from() != null) {
      out.append(" FROM ");
      fromItem(s.from());
    }
    if (s.where() != null) {
      out.append(" WHERE ");
      expr(s.where());
    }
    if (!s.groupBy().isEmpty()) {
      out.append(" GROUP BY ");
      exprList(s.groupBy());
    }
    if (s.having() != null) {
      out.append(" HAVING ");
      expr(s.having());
    }
    String windowSep = " WINDOW ";
    for (NamedWindow w : s.windows()) {
      out.append(windowSep);
      windowSep = ", ";
      name(w.name());
      out.append(" AS (");
      windowDefinition(w.definition());
      out.append(')');
    }
  }

  @Override
  void values(List<List<Expr>> rows) {
    out.append("VALUES ");
    String sep = "";
    for (List<Expr> row : rows) {
      out.append(sep).append('(');
      sep = ", ";
      exprList(row);
      out.append(')');
    }
  }

  @Override
  void resultColumn(ResultColumn c) {
    if (c instanceof ResultColumn.Star) {
      out.append('*');
    } else if (c instanceof ResultColumn.TableStar tableStar) {
      name(tableStar.table());
      out.append(".*");
    } else {
      ResultColumn.ExprColumn e = (ResultColumn.ExprColumn) c;
      if (e.alias() == null && e.span() != null) {
        verbatim(e.span());
      } else {
        expr(e.expr());
      }
      alias(e.alias());
    }
  }

  @Override
  void alias(String alias) {
    if (alias != null) {
      out.append(" AS ");
      name(alias);
    }
  }

  @Override
  void fromItem(FromItem f) {
    if (f instanceof TableRef t) {
      qualifiedName(t.name());
      alias(t.alias());
      if (t.indexedBy() != null) {
        out.append(" INDEXED BY ");
        name(t.indexedBy());
      } else if (t.notIndexed()) {
        out.append(" NOT INDEXED");
      }
    } else if (f instanceof TableFunctionRef t) {
      qualifiedName(t.name());
      out.append('(');
      exprList(t.args());
      out.append(')');
      alias(t.alias());
    } else if (f instanceof SubqueryRef subqueryRef) {
      out.append('(');
      select(subqueryRef.select());
      out.append(')');
      alias(subqueryRef.alias());
    } else {
      join((Join) f);
    }
  }

  private void join(Join j) {
    fromItem(j.left());
    if (j.kind() == JoinKind.COMMA) {
      out.append(", ");
    } else {
      out.append(j.natural() ? " NATURAL " : " ");
      out.append(j.kind() == JoinKind.INNER ? "" : j.kind().name() + " ").append("JOIN ");
    }
    if (j.right() instanceof Join join) {
      out.append('(');
      join(join);
      out.append(')');
    } else {
      fromItem(j.right());
    }
    if (j.on() != null) {
      out.append(" ON ");
      expr(j.on());
    } else if (!j.using().isEmpty()) {
      out.append(" USING ");
      nameList(j.using());
    }
  }

  @Override
  void orderingTerms(List<OrderingTerm> terms) {
    String sep = "";
    for (OrderingTerm t : terms) {
      out.append(sep);
      sep = ", ";
      orderingTerm(t);
    }
  }

  // ---- CREATE TABLE

  private void createTable(CreateTable t) {
    out.append(t.temporary() ? "CREATE TEMP TABLE " : "CREATE TABLE ");
    if (t.ifNotExists()) {
      out.append("IF NOT EXISTS ");
    }
    qualifiedName(t.name());
    if (t.asSelect() != null) {
      out.append(" AS ");
      select(t.asSelect());
      return;
    }
    out.append(" (");
    String sep = "";
    for (ColumnDef c : t.columns()) {
      out.append(sep);
      sep = ", ";
      columnDef(c);
    }
    for (TableConstraint c : t.constraints()) {
      out.append(", ");
      tableConstraint(c);
    }
    out.append(')');
    if (t.withoutRowid()) {
      out.append(" WITHOUT ROWID");
    }
    if (t.strict()) {
      out.append(t.withoutRowid() ? ", STRICT" : " STRICT");
    }
  }

  // ---- CREATE INDEX

  private void createIndex(CreateIndex i) {
    out.append(i.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
    if (i.ifNotExists()) {
      out.append("IF NOT EXISTS ");
    }
    qualifiedName(i.name());
    out.append(" ON ");
    name(i.table());
    out.append(" (");
    orderingTerms(i.columns());
    out.append(')');
    if (i.where() != null) {
      out.append(" WHERE ");
      expr(i.where());
    }
  }

  @Override
  void columnDef(ColumnDef c) {
    name(c.name());
    if (c.type() != null) {
      out.append(' ');
      verbatim(c.type().text());
    }
    for (ColumnConstraint k : c.constraints()) {
      out.append(' ');
      if (k.name() != null) {
        out.append("CONSTRAINT ");
        name(k.name());
        out.append(' ');
      }
      columnConstraint(k);
    }
  }

  private void columnConstraint(ColumnConstraint k) {
    if (k instanceof ColumnConstraint.PrimaryKey pk) {
      out.append("PRIMARY KEY");
      if (pk.order() != null) {
        out.append(' ').append(pk.order().name());
      }
      onConflict(pk.onConflict());
      out.append(pk.autoincrement() ? " AUTOINCREMENT" : "");
    } else if (k instanceof ColumnConstraint.NotNull notNull) {
      out.append("NOT NULL");
      onConflict(notNull.onConflict());
    } else if (k instanceof ColumnConstraint.Null nullConstraint) {
      out.append("NULL");
      onConflict(nullConstraint.onConflict());
    } else if (k instanceof ColumnConstraint.Unique unique) {
      out.append("UNIQUE");
      onConflict(unique.onConflict());
    } else if (k instanceof ColumnConstraint.Check c) {
      check(c.expr(), c.text());
    } else if (k instanceof ColumnConstraint.Default defaultConstraint) {
      defaultValue(defaultConstraint);
    } else if (k instanceof ColumnConstraint.Collate collate) {
      out.append("COLLATE ");
      name(collate.collation());
    } else if (k instanceof ColumnConstraint.References references) {
      foreignKey(references.foreignKey());
    } else if (k instanceof ColumnConstraint.Deferral deferral) {
      out.append(deferral.deferrability().sql());
    } else {
      ColumnConstraint.Generated g = (ColumnConstraint.Generated) k;
      // The long form: right after a type, the parser's type name soaks up "GENERATED ALWAYS" and
      // trims exactly those words off again, whatever the type ends with ("... ALWAYS" included).
      // The storage always: after "AS (...)" an identifier is the storage word, so a following
      // "GENERATED" would be read as one (SQLite's grammar: generated ::= LP expr RP ID).
      out.append("GENERATED ALWAYS AS (");
      expr(g.expr());
      out.append(g.storage() == GeneratedStorage.STORED ? ") STORED" : ") VIRTUAL");
    }
  }

  private void check(Expr e, String text) {
    out.append("CHECK (");
    if (text != null) {
      verbatim(text);
    } else {
      expr(e);
    }
    out.append(')');
  }

  private void defaultValue(ColumnConstraint.Default d) {
    out.append("DEFAULT ");
    if (d.text() != null) {
      if (d.parenthesized()) {
        out.append('(');
        verbatim(d.text());
        out.append(')');
      } else {
        verbatim(d.text());
      }
    } else if (d.value() instanceof Literal
        && (((Literal) d.value()).kind() == LiteralKind.TRUE
            || ((Literal) d.value()).kind() == LiteralKind.FALSE)) {
      out.append(((Literal) d.value()).text());
    } else {
      out.append('(');
      expr(d.value());
      out.append(')');
    }
  }

  @Override
  void onConflict(ConflictAction a) {
    if (a != null) {
      out.append(" ON CONFLICT ").append(a.name());
    }
  }

  private void foreignKey(ForeignKeyClause fk) {
    out.append("REFERENCES ");
    name(fk.table());
    if (!fk.columns().isEmpty()) {
      nameList(fk.columns());
    }
    if (fk.onDelete() != null) {
      out.append(" ON DELETE ").append(fk.onDelete().sql());
    }
    if (fk.onUpdate() != null) {
      out.append(" ON UPDATE ").append(fk.onUpdate().sql());
    }
    if (fk.match() != null) {
      out.append(" MATCH ");
      name(fk.match());
    }
    if (fk.deferrability() != null) {
      out.append(' ').append(fk.deferrability().sql());
    }
  }

  private void tableConstraint(TableConstraint c) {
    if (c.name() != null) {
      out.append("CONSTRAINT ");
      name(c.name());
      out.append(' ');
    }
    if (c instanceof TableConstraint.PrimaryKey pk) {
      out.append("PRIMARY KEY (");
      orderingTerms(pk.columns());
      out.append(pk.autoincrement() ? " AUTOINCREMENT)" : ")");
      onConflict(pk.onConflict());
    } else if (c instanceof TableConstraint.Unique u) {
      out.append("UNIQUE (");
      orderingTerms(u.columns());
      out.append(')');
      onConflict(u.onConflict());
    } else if (c instanceof TableConstraint.Check check) {
      check(check.expr(), check.text());
    } else {
      TableConstraint.ForeignKey fk = (TableConstraint.ForeignKey) c;
      out.append("FOREIGN KEY ");
      nameList(fk.columns());
      out.append(' ');
      foreignKey(fk.references());
    }
  }

  @Override
  void nameList(List<String> names) {
    out.append('(');
    String sep = "";
    for (String n : names) {
      out.append(sep);
      sep = ", ";
      name(n);
    }
    out.append(')');
  }
}
