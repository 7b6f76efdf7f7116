package dev.pagoda.random;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * A random schema and its rows: 2-4 tables of 2-5 columns with assorted declared types (INTEGER,
 * REAL, TEXT, BLOB, NUMERIC, none and a few synonyms), some COLLATE NOCASE or RTRIM columns, an
 * INTEGER PRIMARY KEY sometimes, single- and multi-column indexes (some UNIQUE, some DESC, some
 * under a collation), and rows of mixed storage classes. Column names come from a small shared
 * pool so that tables have columns in common (for USING and NATURAL joins).
 *
 * <p>Deliberate exclusion UTF8_BLOBS: every blob's bytes are printable ASCII, so a blob read as
 * text is valid UTF-8 (bytes of a multi-byte character would be cut apart by substr() of a blob)
 * and has no NUL. Text with a NUL follows C-string rules in SQLite that differ function by
 * function (quote(), rtrim(), substr(), numeric conversion stop at the NUL or do not), which
 * Pagoda does not model. And a blob read as text that is not valid UTF-8 sorts and renders
 * differently: SQLite keeps the bytes, Pagoda holds text as Java strings and decodes
 * them with replacement characters. Keeping invalid UTF-8 byte-exact would be a redesign.
 *
 * <p>Deliberate exclusion: no stored value is -9223372036854775808, because {@code abs()} of it
 * fails with "integer overflow" and whether a row reaches that call depends on the order in
 * which a planner evaluates the WHERE conjuncts (SQLite's differs from Pagoda's by design).
 */
public final class RandomSchema {
  /** A column: its name, declared type (may be empty) and collation (null for BINARY). */
  public record Column(String name, String type, String collation, boolean integerPrimaryKey) {}

  /** A table: its name and columns. */
  public record Table(String name, List<Column> columns) {}

  static final String[] NAMES = {"a", "b", "c", "d", "e", "f"};
  static final String[] TYPES = {
    "INTEGER", "REAL", "TEXT", "BLOB", "NUMERIC", "", "", "INT", "VARCHAR(10)", "DOUBLE",
  };

  /** Values stored in rows, as SQL literals: every storage class and the awkward cases. */
  static final String[] VALUES = {
    "NULL", "NULL", "NULL", "0", "1", "-1", "2", "3", "7", "12", "-12", "100", "2147483648",
    "9223372036854775807", "-9223372036854775807", "4294967296", "0.5", "1.5", "-2.25", "2.0",
    "-0.0", "1e300", "-1e300", "3.75", "'12'", "'1.5'", "'-3'", "' 12'", "''", "' '", "'a'",
    "'A'", "'abc'", "'ABC'", "'Abc'", "'abc '", "'b'", "'B '", "'x y'", "'é'", "'É'", "'日本'",
    "'a%b'", "'a_c'", "'0x10'", "'1e3'", "X''", "X'20'", "X'41'", "X'7e'", "X'417a'", "X'616263'",
  };

  public final List<Table> tables = new ArrayList<>();
  /** The statements that build the schema and its rows, in order. */
  public final List<String> statements = new ArrayList<>();

  public RandomSchema(Random random) {
    int tableCount = 2 + random.nextInt(3);
    for (int t = 0; t < tableCount; t++) {
      tables.add(table(random, "t" + t));
    }
    for (Table t : tables) {
      statements.add(createTable(t));
      int rows = random.nextInt(4) == 0 ? random.nextInt(3) : 3 + random.nextInt(10);
      int nextId = 1 + random.nextInt(5);
      for (int r = 0; r < rows; r++) {
        List<String> values = new ArrayList<>();
        for (Column c : t.columns()) {
          if (c.integerPrimaryKey()) {
            values.add(random.nextInt(6) == 0 ? "NULL" : Integer.toString(nextId));
            nextId += 1 + random.nextInt(3);
          } else {
            values.add(value(random));
          }
        }
        statements.add("INSERT INTO " + t.name() + " VALUES (" + String.join(", ", values) + ")");
      }
    }
    int indexes = random.nextInt(5);
    for (int i = 0; i < indexes; i++) {
      Table t = tables.get(random.nextInt(tables.size()));
      int n = 1 + random.nextInt(Math.min(3, t.columns().size()));
      List<String> cols = new ArrayList<>();
      List<Column> pool = new ArrayList<>(t.columns());
      for (int k = 0; k < n; k++) {
        Column c = pool.remove(random.nextInt(pool.size()));
        String term = c.name();
        if (random.nextInt(5) == 0) {
          term += " COLLATE " + pick(random, "NOCASE", "RTRIM", "BINARY");
        }
        if (random.nextInt(4) == 0) {
          term += " DESC";
        }
        cols.add(term);
      }
      boolean unique = random.nextInt(3) == 0;
      statements.add("CREATE " + (unique ? "UNIQUE " : "") + "INDEX i" + i + " ON " + t.name()
          + "(" + String.join(", ", cols) + ")");
    }
  }

  private static Table table(Random random, String name) {
    List<String> names = new ArrayList<>(List.of(NAMES));
    int n = 2 + random.nextInt(4);
    List<Column> columns = new ArrayList<>();
    boolean ipk = random.nextInt(3) == 0;
    for (int i = 0; i < n; i++) {
      String col = names.remove(random.nextInt(names.size()));
      if (ipk && i == 0) {
        columns.add(new Column(col, "INTEGER", null, true));
        continue;
      }
      String type = TYPES[random.nextInt(TYPES.length)];
      String collation = switch (random.nextInt(8)) {
        case 0, 1 -> "NOCASE";
        case 2 -> "RTRIM";
        default -> null;
      };
      columns.add(new Column(col, type, collation, false));
    }
    return new Table(name, columns);
  }

  private static String createTable(Table t) {
    List<String> defs = new ArrayList<>();
    for (Column c : t.columns()) {
      String def = c.name();
      if (c.integerPrimaryKey()) {
        def += " INTEGER PRIMARY KEY";
      } else {
        def += c.type().isEmpty() ? "" : " " + c.type();
        def += c.collation() == null ? "" : " COLLATE " + c.collation();
      }
      defs.add(def);
    }
    return "CREATE TABLE " + t.name() + "(" + String.join(", ", defs) + ")";
  }

  private static String value(Random random) {
    if (random.nextInt(10) == 0) {
      byte[] bytes = new byte[random.nextInt(3)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) (0x20 + random.nextInt(0x5f)); // UTF8_BLOBS
      }
      return "X'" + HexFormat.of().formatHex(bytes) + "'";
    }
    if (random.nextInt(8) == 0) {
      return Integer.toString(random.nextInt(21) - 10);
    }
    return VALUES[random.nextInt(VALUES.length)];
  }

  static String pick(Random random, String... options) {
    return options[random.nextInt(options.length)];
  }
}
