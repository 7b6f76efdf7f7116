package dev.pagoda.random;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random SELECT statements over a {@link RandomSchema}: nested expressions of every operator and a
 * set of scalar functions, subqueries (scalar, EXISTS, IN, correlated), joins of up to three
 * tables (comma, JOIN ... ON, USING, NATURAL, LEFT), WHERE filters shaped to hit indexes, GROUP BY
 * with aggregates and HAVING, DISTINCT, compound SELECT, CTEs, ORDER BY with LIMIT and OFFSET.
 *
 * <p>Each query says whether its rows come in a defined order: only then is it compared in order.
 * The generator keeps away from what SQLite leaves undefined, each a named exclusion:
 *
 * <ul>
 *   <li>NO_BARE_COLUMNS: an aggregate query selects only group keys, aggregates and expressions
 *       of them; SQLite picks a bare column's row arbitrarily.
 *   <li>TOTAL_ORDER_ONLY: LIMIT, OFFSET and in-order comparison only with an ORDER BY that sorts
 *       by every output column and, after each, by {@code quote()} of it: values that compare
 *       equal (1 and 1.0, 'a' and 'A' under NOCASE) are still told apart, so the order is total.
 *       A scalar subquery that could return several rows is ordered the same way and LIMIT 1.
 *   <li>NO_RANDOM: no random(), randomblob(), date/time functions or changes().
 *   <li>EXACT_SUMS: sum(), total() and avg() read only a column or a column plus or times a small
 *       integer, filtered to values between -1e6 and 1e6 ({@link #bounded}): sums of huge or
 *       inexact reals depend on the order rows are added, and integer sums of huge values
 *       overflow (an error) or not depending on that order.
 *   <li>ORDERED_GROUP_CONCAT: group_concat()'s result depends on the order rows reach it; it is
 *       only used inside length(), which does not.
 *   <li>COMPOUND_UNION_ALL_ONLY: compound SELECTs use UNION ALL only. UNION, INTERSECT and
 *       EXCEPT differ from SQLite in ways not yet understood, probably both the representative
 *       a set operation keeps of values that compare equal (0 and 0.0) and the column affinity
 *       SQLite gives a compound's columns (a later arm's 0 reads 0.0); not fixed here.
 *   <li>GROUP_KEYS_NOT_SELECTED: an aggregate query groups by its keys but does not select them
 *       (nor use them outside an aggregate):
 *       a group of values that compare equal (0 and 0.0, 'a' and 'A' under NOCASE) has no
 *       defined representative.
 *   <li>NO_CONSTANT_KEYS: an ORDER BY key over a result column that refers to no column is
 *       written as its ordinal, and GROUP BY keys always refer to a column: SQLite 3.53 folds a
 *       constant integer expression there into an ordinal (ORDER BY ('1.5' ISNULL) is ordinal 0,
 *       out of range; GROUP BY (1 IS NOT NULL) is ordinal 1) and reports out-of-range negative
 *       ordinals before too-large ones; Pagoda takes only integer literals, signed or not.
 *   <li>DISTINCT_QUOTED: SELECT DISTINCT selects {@code typeof(e) || ' ' || e} of each of its
 *       expressions (a REAL as printf('%.15g'), see REAL_TEXT_17_DIGITS), subqueries in FROM are not DISTINCT, and sum(DISTINCT) is not used: of
 *       values that compare equal but differ (2 and 2.0, 'a' and 'A' under NOCASE) DISTINCT
 *       keeps the first it meets, and the order it meets rows in is the planner's. (Not quote():
 *       for a REAL that needs 17 digits Pagoda's last digit can differ from SQLite's, e.g.
 *       quote(-1/3.0) is -0.33333333333333331 against SQLite's -0.33333333333333332.)
 *   <li>IN_SUBQUERY_BINARY: in {@code x IN (SELECT y ...)} both x and y carry COLLATE BINARY:
 *       IN subqueries now take the collation of x or y as a comparison does (QueryDifferentialTest
 *       has cases), but mixed with affinities some random cases still differ from SQLite.
 *   <li>REAL_TEXT_17_DIGITS: expressions use no "/" and no 9223372036854775807 literal, which
 *       make REALs that need 17 significant digits (-8 / 3.0, x + 9223372036854775807). Turned
 *       into text (||, CAST, string functions), such a REAL differs in the last digit or two:
 *       SQLite's own decimal conversion and round-trip test are not exact (it writes
 *       9.2233720390022595e+18 where 15 digits round-trip, and -0.33333333333333332 for -1/3.0),
 *       Pagoda's are; matching them means porting sqlite3FpDecode and sqlite3AtoF, not fixed
 *       here.
 * </ul>
 */
public final class RandomQueries {
  /** A generated query and whether its rows come in a defined (total) order. */
  public record Query(String sql, boolean ordered) {}

  /** A source in scope: its alias and column names. */
  private record Source(String alias, List<String> columns) {}

  private static final String[] LITERALS = {
    "NULL", "0", "1", "-1", "2", "3", "10", "12", "-7", "100", "4294967296",
    "0.5", "1.5", "-2.25", "2.0", "-0.0", "1e300", "'a'", "'A'", "'abc'", "'ABC'", "'abc '",
    "''", "'12'", "'1.5'", "'b'", "'é'", "X''", "X'41'", "X'7a41'",
  };
  private static final String[] PATTERNS = {
    "'a%'", "'%b%'", "'A_C'", "'%'", "'_'", "'1%'", "'%c '", "'a*'", "'[a-c]*'", "'?b*'", "'*'",
    "'É%'", "'abc'",
  };
  private static final String[] CAST_TYPES = {"INTEGER", "REAL", "TEXT", "BLOB", "NUMERIC", "INT"};
  private static final String[] COLLATIONS = {"NOCASE", "RTRIM", "BINARY"};

  private final Random random;
  private final RandomSchema schema;
  private int aliasCounter;

  public RandomQueries(Random random, RandomSchema schema) {
    this.random = random;
    this.schema = schema;
  }

  /** The next random query. */
  public Query next() {
    aliasCounter = 0;
    return switch (random.nextInt(12)) {
      case 0, 1, 2 -> simple(true);
      case 3 -> indexed();
      case 4, 5, 6 -> aggregate();
      case 7 -> compound();
      case 8 -> cte();
      case 9 -> derived();
      default -> simple(false);
    };
  }

  // ---------------------------------------------------------------------------------- queries

  private Query simple(boolean joins) {
    List<Source> scope = new ArrayList<>();
    String from = from(scope, joins ? 1 + random.nextInt(3) : 1);
    int n = 1 + random.nextInt(3);
    boolean distinct = random.nextInt(6) == 0;
    List<String> cols = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String e = expr(scope, 2);
      cols.add(distinct ? "(typeof(" + e + ") || ' ' || iif(typeof(" + e + ") = 'real', printf("
          + "'%.15g', " + e + "), " + e + "))" : e); // DISTINCT_QUOTED
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(distinct ? "DISTINCT " : "");
    sql.append(String.join(", ", cols)).append(" FROM ").append(from);
    if (random.nextInt(4) != 0) {
      sql.append(" WHERE ").append(condition(scope, 3));
    }
    return orderAndLimit(sql, cols);
  }

  /** A single-table query whose WHERE has the shapes an index serves. */
  private Query indexed() {
    List<Source> scope = new ArrayList<>();
    String from = from(scope, 1);
    Source s = scope.get(0);
    List<String> cols = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      cols.add(random.nextBoolean() ? column(s) : expr(scope, 1));
    }
    List<String> terms = new ArrayList<>();
    int k = 1 + random.nextInt(3);
    for (int i = 0; i < k; i++) {
      String c = column(s);
      terms.add(switch (random.nextInt(9)) {
        case 0, 1 -> c + " = " + literal();
        case 2 -> c + " > " + literal();
        case 3 -> c + " >= " + literal() + " AND " + c + " < " + literal();
        case 4 -> c + " BETWEEN " + literal() + " AND " + literal();
        case 5 -> c + " IN (" + literal() + ", " + literal() + ", " + literal() + ")";
        case 6 -> c + " IS NULL";
        case 7 -> c + " <= " + literal();
        default -> s.alias() + ".rowid " + pick("=", "<", ">=") + " " + literal();
      });
    }
    if (random.nextInt(3) == 0) {
      terms.add(condition(scope, 2));
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", cols))
        .append(" FROM ").append(from).append(" WHERE ").append(String.join(" AND ", terms));
    return orderAndLimit(sql, cols);
  }

  private Query aggregate() {
    List<Source> scope = new ArrayList<>();
    String from = from(scope, 1 + random.nextInt(2));
    List<String> keys = new ArrayList<>();
    boolean grouped = random.nextInt(4) != 0;
    if (grouped) {
      int k = 1 + random.nextInt(2);
      for (int i = 0; i < k; i++) {
        String key = random.nextBoolean() ? column(randomSource(scope)) : expr(scope, 1);
        keys.add(constant(key) ? column(randomSource(scope)) : key); // NO_CONSTANT_KEYS
      }
    }
    // GROUP_KEYS_NOT_SELECTED: see the class comment.
    List<String> cols = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      String agg = aggregateCall(scope);
      cols.add(switch (random.nextInt(6)) {
        case 0 -> agg + " + " + literal();
        case 1 -> "coalesce(" + agg + ", " + literal() + ")";
        default -> agg;
      });
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", cols))
        .append(" FROM ").append(from);
    if (random.nextInt(3) != 0) {
      sql.append(" WHERE ").append(condition(scope, 2));
    }
    if (grouped) {
      sql.append(" GROUP BY ").append(String.join(", ", keys));
      if (random.nextInt(3) == 0) {
        sql.append(" HAVING ").append(aggregateCall(scope)).append(' ')
            .append(pick("=", "<>", "<", ">", ">=")).append(' ').append(literal());
        if (random.nextBoolean()) {
          sql.append(random.nextBoolean() ? " AND " : " OR ").append(keys.get(0)).append(' ')
              .append(pick("=", "<", ">", "IS NOT")).append(' ').append(literal());
        }
      }
    }
    return orderAndLimit(sql, cols);
  }

  private Query compound() {
    int n = 1 + random.nextInt(2);
    StringBuilder sql = new StringBuilder();
    int parts = 2 + (random.nextInt(4) == 0 ? 1 : 0);
    for (int p = 0; p < parts; p++) {
      if (p > 0) {
        // COMPOUND_UNION_ALL_ONLY: see the class comment.
        sql.append(" UNION ALL ");
      }
      List<Source> scope = new ArrayList<>();
      String from = from(scope, 1 + random.nextInt(2));
      List<String> cols = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        cols.add((random.nextBoolean() ? column(randomSource(scope)) : expr(scope, 1))
            + (p == 0 ? " AS k" + i : ""));
      }
      sql.append("SELECT ").append(String.join(", ", cols)).append(" FROM ").append(from);
      if (random.nextBoolean()) {
        sql.append(" WHERE ").append(condition(scope, 2));
      }
    }
    if (random.nextInt(3) == 0) {
      // TOTAL_ORDER_ONLY: ordinals cannot be made total (ties under a collation), so the rows
      // are compared as a multiset. COMPOUND_NOT_IN_FROM: a compound is never wrapped in an
      // outer query to sort it by quote(): SQLite then gives every arm's values the first arm's
      // column affinity (I12 from a later arm reads R12.0), and Pagoda does not (reported).
      List<String> terms = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        terms.add((i + 1) + direction());
      }
      sql.append(" ORDER BY ").append(String.join(", ", terms));
    }
    return new Query(sql.toString(), false);
  }

  private Query cte() {
    List<Source> inner = new ArrayList<>();
    String from = from(inner, 1 + random.nextInt(2));
    int n = 1 + random.nextInt(3);
    List<String> names = new ArrayList<>();
    List<String> cols = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add("w" + i);
      cols.add(expr(inner, 1));
    }
    String body = "SELECT " + String.join(", ", cols) + " FROM " + from
        + (random.nextBoolean() ? " WHERE " + condition(inner, 2) : "");
    List<Source> scope = new ArrayList<>();
    scope.add(new Source("cw", names));
    StringBuilder sql = new StringBuilder("WITH w(" + String.join(", ", names) + ") AS (" + body
        + ") SELECT ");
    String tail = " FROM w AS cw";
    if (random.nextBoolean()) {
      RandomSchema.Table t = table();
      String alias = alias();
      scope.add(new Source(alias, columnNames(t)));
      tail += (random.nextBoolean() ? " LEFT JOIN " : " JOIN ") + t.name() + " AS " + alias
          + " ON " + condition(scope, 1);
    }
    List<String> out = new ArrayList<>();
    int m = 1 + random.nextInt(3);
    for (int i = 0; i < m; i++) {
      out.add(expr(scope, 1));
    }
    sql.append(String.join(", ", out)).append(tail);
    if (random.nextBoolean()) {
      sql.append(" WHERE ").append(condition(scope, 2));
    }
    return orderAndLimit(sql, out);
  }

  /** A query over a subquery in FROM. */
  private Query derived() {
    List<Source> inner = new ArrayList<>();
    String from = from(inner, 1 + random.nextInt(2));
    int n = 1 + random.nextInt(3);
    List<String> names = new ArrayList<>();
    List<String> cols = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add("d" + i);
      cols.add(expr(inner, 1) + " AS d" + i);
    }
    String body = "SELECT " + String.join(", ", cols)
        + " FROM " + from + (random.nextBoolean() ? " WHERE " + condition(inner, 2) : "");
    List<Source> scope = new ArrayList<>();
    scope.add(new Source("dq", names));
    List<String> out = new ArrayList<>();
    int m = 1 + random.nextInt(3);
    for (int i = 0; i < m; i++) {
      out.add(expr(scope, 2));
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", out))
        .append(" FROM (").append(body).append(") AS dq");
    if (random.nextBoolean()) {
      sql.append(" WHERE ").append(condition(scope, 2));
    }
    return orderAndLimit(sql, out);
  }

  /**
   * Maybe an ORDER BY over every output column, each followed by its quote() (so the order is
   * total), with LIMIT and OFFSET; or no ORDER BY at all (compared as a multiset).
   */
  private Query orderAndLimit(StringBuilder sql, List<String> cols) {
    if (random.nextInt(5) < 2) {
      return new Query(sql.toString(), false);
    }
    List<String> terms = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < cols.size(); i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, random);
    for (int i : order) {
      // NO_CONSTANT_KEYS: a constant key is written as its ordinal; see the class comment.
      String key = random.nextBoolean() || constant(cols.get(i))
          ? Integer.toString(i + 1) : cols.get(i);
      terms.add(key + direction());
      terms.add("quote(" + cols.get(i) + ")");
    }
    sql.append(" ORDER BY ").append(String.join(", ", terms));
    limit(sql);
    return new Query(sql.toString(), true);
  }

  /** Whether a generated expression refers to no column (so SQLite may fold it). */
  private static boolean constant(String expr) {
    return !COLUMN_REF.matcher(expr).find();
  }

  private static final java.util.regex.Pattern COLUMN_REF =
      java.util.regex.Pattern.compile("\\b(x[0-9]+|dq|cw)\\.");

  private String direction() {
    String d = switch (random.nextInt(4)) {
      case 0 -> " DESC";
      case 1 -> " ASC";
      default -> "";
    };
    if (random.nextInt(5) == 0) {
      d = " COLLATE " + pick(COLLATIONS) + d;
    }
    if (random.nextInt(5) == 0) {
      d += random.nextBoolean() ? " NULLS FIRST" : " NULLS LAST";
    }
    return d;
  }

  private void limit(StringBuilder sql) {
    if (random.nextInt(3) == 0) {
      sql.append(" LIMIT ").append(random.nextInt(6) - (random.nextInt(8) == 0 ? 2 : 0));
      if (random.nextBoolean()) {
        sql.append(" OFFSET ").append(random.nextInt(4));
      }
    }
  }

  // ---------------------------------------------------------------------------------- FROM

  private String from(List<Source> scope, int tables) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < tables; i++) {
      RandomSchema.Table t = table();
      String alias = alias();
      Source s = new Source(alias, columnNames(t));
      if (i == 0) {
        sb.append(t.name()).append(" AS ").append(alias);
        scope.add(s);
        continue;
      }
      List<String> common = new ArrayList<>();
      for (String c : s.columns()) {
        for (Source prev : scope) {
          if (prev.columns().contains(c) && !common.contains(c)) {
            common.add(c);
          }
        }
      }
      boolean left = random.nextInt(3) == 0;
      String join = left ? " LEFT JOIN " : pick(" JOIN ", " INNER JOIN ", " CROSS JOIN ");
      int kind = random.nextInt(6);
      if (kind == 0) {
        sb.append(", ").append(t.name()).append(" AS ").append(alias);
        scope.add(s);
      } else if (kind == 1 && !common.isEmpty() && scope.size() == 1) {
        // USING and NATURAL need each shared column to be in exactly one source on the left.
        String using = common.get(random.nextInt(common.size()));
        sb.append(join).append(t.name()).append(" AS ").append(alias).append(" USING (")
            .append(using).append(')');
        scope.add(s);
      } else if (kind == 2 && scope.size() == 1) {
        sb.append(left ? " NATURAL LEFT JOIN " : " NATURAL JOIN ").append(t.name())
            .append(" AS ").append(alias);
        scope.add(s);
      } else {
        scope.add(s);
        String on = random.nextBoolean()
            ? column(s) + " " + pick("=", "=", "<", "IS") + " " + column(scope.get(random.nextInt(
                scope.size() - 1)))
            : condition(scope, 2);
        if (join.equals(" CROSS JOIN ")) {
          join = " JOIN ";
        }
        sb.append(join).append(t.name()).append(" AS ").append(alias).append(" ON ").append(on);
      }
    }
    return sb.toString();
  }

  private RandomSchema.Table table() {
    return schema.tables.get(random.nextInt(schema.tables.size()));
  }

  private static List<String> columnNames(RandomSchema.Table t) {
    List<String> out = new ArrayList<>();
    for (RandomSchema.Column c : t.columns()) {
      out.add(c.name());
    }
    return out;
  }

  private String alias() {
    return "x" + aliasCounter++;
  }

  private Source randomSource(List<Source> scope) {
    return scope.get(random.nextInt(scope.size()));
  }

  private String column(Source s) {
    return s.alias() + "." + s.columns().get(random.nextInt(s.columns().size()));
  }

  // ---------------------------------------------------------------------------------- expressions

  private String literal() {
    return random.nextInt(6) == 0
        ? Integer.toString(random.nextInt(21) - 10)
        : pick(LITERALS);
  }

  /** A boolean-ish expression (what WHERE, ON and CASE WHEN take). */
  private String condition(List<Source> scope, int depth) {
    if (depth <= 0) {
      return comparison(scope, 0);
    }
    return switch (random.nextInt(14)) {
      case 0, 1 -> condition(scope, depth - 1) + " AND " + condition(scope, depth - 1);
      case 2 -> "(" + condition(scope, depth - 1) + " OR " + condition(scope, depth - 1) + ")";
      case 3 -> "NOT (" + condition(scope, depth - 1) + ")";
      case 4 -> expr(scope, depth - 1) + (random.nextBoolean() ? " NOT" : "") + " BETWEEN "
          + expr(scope, 0) + " AND " + expr(scope, 0);
      case 5 -> expr(scope, depth - 1) + (random.nextBoolean() ? " NOT" : "") + " IN ("
          + literal() + ", " + expr(scope, 0) + ", " + literal() + ")";
      case 6 -> "(" + expr(scope, depth - 1) + ") COLLATE BINARY" // IN_SUBQUERY_BINARY
          + (random.nextBoolean() ? " NOT" : "") + " IN (" + subquery(scope, false) + ")";
      case 7 -> (random.nextBoolean() ? "NOT " : "") + "EXISTS (" + subquery(scope, true) + ")";
      case 8 -> expr(scope, depth - 1) + (random.nextBoolean() ? " NOT" : "") + " "
          + pick("LIKE", "GLOB") + " " + (random.nextInt(3) == 0 ? expr(scope, 0) : pick(PATTERNS));
      case 9 -> expr(scope, depth - 1) + pick(" IS NULL", " IS NOT NULL", " NOTNULL", " ISNULL");
      case 10 -> expr(scope, depth - 1);
      default -> comparison(scope, depth - 1);
    };
  }

  private String comparison(List<Source> scope, int depth) {
    return expr(scope, depth) + " " + pick("=", "==", "<>", "!=", "<", "<=", ">", ">=", "IS",
        "IS NOT") + " " + expr(scope, depth);
  }

  /** A value expression of at most {@code depth} levels of nesting. */
  private String expr(List<Source> scope, int depth) {
    if (depth <= 0 || random.nextInt(3) == 0) {
      return random.nextInt(3) == 0 || scope.isEmpty() ? literal() : column(randomSource(scope));
    }
    int d = depth - 1;
    return switch (random.nextInt(22)) {
      // REAL_TEXT_17_DIGITS: no "/" (see the class comment).
      case 0, 1 -> "(" + expr(scope, d) + " " + pick("+", "-", "*", "%", "+") + " "
          + expr(scope, d) + ")";
      case 2 -> "(" + expr(scope, d) + " || " + expr(scope, d) + ")";
      case 3 -> "(" + condition(scope, d) + ")";
      case 4 -> pick("-", "+", "~") + expr(scope, d);
      case 5 -> "CASE WHEN " + condition(scope, d) + " THEN " + expr(scope, d)
          + (random.nextBoolean() ? " ELSE " + expr(scope, d) : "") + " END";
      case 6 -> "CASE " + expr(scope, d) + " WHEN " + literal() + " THEN " + expr(scope, d)
          + " WHEN " + expr(scope, d) + " THEN " + literal() + " ELSE " + expr(scope, d) + " END";
      case 7 -> "CAST(" + expr(scope, d) + " AS " + pick(CAST_TYPES) + ")";
      case 8 -> expr(scope, d) + " COLLATE " + pick(COLLATIONS);
      case 9 -> "(" + scalarSubquery(scope) + ")";
      case 10 -> pick("abs", "length", "lower", "upper", "typeof", "hex", "trim", "quote")
          + "(" + expr(scope, d) + ")";
      case 11 -> pick("coalesce", "ifnull", "nullif", "instr", "ltrim", "rtrim") + "("
          + expr(scope, d) + ", " + expr(scope, d) + ")";
      case 12 -> "substr(" + expr(scope, d) + ", " + pick("1", "2", "-1", "0", "-3")
          + (random.nextBoolean() ? ", " + pick("1", "2", "0", "-1", "5") : "") + ")";
      case 13 -> "round(" + expr(scope, d) + (random.nextBoolean() ? ", " + pick("0", "1", "2")
          : "") + ")";
      case 14 -> pick("min", "max") + "(" + expr(scope, d) + ", " + expr(scope, d)
          + (random.nextBoolean() ? ", " + literal() : "") + ")";
      case 15 -> "coalesce(" + expr(scope, d) + ", " + expr(scope, d) + ", " + literal() + ")";
      case 16 -> "replace(" + expr(scope, d) + ", " + pick("'a'", "'1'", "''", "'b '") + ", "
          + pick("'x'", "''", "'AA'") + ")";
      case 17 -> "iif(" + condition(scope, d) + ", " + expr(scope, d) + ", " + expr(scope, d) + ")";
      default -> comparisonValue(scope, d);
    };
  }

  private String comparisonValue(List<Source> scope, int depth) {
    return "(" + comparison(scope, depth) + ")";
  }

  /** A single-column subquery for IN or EXISTS, sometimes correlated. */
  private String subquery(List<Source> outer, boolean exists) {
    List<Source> scope = new ArrayList<>();
    String from = from(scope, 1);
    String col = exists ? pick("1", "*", column(scope.get(0)))
        : expr(scope, 1) + " COLLATE BINARY"; // IN_SUBQUERY_BINARY
    StringBuilder sb = new StringBuilder("SELECT ").append(col).append(" FROM ").append(from);
    List<Source> both = new ArrayList<>(scope);
    both.addAll(outer);
    if (random.nextInt(3) != 0) {
      sb.append(" WHERE ").append(condition(random.nextBoolean() ? both : scope, 1));
    }
    return sb.toString();
  }

  /** A subquery that returns one row and one column, or whose first row is defined. */
  private String scalarSubquery(List<Source> outer) {
    List<Source> scope = new ArrayList<>();
    String from = from(scope, 1);
    List<Source> both = new ArrayList<>(scope);
    both.addAll(outer);
    String where = random.nextInt(3) != 0
        ? " WHERE " + condition(random.nextBoolean() ? both : scope, 1) : "";
    if (random.nextBoolean()) {
      return "SELECT " + aggregateCall(scope) + " FROM " + from + where;
    }
    String col = expr(scope, 1);
    return "SELECT " + col + " FROM " + from + where + " ORDER BY 1" + direction() + ", quote("
        + col + "), " + scope.get(0).alias() + ".rowid LIMIT 1";
  }

  private String aggregateCall(List<Source> scope) {
    String filter = random.nextInt(8) == 0 ? " FILTER (WHERE " + condition(scope, 1) + ")" : "";
    return switch (random.nextInt(9)) {
      case 0 -> "count(*)" + filter;
      case 1 -> "count(" + (random.nextBoolean() ? "DISTINCT " : "") + expr(scope, 1) + ")" + filter;
      case 2, 3 -> pick("min", "max") + "(" + expr(scope, 1) + ")" + filter;
      case 4 -> pick("sum", "total", "avg") + "(" + bounded(scope) + ")" + filter;
      // DISTINCT_QUOTED: not sum(DISTINCT), whose type follows the kept one of 0 and 0.0.
      case 5 -> pick("total", "avg") + "(DISTINCT " + bounded(scope) + ")" + filter;
      case 6 -> "length(group_concat(" + expr(scope, 1)
          + (random.nextBoolean() ? ", '-'" : "") + ")" + filter + ")";
      case 7 -> "count(" + column(randomSource(scope)) + ")" + filter;
      default -> pick("min", "max") + "(" + column(randomSource(scope)) + ")" + filter;
    };
  }

  /** An EXACT_SUMS argument: a column, maybe plus or times a small integer, within +-1e6. */
  private String bounded(List<Source> scope) {
    String c = column(randomSource(scope));
    String e = switch (random.nextInt(3)) {
      case 0 -> c + " + " + (random.nextInt(5) - 2);
      case 1 -> c + " * " + (random.nextInt(5) - 2);
      default -> c;
    };
    // c + 0: a TEXT column's '-9223372036854775807' would pass a text comparison with the bounds.
    return "CASE WHEN " + c + " + 0 BETWEEN -1000000 AND 1000000 THEN " + e + " END";
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }
}
