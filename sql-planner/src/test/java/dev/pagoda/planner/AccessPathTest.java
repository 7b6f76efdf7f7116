package dev.pagoda.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.parser.ParsedStatement;
import dev.pagoda.parser.Parser;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.planner.plan.PlanNodes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which access path the built-in rules choose, and that switching a rule off falls back. */
class AccessPathTest {
  private static final class TestCatalog implements Catalog {
    private final Map<String, TableSchema> tables = new HashMap<>();
    private final List<IndexSchema> indexes = new ArrayList<>();

    TestCatalog withTable(String sql) {
      CreateTable ast = (CreateTable) Parser.parseFirst(sql).statement();
      TableSchema t = SchemaBuilder.fromCreateTable(ast, sql, tables.size() + 2);
      tables.put(TableSchema.key(t.name()), t);
      return this;
    }

    TestCatalog withIndex(String sql) {
      ParsedStatement parsed = Parser.parseFirst(sql);
      Plan.CreateIndex p = (Plan.CreateIndex) Planner.plan(parsed, sql, this);
      indexes.add(p.index());
      return this;
    }

    @Override
    public TableSchema table(String name) {
      return tables.get(TableSchema.key(name));
    }

    @Override
    public Collection<TableSchema> tables() {
      return tables.values();
    }

    @Override
    public List<IndexSchema> indexes(String table) {
      return indexes.stream().filter(i -> i.table().equalsIgnoreCase(table)).toList();
    }

    @Override
    public IndexSchema index(String name) {
      return indexes.stream().filter(i -> i.name().equalsIgnoreCase(name)).findFirst()
          .orElse(null);
    }
  }

  private final TestCatalog catalog = new TestCatalog()
      .withTable("CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b TEXT, c)")
      .withTable("CREATE TABLE u(x INTEGER, y)")
      .withIndex("CREATE INDEX ta ON t(a)")
      .withIndex("CREATE INDEX tbc ON t(b, c)")
      .withIndex("CREATE INDEX ux ON u(x)");

  private List<String> kinds(String sql) {
    Plan.Query q = (Plan.Query) Planner.plan(Parser.parseFirst(sql), sql, catalog);
    List<String> kinds = new ArrayList<>();
    collect(q.root(), kinds);
    return kinds;
  }

  private static void collect(PlanNode node, List<String> kinds) {
    if (node instanceof PlanNode.IndexSeek s) {
      kinds.add("index " + s.index().name());
    } else if (node instanceof PlanNode.RowidSeek || node instanceof PlanNode.RowidRange) {
      kinds.add(node.getClass().getSimpleName());
    } else if (node instanceof PlanNode.TableScan s) {
      kinds.add("scan " + s.table().name());
    }
    for (PlanNode input : PlanNodes.inputs(node)) {
      collect(input, kinds);
    }
  }

  @Test
  void equalityRangeAndIn_useTheirPaths() {
    assertEquals(List.of("RowidSeek"), kinds("SELECT * FROM t WHERE id = 5"));
    assertEquals(List.of("RowidSeek"), kinds("SELECT * FROM t WHERE rowid IN (1, 2)"));
    assertEquals(List.of("RowidRange"), kinds("SELECT * FROM t WHERE id > ? AND id < 9"));
    assertEquals(List.of("index ta"), kinds("SELECT * FROM t WHERE a = 3"));
    assertEquals(List.of("index ta"), kinds("SELECT * FROM t WHERE a BETWEEN 1 AND 4"));
    assertEquals(List.of("index ta"), kinds("SELECT * FROM t WHERE a IN (1, 2, 3)"));
    assertEquals(List.of("index tbc"), kinds("SELECT * FROM t WHERE b = 'x' AND c > 2"));
    assertEquals(List.of("scan t"), kinds("SELECT * FROM t WHERE c = 2"));
    assertEquals(List.of("scan t"), kinds("SELECT * FROM t WHERE a = 1 OR a = 2"));
  }

  @Test
  void affinityThatWouldReorderValues_keepsTheScan() {
    // b has TEXT affinity; comparing it with an INTEGER column converts b's values to numbers,
    // which the index on b does not order by.
    assertEquals(List.of("scan u", "scan t"),
        kinds("SELECT * FROM u, t WHERE t.b = u.x AND u.y = 1"));
  }

  @Test
  void joins_probeTheInnerTableByIndex() {
    List<String> plan = kinds("SELECT * FROM u, t WHERE t.a = u.x");
    assertTrue(plan.equals(List.of("scan u", "index ta")) || plan.equals(List.of("index ux", "scan t"))
        || plan.contains("index ta") || plan.contains("index ux"), plan.toString());
    assertEquals(List.of("scan u", "RowidSeek"), kinds("SELECT * FROM u JOIN t ON t.id = u.y"));
  }

  @Test
  void disabledRule_fallsBackToAScan() {
    AccessPaths.disable("index");
    try {
      assertEquals(List.of("scan t"), kinds("SELECT * FROM t WHERE a = 3"));
      assertEquals(List.of("RowidSeek"), kinds("SELECT * FROM t WHERE id = 3"));
    } finally {
      AccessPaths.enable("index");
    }
    assertEquals(List.of("index ta"), kinds("SELECT * FROM t WHERE a = 3"));
    assertEquals(List.of("rowid", "index"), AccessPaths.ruleNames());
  }
}
