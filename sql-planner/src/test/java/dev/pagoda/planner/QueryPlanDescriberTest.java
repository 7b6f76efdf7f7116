package dev.pagoda.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagoda.parser.Parser;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.planner.plan.BoundExpr;
import dev.pagoda.planner.plan.Plan;
import dev.pagoda.planner.plan.PlanNode;
import dev.pagoda.planner.plan.QueryPlanDescriber;
import dev.pagoda.planner.plan.QueryPlanDescriber.Line;
import dev.pagoda.spi.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines of plans that the engine's differential test cannot reach through SQL yet. */
class QueryPlanDescriberTest {
  private static final String SQL = "CREATE TABLE t(a, b)";
  private static final TableSchema T =
      SchemaBuilder.fromCreateTable((CreateTable) Parser.parseFirst(SQL).statement(), SQL, 2);
  private static final BoundExpr ONE = new BoundExpr.Constant(Value.of(1L));

  private static List<Line> describe(PlanNode root) {
    return QueryPlanDescriber.describe(new Plan.Query(root, names(root.width())));
  }

  private static List<String> names(int width) {
    return java.util.stream.IntStream.range(0, width).mapToObj(i -> "c" + i).toList();
  }

  @Test
  void indexSeek_onExpression_namesItExpr() {
    IndexSchema index = new IndexSchema("te", "t", 3, List.of(
        new IndexSchema.IndexColumn(-1, "BINARY", false, ONE),
        new IndexSchema.IndexColumn(1, "BINARY", false)), false, null, null);
    PlanNode seek = new PlanNode.IndexSeek(T, index, List.of(ONE), java.util.Arrays.asList((Affinity) null),
        null, null, null, new PlanNode.RangeBound(ONE, false, null), "x");
    assertEquals(List.of(new Line(1, 0, "SEARCH x USING INDEX te (<expr>=? AND b<?)")),
        describe(seek));
  }

  @Test
  void materializedSource_readTwice_isMaterializedOnce() {
    PlanNode.Materialize m = new PlanNode.Materialize(new PlanNode.TableScan(T), "c");
    PlanNode join = new PlanNode.NestedLoop(List.of(m, m), List.of(
        new PlanNode.JoinStep(0, false, List.of(), List.of()),
        new PlanNode.JoinStep(1, false, List.of(), List.of())));
    assertEquals(List.of(new Line(1, 0, "MATERIALIZE c"), new Line(2, 1, "SCAN t"),
        new Line(3, 0, "SCAN c"), new Line(4, 0, "SCAN c")), describe(join));
  }

  @Test
  void delete_describesItsSource_schemaChangesNothing() {
    Plan delete = new Plan.Delete(T, new PlanNode.RowidRange(T,
        new PlanNode.RangeBound(ONE, true, null), null), List.of(), Plan.Triggers.NONE);
    assertEquals(List.of(new Line(1, 0, "SEARCH t USING INTEGER PRIMARY KEY (rowid>?)")),
        QueryPlanDescriber.describe(delete));
    assertEquals(List.of(), QueryPlanDescriber.describe(new Plan.CreateTable(T, false)));
  }
}
