package dev.pagoda.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellTest {
  @TempDir Path dir;

  /** What one run of the shell printed, and its exit status. */
  record Result(int status, String out, String err) {}

  static Result run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status =
          Shell.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e);
    }
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String db() {
    return dir.resolve("test.db").toString();
  }

  @Test
  void run_pipedSelect1_prints1() {
    Result r = run("select 1;\n", db());
    assertEquals(new Result(0, "1\n", ""), r);
  }

  @Test
  void run_createInsertSelect_roundTripOnTempFile() {
    Result r =
        run(
            """
            create table t(a, b);
            insert into t values (1, 'one');
            insert into t values (2, 'two');
            select * from t;
            select b from t where a = 2;
            """,
            db());
    assertEquals(new Result(0, "1|one\n2|two\ntwo\n", ""), r);
    assertTrue(Files.exists(dir.resolve("test.db")));
  }

  @Test
  void run_twoRuns_dataPersists() {
    assertEquals(0, run("create table t(a);\ninsert into t values (42);\n", db()).status());
    assertEquals(new Result(0, "42\n", ""), run("select a from t;\n", db()));
  }

  @Test
  void run_noFile_usesInMemoryDatabase() {
    assertEquals(
        new Result(0, "3\n", ""),
        run("create table t(a); insert into t values (3); select * from t;\n"));
  }

  @Test
  void run_nullAndReal_printLikeSqlite() {
    Result r = run("select null, 1.5, 100.0, 'x', -7;\n", db());
    assertEquals("|1.5|100.0|x|-7\n", r.out());
  }

  @Test
  void run_multiLineStatement_runsWhenComplete() {
    Result r = run("select\n  1\n  ,\n  2\n;\nselect 3;\n", db());
    assertEquals(new Result(0, "1|2\n3\n", ""), r);
  }

  @Test
  void run_severalStatementsOnOneLine_runInOrder() {
    assertEquals("1\n2\n3\n", run("select 1; select 2;select 3;\n", db()).out());
  }

  @Test
  void run_semicolonInsideString_doesNotEndStatement() {
    Result r = run("select 'a;b\n;c';\n", db());
    assertEquals(new Result(0, "a;b\n;c\n", ""), r);
  }

  @Test
  void run_semicolonInsideComment_doesNotEndStatement() {
    Result r = run("select 1 -- not the end;\n, 2 /* nor ; this */;\n", db());
    assertEquals(new Result(0, "1|2\n", ""), r);
  }

  @Test
  void run_lastStatementWithoutSemicolon_runsAtEndOfInput() {
    assertEquals("5\n", run("select 5", db()).out());
  }

  @Test
  void run_tables_listsSortedNamesInColumns() {
    Result r =
        run(
            """
            create table zeta(a);
            create table alpha(a);
            create table mid(a);
            .tables
            .tables %a
            """,
            db());
    assertEquals(new Result(0, "alpha  mid    zeta \nalpha  zeta \n", ""), r);
  }

  @Test
  void run_help_listsCommands() {
    Result r = run(".help\n", db());
    assertEquals(0, r.status());
    for (String command :
        new String[] {".help", ".quit", ".exit", ".tables", ".headers", ".mode"}) {
      assertTrue(r.out().contains(command), command + " missing from:\n" + r.out());
    }
  }

  @Test
  void run_quit_stopsReading() {
    assertEquals(new Result(0, "1\n", ""), run("select 1;\n.quit\nselect 2;\n", db()));
  }

  @Test
  void run_exitWithCode_exitsWithIt() {
    assertEquals(new Result(3, "1\n", ""), run("select 1;\n.exit 3\nselect 2;\n", db()));
  }

  @Test
  void run_syntaxError_reportsParseErrorAndContinuesWithStatusOne() {
    Result r = run("create table t(a);\nselect * form t;\nselect 2;\n", db());
    assertEquals(1, r.status());
    assertEquals("2\n", r.out());
    assertEquals(
        "Parse error near line 2: near \"form\": syntax error\n"
            + "  select * form t;\n"
            + "           ^--- error here\n",
        r.err());
  }

  @Test
  void run_unknownTable_reportsParseError() {
    Result r = run("select * from x;\n", db());
    assertEquals(new Result(1, "", "Parse error near line 1: no such table: x\n"), r);
  }

  @Test
  void run_errorMidChunk_skipsRestOfChunk() {
    Result r = run("select 1; select * from nope; select 2;\nselect 3;\n", db());
    assertEquals("1\n3\n", r.out());
    assertEquals(1, r.status());
  }

  @Test
  void run_constraintFailure_reportsRuntimeErrorWithCode() {
    Result r =
        run("create table t(a not null);\n\ninsert into t values (null);\nselect 1;\n", db());
    assertEquals(1, r.status());
    assertEquals("1\n", r.out());
    assertEquals("Runtime error near line 3: NOT NULL constraint failed: t.a (19)\n", r.err());
  }

  @Test
  void run_bail_stopsAtFirstError() {
    Result r = run("select * from x;\nselect 2;\n", "-bail", db());
    assertEquals(1, r.status());
    assertEquals("", r.out());
  }

  @Test
  void run_headersOn_printsColumnNames() {
    Result r = run(".headers on\nselect 1 as a, 2 as b;\n", db());
    assertEquals("a|b\n1|2\n", r.out());
  }

  @Test
  void run_csvMode_quotesLikeSqlite() {
    Result r = run(".mode csv\nselect 1, 'a b', 'q\"x', null, 2.5;\n", db());
    assertEquals("1,\"a b\",\"q\"\"x\",,2.5\r\n", r.out());
  }

  @Test
  void run_lineMode_onePairPerLine() {
    Result r = run(".mode line\nselect 1 as a, null as bbbbbbb;\n", db());
    assertEquals("      a = 1\nbbbbbbb = \n", r.out());
  }

  @Test
  void run_modeWithoutArgument_showsCurrentMode() {
    assertEquals("current output mode: list\n", run(".mode\n", db()).out());
  }

  @Test
  void run_unknownDotCommand_reportsErrorWithStatusOne() {
    Result r = run(".frobnicate\n", db());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("unknown command or invalid arguments:  \"frobnicate\""), r.err());
  }

  @Test
  void run_badUsage_printsUsage() {
    Result r = run(".headers\n", db());
    assertEquals("Usage: .headers on|off\n", r.err());
  }

  @Test
  void run_interactive_printsBannerAndPrompts() {
    Result r = run("select\n1;\n", "-interactive");
    assertTrue(r.out().startsWith("Pagoda version "), r.out());
    assertTrue(r.out().contains("Enter \".help\" for usage hints."), r.out());
    assertTrue(r.out().contains("Connected to a transient in-memory database."), r.out());
    assertTrue(r.out().contains("pagoda>    ...> 1\npagoda> "), r.out());
  }

  @Test
  void run_interactiveError_hasNoLineNumber() {
    Result r = run("select * from x;\n", "-interactive", db());
    assertEquals("Parse error: no such table: x\n", r.err());
  }

  @Test
  void run_nonInteractive_printsNoBannerOrPrompt() {
    Result r = run("select 1;\n", db());
    assertEquals("1\n", r.out());
  }

  @Test
  void run_sqlArguments_runInsteadOfStdin() {
    Result r =
        run(
            "select 99;\n",
            db(),
            "create table t(a)",
            "insert into t values (8);",
            "select a from t",
            ".tables");
    assertEquals(new Result(0, "8\nt\n", ""), r);
  }

  @Test
  void run_unknownOption_failsWithUsageHint() {
    Result r = run("", "-frob");
    assertEquals(1, r.status());
    assertEquals(
        "pagoda: Error: unknown option: -frob\nUse -help for a list of options.\n", r.err());
  }

  @Test
  void run_helpAndVersion_printAndExit() {
    Result help = run("", "-help");
    assertEquals(1, help.status());
    assertTrue(help.err().startsWith("Usage: pagoda"), help.err());
    Result version = run("", "--version");
    assertEquals(0, version.status());
    assertTrue(version.out().matches("\\d+\\.\\d+.*\n"), version.out());
  }

  @Test
  void run_unopenableFile_reportsError() {
    Result r = run("select 1;\n", dir.resolve("no/such/dir/x.db").toString());
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith("Error: unable to open database"), r.err());
  }
}
