package dev.pagoda.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordComparatorTest {
  private static final String[] WORDS = {"a", "A", "b", "B ", "b", "abc", "ABC", "abc  ", "", " ",
      "\u00e9", "\u00c9", "z", "Zz"};

  private static Value randomValue(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> Value.NULL;
      case 1 -> Value.of((long) random.nextInt(7) - 3);
      case 2 -> Value.of(random.nextInt(13) / 2.0 - 3);
      case 3, 4 -> Value.of(WORDS[random.nextInt(WORDS.length)]);
      default -> Value.of(new byte[] {(byte) random.nextInt(3), (byte) random.nextInt(2)});
    };
  }

  private static byte[] record(Value... values) {
    return RecordCodec.encode(values);
  }

  @Test
  void compare_fastPath_agreesWithReferenceOnRandomRecords() {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      List<BuiltinCollation> collations = new ArrayList<>();
      List<Boolean> desc = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        collations.add(BuiltinCollation.values()[random.nextInt(3)]);
        desc.add(random.nextBoolean());
      }
      RecordComparator cmp = new RecordComparator(collations, desc);
      for (int n = 0; n < 50; n++) {
        byte[] a = record(randomValue(random), randomValue(random), randomValue(random));
        byte[] b = record(randomValue(random), randomValue(random), randomValue(random));
        assertEquals(cmp.compareSlow(a, b), Integer.signum(cmp.compare(a, b, 0, b.length)));
      }
    }
  }

  @Test
  void compare_fieldRunningPastEntry_isCorrupt() {
    byte[] entry = record(Value.of("abcdef"));
    SqlException e = assertThrows(SqlException.class,
        () -> RecordComparator.binary().compare(record(Value.of("a")), entry, 0, entry.length - 2));
    assertEquals(ResultCode.CORRUPT, e.code());
  }

  @Test
  void compare_keyPrefixOfEntry_isEqual() {
    byte[] key = record(Value.of(5L));
    byte[] entry = record(Value.of(5L), Value.of(99L));
    assertEquals(0, RecordComparator.binary().compare(key, entry, 0, entry.length));
  }

  @Test
  void compare_entryInsideLargerArray_readsAtOffset() {
    byte[] entry = record(Value.of("x"));
    byte[] page = new byte[entry.length + 10];
    System.arraycopy(entry, 0, page, 7, entry.length);
    assertEquals(0, RecordComparator.binary().compare(record(Value.of("x")), page, 7, entry.length));
  }

  @Test
  void compare_nocaseAndRtrim_foldAsciiOnly() {
    RecordComparator nocase = new RecordComparator(List.of(BuiltinCollation.NOCASE), List.of(false));
    RecordComparator rtrim = new RecordComparator(List.of(BuiltinCollation.RTRIM), List.of(false));
    byte[] upper = record(Value.of("ABC"));
    byte[] lower = record(Value.of("abc  "));
    assertTrue(nocase.compare(upper, lower, 0, lower.length) < 0); // trailing spaces count
    byte[] plain = record(Value.of("abc"));
    assertEquals(0, nocase.compare(upper, plain, 0, plain.length));
    assertEquals(0, rtrim.compare(record(Value.of("abc")), lower, 0, lower.length));
    byte[] eAcute = record(Value.of("\u00e9"));
    byte[] capitalEAcute = record(Value.of("\u00c9"));
    assertTrue(nocase.compare(eAcute, capitalEAcute, 0, capitalEAcute.length) != 0);
  }

  /** Sorting encoded (a, b, rowid) records gives the same order as SQLite's ORDER BY. */
  @Test
  void sortOrder_matchesSqliteOrderBy() throws SQLException {
    Random random = new Random(5);
    List<Value[]> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t(a, b)");
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO t(rowid, a, b) VALUES (?, ?, ?)")) {
        for (int i = 1; i <= 400; i++) {
          Value a = randomValue(random);
          Value b = randomValue(random);
          rows.add(new Value[] {a, b, Value.of((long) i)});
          ps.setLong(1, i);
          bind(ps, 2, a);
          bind(ps, 3, b);
          ps.executeUpdate();
        }
      }
      List<Long> expected = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(
              "SELECT rowid FROM t ORDER BY a COLLATE NOCASE, b COLLATE RTRIM DESC, rowid")) {
        while (rs.next()) {
          expected.add(rs.getLong(1));
        }
      }
      RecordComparator cmp = new RecordComparator(
          List.of(BuiltinCollation.NOCASE, BuiltinCollation.RTRIM, BuiltinCollation.BINARY),
          List.of(false, true, false));
      List<byte[]> records = new ArrayList<>(rows.stream().map(RecordCodec::encode).toList());
      records.sort((x, y) -> cmp.compare(x, y, 0, y.length));
      List<Long> actual = records.stream()
          .map(r -> Values.toLong(new RecordReader().reset(r).column(2)))
          .toList();
      assertEquals(expected, actual);
    }
  }

  private static void bind(PreparedStatement ps, int i, Value v) throws SQLException {
    if (v instanceof Value.Int n) {
      ps.setLong(i, n.value());
    } else if (v instanceof Value.Real r) {
      ps.setDouble(i, r.value());
    } else if (v instanceof Value.Text t) {
      ps.setString(i, t.value());
    } else if (v instanceof Value.Blob b) {
      ps.setBytes(i, b.bytes());
    } else {
      ps.setNull(i, java.sql.Types.NULL);
    }
  }

  @Test
  void comparator_isTotalOrderOnSample() {
    Random random = new Random(3);
    List<byte[]> records = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      records.add(record(randomValue(random), randomValue(random)));
    }
    RecordComparator cmp = RecordComparator.binary();
    Comparator<byte[]> c = (x, y) -> cmp.compare(x, y, 0, y.length);
    records.sort(c);
    for (int i = 0; i + 1 < records.size(); i++) {
      assertTrue(c.compare(records.get(i), records.get(i + 1)) <= 0);
      assertTrue(c.compare(records.get(i + 1), records.get(i)) >= 0);
    }
  }
}
