package dev.pagoda.conformance.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gaps table and the report file of the command. */
class SltGapsTest {
  @Test
  void reasonKey_firstWordsWithNumbersAndQuotesFolded() {
    assertEquals("not supported yet: ORDER BY",
        SltGaps.reasonKey("query failed: not supported yet: ORDER BY"));
    assertEquals("no such table: t1", SltGaps.reasonKey("statement failed: no such table: t1"));
    assertEquals("wrong number of values: expected N",
        SltGaps.reasonKey("wrong number of values: expected 10, got 0"));
    assertEquals("near '…': syntax error", SltGaps.reasonKey("near \"FROM\": syntax error"));
  }

  @Test
  void markdown_rowPerFileAndTotal_topReasonsByCount() {
    Path f = Path.of("a.test");
    SltGaps gaps = new SltGaps();
    gaps.add(new SltFileResult(f, 5, 3, 1, List.of(
        new SltFailure(f, 1, "", "wrong result", "", ""),
        new SltFailure(f, 2, "", "query failed: no such function: abs", "", ""),
        new SltFailure(f, 3, "", "wrong result", "", "")), false, false, false, 0));

    String md = gaps.markdown();

    List<String> lines = md.lines().toList();
    assertEquals("| file | passed | failed | skipped | top failure reasons |", lines.get(0));
    assertEquals("| `a.test` | 5 | 3 | 1 | wrong result (2); no such function: abs (1) |",
        lines.get(2));
    assertEquals("| **total** | 5 | 3 | 1 | wrong result (2); no such function: abs (1) |",
        lines.get(3));
  }

  @Test
  void main_reportAndGaps_everyFailureWithSqlExpectedAndGot(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("report.txt");
    Path gaps = dir.resolve("gaps.md");
    String file = SltReaderTest.resource("pagoda.test").toString();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);

    int status = SltMain.run(new String[] {"--report", report.toString(), "--gaps",
        gaps.toString(), file}, ps, ps);

    assertEquals(1, status);
    String text = Files.readString(report, StandardCharsets.UTF_8);
    for (int line : new int[] {40, 49, 52}) {
      assertTrue(text.contains(file + ":" + line + ": "), text);
    }
    assertTrue(text.contains("  sql:\n    SELECT a, b, c FROM t1\n  expected:\n"
        + "    6 values hashing to 0123456789abcdef0123456789abcdef\n  got:\n"), text);
    assertTrue(text.contains("  sql:\n    THIS IS NOT SQL EITHER\n  expected:\n    ok\n"
        + "  got:\n    error: "), text);
    assertTrue(text.endsWith("total over 1 files: 8 passed, 3 failed, 1 skipped\n"), text);
    String md = Files.readString(gaps, StandardCharsets.UTF_8);
    assertTrue(md.contains("| `" + file + "` | 8 | 3 | 1 | "), md);
  }
}
