package dev.pagoda.planner;

import dev.pagoda.parser.ast.Collate;
import dev.pagoda.parser.ast.ColumnRef;
import dev.pagoda.parser.ast.CreateIndex;
import dev.pagoda.parser.ast.Expr;
import dev.pagoda.parser.ast.NullsOrder;
import dev.pagoda.parser.ast.OrderingTerm;
import dev.pagoda.parser.ast.SortOrder;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.spi.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Builds an {@link IndexSchema} from a CREATE INDEX statement and the table it indexes. */
public final class IndexBuilder {
  private static final Set<String> COLLATIONS = Set.of("BINARY", "NOCASE", "RTRIM");

  private IndexBuilder() {}

  /**
   * The schema of the index that {@code ast} creates on {@code table}.
   *
   * @param sql the CREATE INDEX text as stored in {@code sqlite_schema}
   * @param rootPage the index's root page, or 0 when not yet allocated
   * @throws SqlException for a column the table lacks, an unknown collation, or NULLS FIRST/LAST
   */
  public static IndexSchema fromCreateIndex(
      CreateIndex ast, String sql, int rootPage, TableSchema table) {
    List<IndexSchema.IndexColumn> columns = new ArrayList<>();
    String unsupported = null;
    Scope scope = Scope.ofTable(table, table.name());
    for (OrderingTerm term : ast.columns()) {
      if (term.nulls() != null) {
        throw SqlException.error(
            "unsupported use of NULLS " + (term.nulls() == NullsOrder.FIRST ? "FIRST" : "LAST"));
      }
      Expr e = term.expr();
      String collation = null;
      if (e instanceof Collate c) {
        collation = c.collation().toUpperCase(Locale.ROOT);
        if (!COLLATIONS.contains(collation)
            && FunctionCatalog.standard().collation(collation) == null) {
          throw SqlException.error("no such collation sequence: " + c.collation());
        }
        e = c.expr();
      }
      if (!(e instanceof ColumnRef ref) || ref.table() != null) {
        BoundExpr bound = IndexExpressions.bind(e, scope);
        if (collation == null) {
          String implied = dev.pagoda.planner.plan.CompareRules.of(bound);
          collation = implied == null ? "BINARY" : implied.toUpperCase(Locale.ROOT);
        }
        columns.add(new IndexSchema.IndexColumn(
            -1, collation, term.order() == SortOrder.DESC, bound));
        continue;
      }
      int index = table.columnIndex(ref.column());
      if (index < 0) {
        throw SqlException.error("no such column: " + ref.column());
      }
      if (collation == null) {
        String declared = table.columns().get(index).collation();
        collation = declared == null ? "BINARY" : declared.toUpperCase(Locale.ROOT);
      }
      columns.add(new IndexSchema.IndexColumn(index, collation, term.order() == SortOrder.DESC));
    }
    BoundExpr where = ast.where() == null ? null : IndexExpressions.bindWhere(ast.where(), scope);
    return new IndexSchema(ast.name().name(), table.name(), rootPage, columns, ast.unique(), sql,
        unsupported, null, false, where);
  }

  /**
   * An automatic index ({@code sqlite_autoindex_...}, no CREATE text) read from a file. Its
   * columns come from the table's UNIQUE or PRIMARY KEY constraint; one the table's definition
   * does not account for is marked unwritable.
   */
  public static IndexSchema automatic(String name, TableSchema table, int rootPage) {
    IndexSchema known = table.constraints().autoIndex(name);
    if (known != null) {
      return known.withRootPage(rootPage);
    }
    return new IndexSchema(
        name, table.name(), rootPage, List.of(), true, null, "automatic indexes");
  }
}
