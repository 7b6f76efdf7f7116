package dev.pagoda.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pagoda.Connection;
import dev.pagoda.Database;
import dev.pagoda.PreparedStatement;
import dev.pagoda.Rows;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code .import} against sqlite3 3.40.1 on the same files, and one large streaming import. */
class CsvImportTest {
  @TempDir Path dir;

  /** What sqlite3 printed on each stream. */
  record Output(String out, String err) {}

  private static Output sqlite3(Path cwd, Path db, String input)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(DumpTest.SQLITE3.toString(), db.toString()).directory(cwd.toFile()).start();
    p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new Output(new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  /** Runs {@code commands} in sqlite3 and in Pagoda on fresh files; same stderr, schema, rows. */
  private void assertSameAsSqlite3(String csv, String commands) throws Exception {
    assumeTrue(Files.isExecutable(DumpTest.SQLITE3), "needs /usr/bin/sqlite3");
    Files.writeString(dir.resolve("in.csv"), csv, StandardCharsets.UTF_8);
    Path theirs = dir.resolve("theirs.db");
    Path ours = dir.resolve("ours.db");
    Files.deleteIfExists(theirs);
    Files.deleteIfExists(ours);
    // file names relative to dir, so that the warnings (which name the file) are the same
    String script = commands.replace("FILE", dir.resolve("in.csv").toString());
    Output expected = sqlite3(dir, theirs, script);
    ShellTest.Result actual = ShellTest.run(script, ours.toString());
    assertEquals(expected.err(), actual.err(), "stderr");
    assertEquals(expected.out(), actual.out(), "stdout");
    assertEquals(schema(theirs), schemaPagoda(ours), "schema");
    Contents.assertSame(Contents.sqlite(theirs), Contents.pagoda(ours));
  }

  private static List<String> schema(Path db) throws SQLException {
    List<String> sql = new ArrayList<>();
    try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_schema ORDER BY name")) {
      while (rs.next()) {
        sql.add(rs.getString(1));
      }
    }
    return sql;
  }

  private static List<String> schemaPagoda(Path db) {
    List<String> sql = new ArrayList<>();
    try (Database d = Database.open(db);
        Connection c = d.connect();
        PreparedStatement s = c.prepare("SELECT sql FROM sqlite_schema ORDER BY name");
        Rows r = s.query()) {
      while (r.next()) {
        sql.add(r.getString(0));
      }
    }
    return sql;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a,b,c\n1,2,3\n4,5,6\n",
        "a,b\r\n1,2\r\n\"x\r\ny\",\"q \"\"w\"\"\"\r\n",
        "a,b,a,\"q \"\"x\"\"\"\n1,2.5,x,\n3,4\n5,6,7,8,9\n\"multi\nline\",\",\",  z ,\"ab\"cd\n",
        "\uFEFFid,name\n1,é 漢字\n2,\n",
        "A,a,,\n1,2,3,4\n",
        "a,b,c,d,e,f,g,h,i,j,a,k\n1,2,3,4,5,6,7,8,9,10,11,12\n",
        "only\n",
        "x,y\n1,2",
        "x,y\n\"open,2\n3,4\n",
        "x\n\n\n5\n",
      })
  void import_csvIntoNewTable_sameAsSqlite3(String csv) throws Exception {
    assertSameAsSqlite3(csv, ".import --csv FILE t\n");
  }

  @Test
  void import_intoExistingTable_headerIsData() throws Exception {
    assertSameAsSqlite3(
        "a,b\n1,2\n3,4,5\n6\n",
        "CREATE TABLE t(a INTEGER, b REAL);\n.import --csv FILE t\n");
  }

  @Test
  void import_skipAndSchemaOptions_sameAsSqlite3() throws Exception {
    assertSameAsSqlite3(
        "junk line\nx,y\n1,2\n", ".import --csv --skip 1 --schema main FILE t\n.import -v --csv FILE t\n");
  }

  @Test
  void import_uniqueViolation_reportsAndContinues() throws Exception {
    assertSameAsSqlite3(
        "1,a\n1,b\n2,c\n", "CREATE TABLE t(k PRIMARY KEY, v);\n.import --csv FILE t\n");
  }

  @Test
  void import_modeCsvThenImport_usesCommas() throws Exception {
    assertSameAsSqlite3("p,q\n\"1,5\",2\n", ".mode csv\n.import FILE t\n");
  }

  @Test
  void import_listMode_usesPipes() throws Exception {
    assertSameAsSqlite3("p|q\n1|2,3\n", ".import FILE t\n");
  }

  @Test
  void import_ascii_usesUnitAndRecordSeparators() throws Exception {
    assertSameAsSqlite3("p\u001fq\u001e1\u001f\"2\"\u001e", ".import --ascii FILE t\n");
  }

  @Test
  void import_emptyFile_errorLikeSqlite3() throws Exception {
    assertSameAsSqlite3("", ".import --csv FILE t\n");
  }

  @Test
  void import_missingFile_errorLikeSqlite3() {
    ShellTest.Result r = ShellTest.run(".import --csv nofile.csv t\n");
    assertEquals(new ShellTest.Result(1, "", "Error: cannot open \"nofile.csv\"\n"), r);
  }

  @Test
  void import_missingTable_usage() {
    ShellTest.Result r = ShellTest.run(".import f.csv\n");
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith("ERROR: missing TABLE argument.  Usage:\n.import FILE TABLE"));
  }

  @Test
  void import_fromCommand_readsItsOutput() {
    ShellTest.Result r =
        ShellTest.run(".import --csv \"|printf 'a,b\\n1,2\\n'\" t\nselect * from t;\n");
    assertEquals(new ShellTest.Result(0, "1|2\n", ""), r);
  }

  /** A million rows stream in one transaction; the progress line is drawn and erased. */
  @Test
  void import_millionRowsWithProgress_allRowsAndProgressLine() throws IOException {
    Path csv = dir.resolve("big.csv");
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("id,name,amount\n");
      for (int i = 1; i <= 1_000_000; i++) {
        w.write(i + ",\"name " + i + (i % 1000 == 0 ? ", with \"\"quotes\"\"" : "") + "\","
            + (i * 0.25) + "\n");
      }
    }
    Path db = dir.resolve("big.db");
    ShellTest.Result r =
        ShellTest.run(
            ".import --csv --progress " + csv + " t\n"
                + "select count(*) from t;\n"
                + "select * from t where rowid in (1, 1000, 999999, 1000000);\n",
            db.toString());
    assertEquals(
        "1000000\n1|name 1|0.25\n1000|name 1000, with \"quotes\"|250.0\n"
            + "999999|name 999999|249999.75\n1000000|name 1000000, with \"quotes\"|250000.0\n",
        r.out());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.err().startsWith("\r["), r.err());
    assertTrue(r.err().contains("%"), r.err());
    assertTrue(r.err().endsWith("\r"), "progress line erased at the end");
    assertEquals("", r.err().replaceAll("\r[^\r]*", ""), "nothing but progress on stderr");
  }

  @Test
  void progress_line_barAndPercentage() {
    ImportProgress p = new ImportProgress(System.err, 200);
    assertEquals(
        "[##########                              ]  25%  7 rows", p.line(50, 7));
    assertEquals("1,234 bytes, 3 rows", new ImportProgress(System.err, -1).line(1234, 3));
  }
}
