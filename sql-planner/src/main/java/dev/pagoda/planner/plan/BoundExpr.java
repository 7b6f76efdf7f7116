package dev.pagoda.planner.plan;

import static java.util.Objects.requireNonNull;

import dev.pagoda.planner.Affinity;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An expression after binding: names are resolved to column positions of the input row, operator
 * kinds are fixed and the comparison affinity is decided. The executor compiles each one into an
 * evaluator once per prepared statement.
 */
public sealed interface BoundExpr {

  /**
   * The affinity this expression carries into a comparison: a column's affinity, a CAST's target,
   * or null when the expression has none (SQLite's "no affinity").
   */
  default Affinity affinity() {
    return null;
  }

  /**
   * The collation this expression carries into a comparison: an explicit {@code COLLATE}, a
   * column's declared collation, or null when it has none (BINARY is then used).
   */
  default String collation() {
    return null;
  }

  /** A constant value. */
  record Constant(Value value) implements BoundExpr {
    public Constant {
      requireNonNull(value, "value");
    }
  }

  /**
   * Column {@code index} of the input row (a table scan's rowid is the column after the table's
   * last one).
   *
   * @param name the column name, for messages and result column names
   * @param collation the column's declared collation name, or null for none (BINARY)
   */
  record Column(int index, Affinity affinity, String name, String collation)
      implements BoundExpr {
    // affinity() and collation() are the record accessors: the column's declared ones.

    public Column {
      requireNonNull(name, "name");
    }

    /** A column without a declared collation. */
    public Column(int index, Affinity affinity, String name) {
      this(index, affinity, name, null);
    }
  }

  /** Parameter {@code index}, 1-based. */
  record Parameter(int index) implements BoundExpr {}

  /** A prefix operator. */
  record Unary(UnaryOp op, BoundExpr operand) implements BoundExpr {
    public Unary {
      requireNonNull(op, "op");
      requireNonNull(operand, "operand");
    }
  }

  /**
   * An infix operator. For comparisons, {@code compareAffinity} is the affinity applied to both
   * operands before comparing (null: none), chosen by SQLite's rules at bind time, and {@code
   * compareCollation} the collation comparing text (null: BINARY).
   */
  record Binary(
      BinaryOp op, BoundExpr left, BoundExpr right, Affinity compareAffinity,
      String compareCollation)
      implements BoundExpr {
    public Binary {
      requireNonNull(op, "op");
      requireNonNull(left, "left");
      requireNonNull(right, "right");
    }

    /** An operator comparing with BINARY (or not comparing at all). */
    public Binary(BinaryOp op, BoundExpr left, BoundExpr right, Affinity compareAffinity) {
      this(op, left, right, compareAffinity, null);
    }
  }

  /** {@code operand IS NULL}, or {@code IS NOT NULL} when {@code negated}. */
  record IsNull(BoundExpr operand, boolean negated) implements BoundExpr {}

  /** {@code CAST(operand AS type)}. */
  record Cast(BoundExpr operand, Affinity target) implements BoundExpr {
    @Override
    public Affinity affinity() {
      return target;
    }

    /** A CAST keeps its operand's collation, as in SQLite. */
    @Override
    public String collation() {
      return operand.collation();
    }
  }

  /**
   * {@code operand [NOT] IN (items)}; {@code compareAffinities[i]} is the affinity for comparing
   * the operand with item i; {@code compareCollation} the collation of every comparison (null:
   * BINARY).
   */
  record InList(BoundExpr operand, List<BoundExpr> items, List<Affinity> compareAffinities,
      boolean negated, String compareCollation) implements BoundExpr {
    public InList {
      items = List.copyOf(items);
      compareAffinities = Collections.unmodifiableList(new ArrayList<>(compareAffinities));
    }

    /** An IN list comparing with BINARY. */
    public InList(BoundExpr operand, List<BoundExpr> items, List<Affinity> compareAffinities,
        boolean negated) {
      this(operand, items, compareAffinities, negated, null);
    }
  }

  /**
   * {@code CASE [base] WHEN w THEN t ... [ELSE e] END}; {@code base} and {@code otherwise} may be
   * null.
   */
  record Case(BoundExpr base, List<BoundExpr> whens, List<BoundExpr> thens, BoundExpr otherwise)
      implements BoundExpr {
    public Case {
      whens = List.copyOf(whens);
      thens = List.copyOf(thens);
    }
  }

  /**
   * Column {@code index} of the row of an enclosing query, {@code depth} levels out (1: the query
   * this subquery is part of): a correlated reference. {@code collation} is the column's
   * declared collation, or null for none (BINARY), as for {@link Column}.
   */
  record Outer(int depth, int index, Affinity affinity, String name, String collation)
      implements BoundExpr {
    public Outer {
      requireNonNull(name, "name");
      if (depth < 1) {
        throw new IllegalArgumentException("depth " + depth);
      }
    }

    /** A reference to a column without a declared collation. */
    public Outer(int depth, int index, Affinity affinity, String name) {
      this(depth, index, affinity, name, null);
    }
  }

  /** The kinds of subquery expression. */
  enum SubqueryKind {
    /** {@code (SELECT ...)}: the first column of the first row, NULL when there is none. */
    SCALAR,
    /** {@code EXISTS (SELECT ...)}. */
    EXISTS,
    /** {@code operand IN (SELECT ...)}. */
    IN
  }

  /**
   * A subquery used as a value. {@code plan}'s rows are evaluated with this expression's input
   * row as the outer row of its {@link Outer} references; when {@code correlated} is false it has
   * none and is computed once per run. For IN, {@code operand} is compared with the first column
   * under {@code compareAffinity} and {@code compareCollation} (null: BINARY), and {@code negated}
   * makes it NOT IN; for a scalar subquery, {@code compareCollation} is its column's collation.
   */
  record Subquery(SubqueryKind kind, PlanNode plan, boolean correlated, BoundExpr operand,
      Affinity compareAffinity, boolean negated, String compareCollation) implements BoundExpr {
    public Subquery {
      requireNonNull(kind, "kind");
      requireNonNull(plan, "plan");
      if ((kind == SubqueryKind.IN) != (operand != null)) {
        throw new IllegalArgumentException("an operand exactly for IN");
      }
    }

    /** A subquery comparing under BINARY. */
    public Subquery(SubqueryKind kind, PlanNode plan, boolean correlated, BoundExpr operand,
        Affinity compareAffinity, boolean negated) {
      this(kind, plan, correlated, operand, compareAffinity, negated, null);
    }

    /**
     * A scalar subquery has its result column's affinity, as in SQLite ((SELECT textColumn) = 1
     * compares as text); {@code compareAffinity} holds it for that kind.
     */
    @Override
    public Affinity affinity() {
      return kind == SubqueryKind.SCALAR ? compareAffinity : null;
    }
  }

  /**
   * A call of the scalar function {@code name} (lower case); the executor resolves the name
   * against its function registry when it compiles the call.
   */
  record Function(String name, List<BoundExpr> args) implements BoundExpr {
    public Function {
      requireNonNull(name, "name");
      args = List.copyOf(args);
    }
  }

  /**
   * {@code value [NOT] LIKE pattern [ESCAPE escape]} or, when {@code glob}, {@code value [NOT]
   * GLOB pattern}; {@code escape} is null when not written (always for GLOB).
   */
  record Like(BoundExpr value, BoundExpr pattern, BoundExpr escape, boolean glob,
      boolean negated) implements BoundExpr {
    public Like {
      requireNonNull(value, "value");
      requireNonNull(pattern, "pattern");
    }
  }

  /**
   * {@code operand COLLATE name}: the operand's value and affinity with an explicit collation.
   * The name is kept as written; the executor checks it when a comparison uses it.
   */
  record Collate(BoundExpr operand, String name) implements BoundExpr {
    public Collate {
      requireNonNull(operand, "operand");
      requireNonNull(name, "name");
    }

    @Override
    public Affinity affinity() {
      return operand.affinity();
    }

    @Override
    public String collation() {
      return name;
    }
  }

  /**
   * {@code RAISE(action[, message])} in a trigger program: evaluating it stops the program.
   * IGNORE skips the row that fired the trigger; ROLLBACK, ABORT and FAIL fail the statement with
   * {@code message} (null for IGNORE) as SQLITE_CONSTRAINT_TRIGGER. Not one of {@link BoundExprs}'s known kinds, so planners treat
   * it as opaque (never a constant to hoist or a seek key).
   */
  record Raise(dev.pagoda.parser.ast.RaiseAction action, BoundExpr message) implements BoundExpr {
    public Raise {
      requireNonNull(action, "action");
    }
  }
}
