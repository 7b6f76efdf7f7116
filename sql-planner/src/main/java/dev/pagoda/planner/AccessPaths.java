package dev.pagoda.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access-path rules: the built-in ones ({@value BuiltinAccessRules#ROWID}, {@value
 * BuiltinAccessRules#INDEX}) and those found by {@link ServiceLoader}, and the cheapest path they
 * offer for a table. Rules named in the system property {@code pagoda.planner.disabledRules}
 * (comma-separated) start switched off.
 */
public final class AccessPaths {
  /** The cost of a full scan of a table of unknown size (SQLite assumes about a million rows). */
  static final double FULL_SCAN_ROWS = 1_000_000;

  private static final List<AccessPathRule> RULES = load();
  private static final Set<String> DISABLED = ConcurrentHashMap.newKeySet();

  static {
    String names = System.getProperty("pagoda.planner.disabledRules", "");
    int start = 0;
    while (start <= names.length()) {
      int comma = names.indexOf(',', start);
      int end = comma < 0 ? names.length() : comma;
      String name = names.substring(start, end).trim();
      if (!name.isEmpty()) {
        DISABLED.add(name.toLowerCase(Locale.ROOT));
      }
      start = end + 1;
    }
  }

  private AccessPaths() {}

  private static List<AccessPathRule> load() {
    List<AccessPathRule> rules = new ArrayList<>(BuiltinAccessRules.all());
    for (AccessPathRule rule : ServiceLoader.load(AccessPathRule.class)) {
      rules.add(rule);
    }
    return List.copyOf(rules);
  }

  /** The names of every rule, built-in and plugged in. */
  public static List<String> ruleNames() {
    return RULES.stream().map(AccessPathRule::name).toList();
  }

  /** Switches the rule {@code name} off (for every planner in this JVM) until enabled again. */
  public static void disable(String name) {
    DISABLED.add(name.toLowerCase(Locale.ROOT));
  }

  /** Switches the rule {@code name} back on. */
  public static void enable(String name) {
    DISABLED.remove(name.toLowerCase(Locale.ROOT));
  }

  /** The cheapest path any enabled rule offers, or null when none beats a full scan. */
  static AccessPath best(AccessRequest request) {
    AccessPath best = null;
    for (AccessPathRule rule : RULES) {
      if (DISABLED.contains(rule.name().toLowerCase(Locale.ROOT))) {
        continue;
      }
      for (AccessPath path : rule.candidates(request)) {
        if (path.cost() < FULL_SCAN_ROWS && (best == null || path.cost() < best.cost())) {
          best = path;
        }
      }
    }
    return best;
  }
}
