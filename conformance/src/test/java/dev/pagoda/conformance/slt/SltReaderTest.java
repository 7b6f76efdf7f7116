package dev.pagoda.conformance.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader on reader.test: records, conditions, comments, control lines, halt. */
class SltReaderTest {
  static Path resource(String name) {
    try {
      return Path.of(SltReaderTest.class.getResource("/slt/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void read_readerTest_recordsInOrder() throws Exception {
    List<SltRecord> r = SltReader.forSqlite().read(resource("reader.test"));

    assertEquals(10, r.size(), r.toString());
    assertEquals(new SltRecord.HashThreshold(2, 8), r.get(0));
    assertEquals(new SltRecord.Statement(4, false, "CREATE TABLE t1(a INTEGER, b TEXT)"), r.get(1));
    assertEquals(new SltRecord.Statement(8, true, "CREATE TABLE t1(a)"), r.get(2));
    assertEquals(new SltRecord.Skipped(12, "statement ok"), r.get(3));
    assertEquals(new SltRecord.Skipped(16, "query I nosort"), r.get(4));
    SltRecord.Query q = assertInstanceOf(SltRecord.Query.class, r.get(5));
    assertEquals(22, q.line());
    assertEquals("IT", q.types());
    assertEquals(SortMode.ROWSORT, q.sortMode());
    assertEquals("label-7", q.label());
    assertEquals("SELECT a,\n  b FROM t1", q.sql());
    assertEquals(List.of("1", "x"), q.expected());
    SltRecord.Query noResults = assertInstanceOf(SltRecord.Query.class, r.get(6));
    assertEquals(SortMode.VALUESORT, noResults.sortMode());
    assertNull(noResults.expected());
    assertNull(noResults.label());
    // "onlyif oracle / halt" vanishes; a query without a sort mode is nosort
    SltRecord.Query plain = assertInstanceOf(SltRecord.Query.class, r.get(7));
    assertEquals(SortMode.NOSORT, plain.sortMode());
    assertEquals(List.of("no sort mode"), plain.expected());
    SltRecord.Malformed m = assertInstanceOf(SltRecord.Malformed.class, r.get(8));
    assertEquals("unknown command: frobnicate", m.reason());
    assertEquals(new SltRecord.Halt(43), r.get(9));
  }

  @Test
  void parse_otherEngineName_conditionsFlip() {
    String script = "onlyif mysql\nstatement ok\nSELECT 1\n\nskipif mysql\nstatement ok\nSELECT 2\n";

    List<SltRecord> r = new SltReader("mysql").parse(script);

    assertEquals(List.of(new SltRecord.Statement(2, false, "SELECT 1"),
        new SltRecord.Skipped(6, "statement ok")), r);
  }

  @Test
  void parse_badTypeOrSortMode_malformed() {
    List<SltRecord> r = SltReader.forSqlite().parse(
        "query IX nosort\nSELECT 1, 2\n----\n1\n2\n\nquery I anysort\nSELECT 1\n\nonlyif sqlite\n");

    assertEquals(3, r.size());
    assertEquals("unknown character in type-string: X",
        assertInstanceOf(SltRecord.Malformed.class, r.get(0)).reason());
    assertEquals("unknown sort method: anysort",
        assertInstanceOf(SltRecord.Malformed.class, r.get(1)).reason());
    assertEquals("skipif/onlyif without a command",
        assertInstanceOf(SltRecord.Malformed.class, r.get(2)).reason());
  }

  @Test
  void parse_crlfLines_likeLf() {
    List<SltRecord> r = SltReader.forSqlite().parse("query I nosort\r\nSELECT 1\r\n----\r\n1\r\n");

    assertEquals(List.of("1"), ((SltRecord.Query) r.get(0)).expected());
  }
}
