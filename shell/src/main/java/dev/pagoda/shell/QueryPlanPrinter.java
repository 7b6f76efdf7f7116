package dev.pagoda.shell;

import dev.pagoda.PagodaException;
import dev.pagoda.PreparedStatement;
import dev.pagoda.Rows;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .eqp on}: runs {@code EXPLAIN QUERY PLAN} before each statement and prints its rows as
 * sqlite3's tree ({@code QUERY PLAN}, then {@code |--} and {@code `--} branches by parent id),
 * as shell.c's {@code eqp_render} does. When the engine cannot explain, its error is printed once
 * (sqlite3 would stay silent) and statements run as usual.
 */
final class QueryPlanPrinter {
  private record Step(int id, int parent, String detail) {}

  private boolean warned;

  void print(String sql, Session session) {
    if (sql.strip().regionMatches(true, 0, "explain", 0, 7)) {
      return;
    }
    List<Step> steps = new ArrayList<>();
    try (PreparedStatement explain = session.connection().prepare("EXPLAIN QUERY PLAN " + sql);
        Rows rows = explain.query()) {
      while (rows.next()) {
        steps.add(new Step((int) rows.getLong(0), (int) rows.getLong(1), rows.getString(3)));
      }
    } catch (PagodaException e) {
      if (!warned) {
        warned = true;
        session.warn("Error: .eqp: " + e.getMessage());
      }
      return;
    }
    render(steps, session.out());
  }

  private static void render(List<Step> steps, PrintStream out) {
    if (steps.isEmpty()) {
      return;
    }
    if (steps.get(0).detail().startsWith("-")) {
      if (steps.size() == 1) {
        return;
      }
      out.print(steps.get(0).detail().substring(3) + "\n");
      steps = steps.subList(1, steps.size());
    } else {
      out.print("QUERY PLAN\n");
    }
    level(steps, 0, "", out);
  }

  private static void level(List<Step> steps, int parent, String prefix, PrintStream out) {
    List<Step> children = new ArrayList<>();
    for (Step s : steps) {
      if (s.parent() == parent) {
        children.add(s);
      }
    }
    for (int i = 0; i < children.size(); i++) {
      boolean more = i + 1 < children.size();
      out.print(prefix + (more ? "|--" : "`--") + children.get(i).detail() + "\n");
      level(steps, children.get(i).id(), prefix + (more ? "|  " : "   "), out);
    }
  }
}
