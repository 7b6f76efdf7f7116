package dev.pagoda.parser;

import dev.pagoda.parser.ast.AlterTable;
import dev.pagoda.parser.ast.Analyze;
import dev.pagoda.parser.ast.Assignment;
import dev.pagoda.parser.ast.Attach;
import dev.pagoda.parser.ast.ColumnDef;
import dev.pagoda.parser.ast.ConflictAction;
import dev.pagoda.parser.ast.CreateTrigger;
import dev.pagoda.parser.ast.CreateView;
import dev.pagoda.parser.ast.CreateVirtualTable;
import dev.pagoda.parser.ast.Delete;
import dev.pagoda.parser.ast.Detach;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.FromItem;
import dev.pagoda.parser.ast.Insert;
import dev.pagoda.parser.ast.InsertSource;
import dev.pagoda.parser.ast.Join;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.Reindex;
import dev.pagoda.parser.ast.ResultColumn;
import dev.pagoda.parser.ast.Select;
import dev.pagoda.parser.ast.Statement;
import dev.pagoda.parser.ast.TableRef;
import dev.pagoda.parser.ast.TriggerEvent;
import dev.pagoda.parser.ast.Update;
import dev.pagoda.parser.ast.Upsert;
import dev.pagoda.parser.ast.Vacuum;
import dev.pagoda.parser.ast.WithClause;
import java.util.List;

/**
 * Printing for {@link SqlPrinter} of INSERT, UPDATE, DELETE, CREATE VIEW, CREATE TRIGGER, CREATE
 * VIRTUAL TABLE, ALTER TABLE, ANALYZE, VACUUM, REINDEX, ATTACH and DETACH; the SELECT and CREATE
 * TABLE pieces they share come from {@link SqlPrinter}.
 */
abstract class StatementPrinter extends ExprPrinter {
  abstract void with(WithClause w);

  abstract void values(List<List<Expr>> rows);

  abstract void resultColumn(ResultColumn c);

  abstract void fromItem(FromItem f);

  abstract void columnDef(ColumnDef c);

  abstract void alias(String alias);

  abstract void orderingTerms(List<OrderingTerm> terms);

  abstract void nameList(List<String> names);

  abstract void onConflict(ConflictAction a);

  /** Prints s if it is one of this class's statements; false otherwise. */
  final boolean dmlOrDdl(Statement s) {
    if (s instanceof Insert i) {
      insert(i);
    } else if (s instanceof Update u) {
      update(u);
    } else if (s instanceof Delete d) {
      delete(d);
    } else if (s instanceof CreateView v) {
      createView(v);
    } else if (s instanceof CreateTrigger t) {
      createTrigger(t);
    } else if (s instanceof CreateVirtualTable v) {
      createVirtualTable(v);
    } else if (s instanceof AlterTable a) {
      alterTable(a);
    } else {
      return utility(s);
    }
    return true;
  }

  private boolean utility(Statement s) {
    if (s instanceof Analyze a) {
      out.append("ANALYZE");
      if (a.name() != null) {
        out.append(' ');
        qualifiedName(a.name());
      }
    } else if (s instanceof Reindex r) {
      out.append("REINDEX");
      if (r.name() != null) {
        out.append(' ');
        qualifiedName(r.name());
      }
    } else if (s instanceof Vacuum v) {
      out.append("VACUUM");
      if (v.schema() != null) {
        out.append(' ');
        name(v.schema());
      }
      if (v.into() != null) {
        out.append(" INTO ");
        expr(v.into());
      }
    } else if (s instanceof Attach a) {
      out.append("ATTACH ");
      expr(a.file());
      out.append(" AS ");
      expr(a.schema());
      if (a.key() != null) {
        out.append(" KEY ");
        expr(a.key());
      }
    } else if (s instanceof Detach d) {
      out.append("DETACH ");
      expr(d.schema());
    } else {
      return false;
    }
    return true;
  }

  // ---- INSERT, UPDATE, DELETE

  private void insert(Insert i) {
    if (i.with() != null) {
      with(i.with());
    }
    out.append("INSERT ");
    if (i.orConflict() != null) {
      out.append("OR ").append(i.orConflict().name()).append(' ');
    }
    out.append("INTO ");
    qualifiedName(i.table());
    alias(i.alias());
    if (!i.columns().isEmpty()) {
      out.append(' ');
      nameList(i.columns());
    }
    out.append(' ');
    InsertSource source = i.source();
    if (source instanceof InsertSource.Values values) {
      values(values.rows());
    } else if (source instanceof InsertSource.FromSelect fromSelect) {
      Select s = fromSelect.select();
      select(s);
      if (!i.upserts().isEmpty() && endsWithFromItem(s)) {
        // parse.y reads ON after a FROM item as the join's ON: SQLite's advice is WHERE true
        out.append(" WHERE true");
      }
    } else {
      out.append("DEFAULT VALUES");
    }
    for (Upsert u : i.upserts()) {
      upsert(u);
    }
    returning(i.returning());
  }

  /**
   * Whether the printed SELECT ends with a FROM item without ON or USING (no WHERE, GROUP BY, ...
   * after it), so that an ON printed next would be read as its join constraint. The parser never
   * builds such an INSERT with upserts; a hand-built one gets {@code WHERE true}.
   */
  private static boolean endsWithFromItem(Select s) {
    int n = s.compounds().size();
    Select last = n == 0 ? s : s.compounds().get(n - 1).select();
    if (last.from() == null || last.where() != null || !last.groupBy().isEmpty()
        || last.having() != null || !s.orderBy().isEmpty() || s.limit() != null) {
      return false;
    }
    return !(last.from() instanceof Join j) || (j.on() == null && j.using().isEmpty());
  }

  private void upsert(Upsert u) {
    out.append(" ON CONFLICT");
    if (!u.target().isEmpty()) {
      out.append(" (");
      orderingTerms(u.target());
      out.append(')');
      if (u.targetWhere() != null) {
        out.append(" WHERE ");
        expr(u.targetWhere());
      }
    }
    if (u.doNothing()) {
      out.append(" DO NOTHING");
      return;
    }
    out.append(" DO UPDATE SET ");
    setList(u.set());
    if (u.where() != null) {
      out.append(" WHERE ");
      expr(u.where());
    }
  }

  private void returning(List<ResultColumn> columns) {
    if (columns.isEmpty()) {
      return;
    }
    out.append(" RETURNING ");
    String sep = "";
    for (ResultColumn c : columns) {
      out.append(sep);
      sep = ", ";
      resultColumn(c);
    }
  }

  private void update(Update u) {
    if (u.with() != null) {
      with(u.with());
    }
    out.append("UPDATE ");
    if (u.orConflict() != null) {
      out.append("OR ").append(u.orConflict().name()).append(' ');
    }
    target(u.target());
    out.append(" SET ");
    setList(u.set());
    if (u.from() != null) {
      out.append(" FROM ");
      fromItem(u.from());
    }
    if (u.where() != null) {
      out.append(" WHERE ");
      expr(u.where());
    }
    returning(u.returning());
    orderByLimit(u.orderBy(), u.limit(), u.offset());
  }

  private void delete(Delete d) {
    if (d.with() != null) {
      with(d.with());
    }
    out.append("DELETE FROM ");
    target(d.target());
    if (d.where() != null) {
      out.append(" WHERE ");
      expr(d.where());
    }
    returning(d.returning());
    orderByLimit(d.orderBy(), d.limit(), d.offset());
  }

  /** An UPDATE's or DELETE's table: the alias needs its AS. */
  private void target(TableRef t) {
    qualifiedName(t.name());
    if (t.alias() != null) {
      out.append(" AS ");
      name(t.alias());
    }
    if (t.indexedBy() != null) {
      out.append(" INDEXED BY ");
      name(t.indexedBy());
    } else if (t.notIndexed()) {
      out.append(" NOT INDEXED");
    }
  }

  private void setList(List<Assignment> set) {
    String sep = "";
    for (Assignment a : set) {
      out.append(sep);
      sep = ", ";
      if (a.parenthesized()) {
        nameList(a.columns());
      } else {
        name(a.columns().get(0));
      }
      out.append(" = ");
      expr(a.value());
    }
  }

  private void orderByLimit(List<OrderingTerm> orderBy, Expr limit, Expr offset) {
    if (!orderBy.isEmpty()) {
      out.append(" ORDER BY ");
      orderingTerms(orderBy);
    }
    if (limit != null) {
      out.append(" LIMIT ");
      expr(limit);
      if (offset != null) {
        out.append(" OFFSET ");
        expr(offset);
      }
    }
  }

  // ---- CREATE VIEW, TRIGGER, VIRTUAL TABLE

  private void createView(CreateView v) {
    out.append(v.temporary() ? "CREATE TEMP VIEW " : "CREATE VIEW ");
    if (v.ifNotExists()) {
      out.append("IF NOT EXISTS ");
    }
    qualifiedName(v.name());
    if (!v.columns().isEmpty()) {
      nameList(v.columns());
    }
    out.append(" AS ");
    select(v.select());
  }

  private void createTrigger(CreateTrigger t) {
    out.append(t.temporary() ? "CREATE TEMP TRIGGER " : "CREATE TRIGGER ");
    if (t.ifNotExists()) {
      out.append("IF NOT EXISTS ");
    }
    qualifiedName(t.name());
    out.append(' ').append(t.time().sql()).append(' ').append(t.event().name());
    if (t.event() == TriggerEvent.UPDATE && !t.updateColumns().isEmpty()) {
      out.append(" OF ");
      String sep = "";
      for (String c : t.updateColumns()) {
        out.append(sep);
        sep = ", ";
        name(c);
      }
    }
    out.append(" ON ");
    qualifiedName(t.table());
    if (t.when() != null) {
      out.append(" WHEN ");
      expr(t.when());
    }
    out.append(" BEGIN ");
    for (Statement s : t.body()) {
      if (s instanceof Select select) {
        select(select);
      } else {
        dmlOrDdl(s);
      }
      out.append("; ");
    }
    out.append("END");
  }

  private void createVirtualTable(CreateVirtualTable v) {
    out.append("CREATE VIRTUAL TABLE ");
    if (v.ifNotExists()) {
      out.append("IF NOT EXISTS ");
    }
    qualifiedName(v.name());
    out.append(" USING ");
    name(v.module());
    if (!v.args().isEmpty()) {
      out.append('(');
      String sep = "";
      for (String arg : v.args()) {
        out.append(sep);
        sep = ", ";
        verbatim(arg);
      }
      out.append(')');
    }
  }

  // ---- ALTER TABLE

  private void alterTable(AlterTable a) {
    out.append("ALTER TABLE ");
    qualifiedName(a.table());
    AlterTable.Action action = a.action();
    if (action instanceof AlterTable.RenameTable r) {
      out.append(" RENAME TO ");
      name(r.newName());
    } else if (action instanceof AlterTable.RenameColumn r) {
      out.append(" RENAME COLUMN ");
      name(r.column());
      out.append(" TO ");
      name(r.newName());
    } else if (action instanceof AlterTable.AddColumn add) {
      out.append(" ADD COLUMN ");
      columnDef(add.column());
    } else if (action instanceof AlterTable.DropColumn d) {
      out.append(" DROP COLUMN ");
      name(d.column());
    } else {
      alterConstraint(action);
    }
  }

  private void alterConstraint(AlterTable.Action action) {
    if (action instanceof AlterTable.AddCheck add) {
      out.append(" ADD ");
      if (add.check().name() != null) {
        out.append("CONSTRAINT ");
        name(add.check().name());
        out.append(' ');
      }
      out.append("CHECK (");
      if (add.check().text() != null) {
        verbatim(add.check().text());
      } else {
        expr(add.check().expr());
      }
      out.append(')');
    } else if (action instanceof AlterTable.DropConstraint d) {
      out.append(" DROP CONSTRAINT ");
      name(d.name());
    } else if (action instanceof AlterTable.SetNotNull n) {
      out.append(" ALTER COLUMN ");
      name(n.column());
      out.append(" SET NOT NULL");
      onConflict(n.onConflict());
    } else {
      out.append(" ALTER COLUMN ");
      name(((AlterTable.DropNotNull) action).column());
      out.append(" DROP NOT NULL");
    }
  }
}
