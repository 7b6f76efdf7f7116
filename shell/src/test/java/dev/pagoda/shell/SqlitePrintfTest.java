package dev.pagoda.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SqlitePrintf} against sqlite3 3.40's {@code printf('%!.15g')} and {@code '%!.20g'}. */
class SqlitePrintfTest {
  private static final Path SQLITE3 = Path.of("/usr/bin/sqlite3");

  @Test
  void generic_knownValues_matchSqlite3() {
    assertEquals("0.3", SqlitePrintf.generic(0.1 + 0.2, 15));
    assertEquals("0.3000000000000000444", SqlitePrintf.generic(0.1 + 0.2, 20));
    assertEquals("1.0e+100", SqlitePrintf.generic(1e100, 15));
    assertEquals("1.0e+100", SqlitePrintf.generic(1e100, 20));
    assertEquals("0.0", SqlitePrintf.generic(-0.0, 15));
    assertEquals("100.0", SqlitePrintf.generic(100.0, 15));
    assertEquals("1.0e+15", SqlitePrintf.generic(1e15, 15));
    assertEquals("1000000000000000.0", SqlitePrintf.generic(1e15, 20));
    assertEquals("1.5e-07", SqlitePrintf.generic(1.5e-7, 15));
    assertEquals("1.23456789012346e+17", SqlitePrintf.generic(123456789012345678.0, 15));
    assertEquals("-Inf", SqlitePrintf.generic(Double.NEGATIVE_INFINITY, 15));
  }

  /** Two thousand doubles (random bits and random magnitudes) through one sqlite3 process. */
  @Test
  void generic_randomDoubles_matchSqlite3Cli() throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(SQLITE3), "no sqlite3 at " + SQLITE3);
    Random random = new Random(20261202);
    List<Double> values = new ArrayList<>();
    while (values.size() < 2000) {
      double d = values.size() % 2 == 0
          ? Double.longBitsToDouble(random.nextLong())
          : random.nextDouble() * Math.pow(10, random.nextInt(60) - 30);
      if (Double.isFinite(d)) {
        values.add(d);
      }
    }
    StringBuilder sql = new StringBuilder();
    for (double d : values) {
      String hex = HexFormat.of().formatHex(
          java.nio.ByteBuffer.allocate(8).putDouble(d).array());
      sql.append("select printf('%!.15g|%!.20g', ieee754_from_blob(x'").append(hex)
          .append("'), ieee754_from_blob(x'").append(hex).append("'));\n");
    }
    Process p = new ProcessBuilder(SQLITE3.toString(), ":memory:").start();
    p.getOutputStream().write(sql.toString().getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
        .lines().toList();
    assertEquals(0, p.waitFor());
    assertEquals(values.size(), lines.size());
    for (int i = 0; i < values.size(); i++) {
      double d = values.get(i);
      assertEquals(lines.get(i),
          SqlitePrintf.generic(d, 15) + "|" + SqlitePrintf.generic(d, 20), "for " + d);
    }
  }
}
