package dev.pagoda.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One golden case of {@code src/test/resources/golden} (see {@code record.sh} there): its stdin
 * ({@code cases/NAME.sql}), its arguments ({@code cases/NAME.args}, one a line; {@code $DIR}
 * stands for the case's directory), and what sqlite3 printed ({@code expected/NAME.*}).
 */
record GoldenCase(String name, Path golden) {
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  /** What one run printed: standard output, standard error, the exit status, out.txt or null. */
  record Result(byte[] out, byte[] err, int status, byte[] file) {}

  static Stream<GoldenCase> all() throws IOException {
    List<GoldenCase> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(GOLDEN.resolve("cases"))) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted()
          .forEach(n -> cases.add(new GoldenCase(n.substring(0, n.length() - 4), GOLDEN)));
    }
    return cases.stream();
  }

  @Override
  public String toString() {
    return name;
  }

  /** The recorded result (paths already written as $DIR). */
  Result expected() throws IOException {
    Path dir = golden.resolve("expected");
    Path file = dir.resolve(name + ".file");
    return new Result(Files.readAllBytes(dir.resolve(name + ".out")),
        Files.readAllBytes(dir.resolve(name + ".err")),
        Integer.parseInt(Files.readString(dir.resolve(name + ".rc")).strip()),
        Files.exists(file) ? Files.readAllBytes(file) : null);
  }

  /** Runs the pagoda shell as record.sh runs sqlite3, in the fresh directory {@code dir}. */
  Result runPagoda(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(golden.resolve("files"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    String db = dir.resolve("test.db").toString();
    Result setup = run(new String[] {db}, Files.readAllBytes(golden.resolve("setup.sql")));
    if (setup.status() != 0) {
      throw new IllegalStateException("setup.sql failed: " + utf8(setup.err()));
    }
    String[] args = {db};
    Path argsFile = golden.resolve("cases").resolve(name + ".args");
    if (Files.exists(argsFile)) {
      args = Files.readAllLines(argsFile, StandardCharsets.UTF_8).stream()
          .map(a -> a.replace("$DIR", dir.toString())).toArray(String[]::new);
    }
    String stdin = Files.readString(golden.resolve("cases").resolve(name + ".sql"))
        .replace("$DIR", dir.toString());
    Result r = run(args, stdin.getBytes(StandardCharsets.UTF_8));
    Path out = dir.resolve("out.txt");
    byte[] file = Files.exists(out) ? Files.readAllBytes(out) : null;
    return new Result(undir(r.out(), dir), undir(r.err(), dir), r.status(), undir(file, dir));
  }

  private static Result run(String[] args, byte[] stdin) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = Shell.run(args, new ByteArrayInputStream(stdin), o, e);
    }
    return new Result(out.toByteArray(), err.toByteArray(), status, null);
  }

  /** {@code bytes} with the directory's path written as {@code $DIR} (bytes kept as they are). */
  private static byte[] undir(byte[] bytes, Path dir) {
    if (bytes == null) {
      return null;
    }
    String s = new String(bytes, StandardCharsets.ISO_8859_1);
    String d = new String(dir.toString().getBytes(StandardCharsets.UTF_8),
        StandardCharsets.ISO_8859_1);
    return s.replace(d, "$DIR").getBytes(StandardCharsets.ISO_8859_1);
  }

  static String utf8(byte[] b) {
    return b == null ? "<none>" : new String(b, StandardCharsets.UTF_8);
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted((a, b) -> b.compareTo(a))::iterator) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
