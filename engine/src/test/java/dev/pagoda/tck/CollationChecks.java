package dev.pagoda.tck;

import static dev.pagoda.tck.TckSql.rows;
import static dev.pagoda.tck.TckSql.update;
import static dev.pagoda.tck.TckSql.withConnection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.pagoda.spi.Collation;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/** The checks on one collation: a total order on the sample strings, usable in ORDER BY. */
final class CollationChecks {
  private CollationChecks() {}

  static Stream<DynamicNode> of(Collation c, List<String> samples) {
    return Stream.of(
        dynamicTest("reflexive: compare(a, a) == 0", () -> reflexive(c, samples)),
        dynamicTest("antisymmetric: sign(compare(a, b)) == -sign(compare(b, a))",
            () -> antisymmetric(c, samples)),
        dynamicTest("transitive over every triple of samples", () -> transitive(c, samples)),
        dynamicTest("ORDER BY x COLLATE " + c.name() + " sorts as compare() does",
            () -> orderBy(c, samples, false)),
        dynamicTest("ORDER BY x COLLATE " + c.name() + " DESC sorts in reverse",
            () -> orderBy(c, samples, true)));
  }

  private static void reflexive(Collation c, List<String> samples) {
    for (String a : samples) {
      assertEquals(0, c.compare(a, a), () -> "compare('" + a + "', itself)");
      assertEquals(0, c.compare(a, new String(a)), () -> "compare('" + a + "', a copy)");
    }
  }

  private static void antisymmetric(Collation c, List<String> samples) {
    for (String a : samples) {
      for (String b : samples) {
        int ab = Integer.signum(c.compare(a, b));
        int ba = Integer.signum(c.compare(b, a));
        assertEquals(-ab, ba, () -> "compare('" + a + "', '" + b + "') and back");
      }
    }
  }

  private static void transitive(Collation c, List<String> samples) {
    for (String a : samples) {
      for (String b : samples) {
        if (c.compare(a, b) > 0) {
          continue;
        }
        for (String x : samples) {
          if (c.compare(b, x) <= 0 && c.compare(a, x) > 0) {
            fail("'" + a + "' <= '" + b + "' <= '" + x + "' but '" + a + "' > '" + x + "'");
          }
          if (c.compare(a, b) == 0 && c.compare(b, x) == 0 && c.compare(a, x) != 0) {
            fail("'" + a + "' == '" + b + "' == '" + x + "' but '" + a + "' != '" + x + "'");
          }
        }
      }
    }
  }

  /** The rows come back as a permutation of the samples, each step in the collation's order. */
  private static void orderBy(Collation c, List<String> samples, boolean descending) {
    String select = "SELECT x FROM t ORDER BY x COLLATE " + c.name() + (descending ? " DESC" : "");
    List<String> sorted = new ArrayList<>();
    withConnection(conn -> {
      update(conn, "CREATE TABLE t(x TEXT)", List.of());
      for (String s : samples) {
        update(conn, "INSERT INTO t VALUES (?)", List.of(Value.of(s)));
      }
      for (List<Value> row : rows(conn, select, List.of())) {
        sorted.add(((Value.Text) row.get(0)).value());
      }
    });
    List<String> expected = new ArrayList<>(samples);
    expected.sort(null);
    List<String> unordered = new ArrayList<>(sorted);
    unordered.sort(null);
    assertEquals(expected, unordered, () -> select + " returned other rows than inserted");
    for (int i = 1; i < sorted.size(); i++) {
      int cmp = c.compare(sorted.get(i - 1), sorted.get(i));
      int at = i;
      assertTrue(descending ? cmp >= 0 : cmp <= 0,
          () -> select + " put '" + sorted.get(at - 1) + "' before '" + sorted.get(at) + "'");
    }
  }
}
