package dev.pagoda.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The design's dependency rules hold for the reactor, and the checker catches a broken one. */
class ModuleRulesTest {
  private static final Path REACTOR = Path.of("").toAbsolutePath().getParent();

  @Test
  void violations_thisReactor_none() {
    assertEquals(List.of(), ModuleRules.violations(REACTOR));
  }

  @Test
  void violations_storageModuleDependsOnParser_reported(@TempDir Path copy) throws IOException {
    copyBuildFiles(copy);
    Path pom = copy.resolve("storage-pager/pom.xml");
    String text = Files.readString(pom, StandardCharsets.UTF_8);
    Files.writeString(pom, text.replace("<dependencies>",
        "<dependencies>\n<dependency><groupId>dev.pagoda</groupId>"
            + "<artifactId>sql-parser</artifactId></dependency>"));

    List<String> violations = ModuleRules.violations(copy);

    assertEquals(1, violations.size(), violations.toString());
    assertTrue(violations.get(0).startsWith("storage-pager/pom.xml"), violations.toString());
  }

  @Test
  void violations_plannerRequiresEngine_reported(@TempDir Path copy) throws IOException {
    copyBuildFiles(copy);
    Path info = copy.resolve("sql-planner/src/main/java/module-info.java");
    String text = Files.readString(info, StandardCharsets.UTF_8);
    Files.writeString(info, text.replace("{", "{\n  requires dev.pagoda.engine;"));

    List<String> violations = ModuleRules.violations(copy);

    assertEquals(1, violations.size(), violations.toString());
    assertTrue(violations.get(0).contains("requires dev.pagoda.engine"), violations.toString());
  }

  @Test
  void violations_storageSourceImportsSqlValues_reported(@TempDir Path copy) throws IOException {
    copyBuildFiles(copy);
    Path source = copy.resolve("storage-btree/src/main/java/dev/pagoda/btree/Bad.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package dev.pagoda.btree;\nimport dev.pagoda.spi.Value;\nclass Bad {}\n");

    List<String> violations = ModuleRules.violations(copy);

    assertEquals(1, violations.size(), violations.toString());
    assertTrue(violations.get(0).contains("storage module imports SQL code"), violations.toString());
  }

  @Test
  void violations_executorImportsEngineApi_reported(@TempDir Path copy) throws IOException {
    copyBuildFiles(copy);
    Path source = copy.resolve("sql-executor/src/main/java/dev/pagoda/executor/Bad.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package dev.pagoda.executor;\nimport dev.pagoda.Database;\nclass Bad {}\n");

    List<String> violations = ModuleRules.violations(copy);

    assertEquals(1, violations.size(), violations.toString());
    assertTrue(violations.get(0).contains("only the front ends"), violations.toString());
  }

  @Test
  void violations_pluginImportsExecutor_reported(@TempDir Path copy) throws IOException {
    copyBuildFiles(copy);
    String plugin = ModuleRules.PLUGINS.iterator().next();
    Path source = copy.resolve(plugin + "/src/main/java/com/example/Bad.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package com.example;\nimport dev.pagoda.executor.Values;\n"
        + "import dev.pagoda.spi.Value;\nclass Bad {}\n");

    List<String> violations = ModuleRules.violations(copy);

    assertEquals(1, violations.size(), violations.toString());
    assertTrue(violations.get(0).contains("other than the SPI"), violations.toString());
  }

  @Test
  void internalDependencies_ignoresThirdPartyArtifacts() {
    String pom = "<dependencies><dependency><groupId>dev.pagoda</groupId>"
        + "<artifactId>engine</artifactId></dependency><dependency><groupId>org.xerial</groupId>"
        + "<artifactId>sqlite-jdbc</artifactId><scope>test</scope></dependency></dependencies>";

    assertEquals(Set.of("engine"), ModuleRules.internalDependencies(pom));
  }

  /** Copies every module's pom.xml and module-info.java: what the rules read besides sources. */
  private static void copyBuildFiles(Path copy) throws IOException {
    java.util.Set<String> modules = new java.util.TreeSet<>(ModuleRules.ALLOWED.keySet());
    modules.addAll(ModuleRules.PLUGINS);
    for (String module : modules) {
      for (String file : List.of("pom.xml", "src/main/java/module-info.java")) {
        Path from = REACTOR.resolve(module).resolve(file);
        Path to = copy.resolve(module).resolve(file);
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
      }
    }
  }
}
