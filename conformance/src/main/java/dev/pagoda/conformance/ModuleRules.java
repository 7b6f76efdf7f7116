package dev.pagoda.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the reactor against the dependency rules of the design: each module depends on exactly
 * the internal modules its row of the table names (in its POM and in its {@code module-info}),
 * storage modules import no SQL code, and only the front ends import the engine's API.
 *
 * <p>It reads files only, so it can check any copy of the reactor, including a deliberately
 * broken one in a test.
 */
public final class ModuleRules {
  /** The design's table: module folder -> the internal modules it depends on. */
  public static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("functions-spi", Set.of()),
          Map.entry("sql-parser", Set.of()),
          Map.entry("sql-planner", Set.of("sql-parser", "functions-spi")),
          Map.entry("sql-executor", Set.of("sql-planner", "functions-spi", "storage-btree")),
          Map.entry("storage-pager", Set.of()),
          Map.entry("storage-btree", Set.of("storage-pager")),
          Map.entry("storage-wal", Set.of("storage-pager")),
          Map.entry(
              "engine",
              Set.of(
                  "functions-spi",
                  "sql-parser",
                  "sql-planner",
                  "sql-executor",
                  "storage-pager",
                  "storage-btree",
                  "storage-wal")),
          Map.entry("jdbc", Set.of("engine")),
          Map.entry("shell", Set.of("engine")),
          Map.entry("conformance", Set.of("engine", "jdbc")),
          Map.entry(
              "benchmarks",
              Set.of(
                  "functions-spi",
                  "sql-parser",
                  "sql-planner",
                  "sql-executor",
                  "storage-pager",
                  "storage-btree",
                  "storage-wal",
                  "engine",
                  "jdbc")));

  /** Java module name of each module folder. */
  public static final Map<String, String> MODULE_NAMES =
      Map.ofEntries(
          Map.entry("functions-spi", "dev.pagoda.spi"),
          Map.entry("sql-parser", "dev.pagoda.parser"),
          Map.entry("sql-planner", "dev.pagoda.planner"),
          Map.entry("sql-executor", "dev.pagoda.executor"),
          Map.entry("storage-pager", "dev.pagoda.pager"),
          Map.entry("storage-btree", "dev.pagoda.btree"),
          Map.entry("storage-wal", "dev.pagoda.wal"),
          Map.entry("engine", "dev.pagoda.engine"),
          Map.entry("jdbc", "dev.pagoda.jdbc"),
          Map.entry("shell", "dev.pagoda.shell"),
          Map.entry("conformance", "dev.pagoda.conformance"),
          Map.entry("benchmarks", "dev.pagoda.benchmarks"));

  private static final Set<String> STORAGE = Set.of("storage-pager", "storage-btree", "storage-wal");
  private static final Set<String> ENGINE_USERS = Set.of("engine", "jdbc", "shell", "conformance", "benchmarks");

  private static final Pattern DEPENDENCY =
      Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
  private static final Pattern GROUP = Pattern.compile("<groupId>\\s*([^<\\s]+)\\s*</groupId>");
  private static final Pattern ARTIFACT =
      Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");
  private static final Pattern REQUIRES =
      Pattern.compile("requires\\s+(?:transitive\\s+|static\\s+)*(dev\\.pagoda\\.[\\w.]+)\\s*;");
  private static final Pattern SQL_IMPORT =
      Pattern.compile(
          "^\\s*import\\s+(?:static\\s+)?dev\\.pagoda\\.(spi|parser|planner|executor)\\.",
          Pattern.MULTILINE);
  private static final Pattern ENGINE_IMPORT =
      Pattern.compile("^\\s*import\\s+(?:static\\s+)?dev\\.pagoda\\.[A-Z]", Pattern.MULTILINE);

  /**
   * Plug-in modules a third party could copy: outside tests they may use nothing of Pagoda but
   * {@code functions-spi}.
   */
  public static final Set<String> PLUGINS = Set.of("examples/function-plugin");

  private static final Pattern TEST_SCOPE = Pattern.compile("<scope>\\s*test\\s*</scope>");
  private static final Pattern NON_SPI_IMPORT =
      Pattern.compile("^\\s*import\\s+(?:static\\s+)?dev\\.pagoda\\.(?!spi\\.)", Pattern.MULTILINE);

  private ModuleRules() {}

  /** Every rule broken in the reactor at {@code root}, one message each; empty when all hold. */
  public static List<String> violations(Path root) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Set<String>> row : ALLOWED.entrySet()) {
      Path module = root.resolve(row.getKey());
      if (!Files.isDirectory(module)) {
        out.add(row.getKey() + ": module folder is missing");
        continue;
      }
      checkPom(row.getKey(), module, row.getValue(), out);
      checkModuleInfo(row.getKey(), module, row.getValue(), out);
      checkImports(row.getKey(), module, out);
    }
    for (String plugin : PLUGINS) {
      checkPlugin(plugin, root.resolve(plugin), out);
    }
    return out;
  }

  private static void checkPlugin(String name, Path module, List<String> out) {
    if (!Files.isDirectory(module)) {
      out.add(name + ": module folder is missing");
      return;
    }
    Set<String> main = new TreeSet<>();
    Matcher m = DEPENDENCY.matcher(read(module.resolve("pom.xml")));
    while (m.find()) {
      String block = m.group(1);
      Matcher g = GROUP.matcher(block);
      Matcher a = ARTIFACT.matcher(block);
      if (g.find() && a.find() && g.group(1).equals("dev.pagoda")
          && !TEST_SCOPE.matcher(block).find()) {
        main.add(a.group(1));
      }
    }
    if (!main.equals(Set.of("functions-spi"))) {
      out.add(name + "/pom.xml: outside tests a plug-in depends on functions-spi alone, not "
          + main);
    }
    checkModuleInfo(name, module, Set.of("functions-spi"), out);
    Path sources = module.resolve("src/main/java");
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(file -> {
        if (NON_SPI_IMPORT.matcher(read(file)).find()) {
          out.add(root(module, file) + ": a plug-in imports Pagoda code other than the SPI");
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void checkPom(String name, Path module, Set<String> allowed, List<String> out) {
    Set<String> declared = internalDependencies(read(module.resolve("pom.xml")));
    if (!declared.equals(allowed)) {
      out.add(name + "/pom.xml: internal dependencies " + sorted(declared)
          + " but the design allows exactly " + sorted(allowed));
    }
  }

  /** The internal ({@code dev.pagoda}) artifacts a POM depends on, in any scope. */
  static Set<String> internalDependencies(String pom) {
    Set<String> deps = new TreeSet<>();
    Matcher m = DEPENDENCY.matcher(pom);
    while (m.find()) {
      String block = m.group(1);
      Matcher g = GROUP.matcher(block);
      Matcher a = ARTIFACT.matcher(block);
      if (g.find() && a.find() && g.group(1).equals("dev.pagoda")) {
        deps.add(a.group(1));
      }
    }
    return deps;
  }

  private static void checkModuleInfo(
      String name, Path module, Set<String> allowed, List<String> out) {
    Path info = module.resolve("src/main/java/module-info.java");
    if (!Files.exists(info)) {
      out.add(name + ": no module-info.java");
      return;
    }
    Set<String> allowedModules = new TreeSet<>();
    allowed.forEach(a -> allowedModules.add(MODULE_NAMES.get(a)));
    Matcher m = REQUIRES.matcher(read(info));
    while (m.find()) {
      if (!allowedModules.contains(m.group(1))) {
        out.add(name + "/module-info.java: requires " + m.group(1) + ", which the design forbids");
      }
    }
  }

  private static void checkImports(String name, Path module, List<String> out) {
    Path sources = module.resolve("src");
    if (!Files.isDirectory(sources)) {
      return;
    }
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(file -> {
        String text = read(file);
        if (STORAGE.contains(name) && SQL_IMPORT.matcher(text).find()) {
          out.add(root(module, file) + ": a storage module imports SQL code");
        }
        if (!ENGINE_USERS.contains(name) && ENGINE_IMPORT.matcher(text).find()) {
          out.add(root(module, file) + ": only the front ends may import the engine API");
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String root(Path module, Path file) {
    return module.getFileName() + "/" + module.relativize(file);
  }

  private static List<String> sorted(Set<String> s) {
    return new ArrayList<>(new TreeSet<>(s));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
