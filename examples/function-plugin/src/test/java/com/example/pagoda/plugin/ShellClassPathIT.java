package com.example.pagoda.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The plug-in's packaged jar, dropped on the class path of the shell, makes its function and
 * collation usable in SQL with no other configuration; without the jar they are unknown. Each
 * case starts a new JVM running {@code dev.pagoda.shell.Shell}, so nothing of this JVM (the
 * plug-in's own target/classes, an already loaded catalog) can make it pass.
 *
 * <p>Tagged {@code integration}: the build runs it after {@code package}, with the jar's path in
 * the {@code plugin.jar} system property.
 */
@Tag("integration")
class ShellClassPathIT {
  private static final String SETUP =
      "CREATE TABLE files(name TEXT); "
          + "INSERT INTO files VALUES ('file10'), ('file2'), ('File3'), ('file1');";

  /** What one run printed, and its exit status. */
  record Run(int status, String out, String err) {}

  @Test
  void shell_withPluginJar_callsRegexp() throws Exception {
    Run r = shell(true, "SELECT regexp('^a.c$', 'abc'), regexp('^a.c$', 'abcd'), regexp('b', 42);");
    assertEquals(new Run(0, "1|0|0\n", ""), r);
  }

  @Test
  void shell_withPluginJar_readsRegexpOperatorAsTheCall() throws Exception {
    Run r = shell(true, "SELECT 'abc' REGEXP '^a', 'abc' REGEXP 'x', 'x' NOT REGEXP 'y';");
    assertEquals(new Run(0, "1|0|1\n", ""), r);
  }

  @Test
  void shell_withPluginJar_ordersByNatsort() throws Exception {
    Run r = shell(true, SETUP, "SELECT name FROM files ORDER BY name COLLATE natsort;");
    assertEquals(new Run(0, "File3\nfile1\nfile2\nfile10\n", ""), r);
  }

  @Test
  void shell_withoutPluginJar_knowsNoRegexp() throws Exception {
    Run r = shell(false, "SELECT regexp('^a.c$', 'abc');");
    assertEquals(1, r.status(), r::toString);
    assertEquals("", r.out());
    assertTrue(r.err().contains("no such function: regexp"), r::toString);
  }

  @Test
  void shell_withoutPluginJar_knowsNoNatsort() throws Exception {
    Run r = shell(false, SETUP, "SELECT name FROM files ORDER BY name COLLATE natsort;");
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.err().contains("no such collation sequence: natsort"), r::toString);
  }

  /** Runs the shell on an in-memory database with {@code sql} as its arguments. */
  private static Run shell(boolean withPlugin, String... sql)
      throws IOException, InterruptedException, URISyntaxException {
    List<String> cp = shellClassPath();
    if (withPlugin) {
      cp.add(pluginJar().toString());
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-cp", String.join(File.pathSeparator, cp),
        "dev.pagoda.shell.Shell", "-batch", ":memory:"));
    command.addAll(List.of(sql));
    ProcessBuilder pb = new ProcessBuilder(command);
    Path out = Files.createTempFile("shell", ".out");
    Path err = Files.createTempFile("shell", ".err");
    try {
      pb.redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())));
      pb.redirectOutput(out.toFile());
      pb.redirectError(err.toFile());
      Process p = pb.start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("the shell did not finish: " + command);
      }
      return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static String nullDevice() {
    return System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null";
  }

  /** The jar {@code package} wrote, named by the build in the plugin.jar system property. */
  private static Path pluginJar() {
    String jar = System.getProperty("plugin.jar");
    assertTrue(jar != null && Files.isRegularFile(Path.of(jar)),
        () -> "plugin.jar names no packaged jar: " + jar + " (run through mvn verify)");
    return Path.of(jar);
  }

  /**
   * This test's class path without the plug-in's own classes: the shell and what it needs (this
   * module depends on the shell), plus test libraries that provide no functions.
   */
  private static List<String> shellClassPath() throws URISyntaxException {
    Path main = location(ExampleFunctions.class);
    Path tests = location(ShellClassPathIT.class);
    List<String> cp = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator, -1)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path p = Path.of(entry).toAbsolutePath().normalize();
      if (!p.equals(main) && !p.equals(tests)) {
        cp.add(entry);
      }
    }
    assertTrue(cp.stream().anyMatch(e -> e.contains("shell")), () -> "no shell in " + cp);
    return cp;
  }

  private static Path location(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toAbsolutePath().normalize();
  }
}
