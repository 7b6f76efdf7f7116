package dev.pagoda.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The schemas the metadata tests describe, and the expected answers built from sqlite-jdbc's: each
 * method here takes what sqlite-jdbc returns and changes exactly what the JDBC javadoc decides
 * otherwise, with the reason. Everything else must match cell by cell.
 */
final class MetaOracle {
  private MetaOracle() {}

  /**
   * What both Pagoda and SQLite create: rowid tables with INTEGER PRIMARY KEY, composite and named
   * primary keys, UNIQUE constraints, NOT NULL, defaults (literal, expression, CURRENT_TIMESTAMP),
   * sized and unsized declared types of every affinity, indexes (unique, DESC, partial,
   * expression), a view, foreign keys (column and table level, named, with actions, deferrable,
   * to an implied primary key), AUTOINCREMENT, VIRTUAL and STORED generated columns, and quoted,
   * mixed-case and quote-containing names.
   */
  static final List<String> COMMON =
      List.of(
          "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
              + " score REAL DEFAULT 1.5, note VARCHAR(40) DEFAULT 'n/a',"
              + " created DATETIME DEFAULT CURRENT_TIMESTAMP, amount NUMERIC(10,2))",
          "CREATE TABLE pair (a INT NOT NULL, b TEXT NOT NULL, c BLOB, d DECIMAL(8),"
              + " CONSTRAINT pair_pk PRIMARY KEY (b, a), UNIQUE (c, d))",
          "CREATE TABLE \"Mixed Case\" (\"Id\" integer primary key,"
              + " \"Value Col\" decimal(5) default (1+2), flag BOOLEAN, big BIGINT, t TINYINT,"
              + " s SMALLINT, f FLOAT, dbl DOUBLE, ch CHAR(3), clob CLOB, dt DATE, tm TIME,"
              + " nv NVARCHAR(20), untyped)",
          "CREATE TABLE child (cid INTEGER,"
              + " pid INTEGER REFERENCES parent(id) ON DELETE CASCADE ON UPDATE SET NULL,"
              + " pa INT, pb TEXT,"
              + " CONSTRAINT fk_pair FOREIGN KEY (pb, pa) REFERENCES pair (b, a)"
              + " ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED,"
              + " FOREIGN KEY (cid) REFERENCES \"Mixed Case\")",
          "CREATE TABLE \"odd'name\" (\"q\"\"col\" TEXT DEFAULT 'it''s', k INT,"
              + " CONSTRAINT \"odd pk\" PRIMARY KEY (k),"
              + " CONSTRAINT later FOREIGN KEY (k) REFERENCES parent ON UPDATE CASCADE"
              + " DEFERRABLE)",
          "CREATE INDEX child_pid ON child(pid)",
          "CREATE UNIQUE INDEX child_multi ON child(pa DESC, pb ASC)",
          "CREATE INDEX child_partial ON child(cid) WHERE cid > 10",
          "CREATE INDEX child_expr ON child(cid + 1, pb)",
          "CREATE VIEW parent_names AS SELECT id, name AS nm FROM parent",
          "CREATE TABLE a_b (x)",
          "CREATE TABLE axb (x)",
          "CREATE TABLE counter (id INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT)",
          "CREATE TABLE gen (x INTEGER, y INTEGER GENERATED ALWAYS AS (x * 2) VIRTUAL,"
              + " z TEXT AS (x || 'z') STORED)");

  /**
   * What only real SQLite creates (Pagoda writes no WITHOUT ROWID tables yet, nor TEMP tables):
   * these check the metadata code, run on sqlite-jdbc, for them.
   */
  static final List<String> SQLITE_ONLY =
      List.of(
          "CREATE TEMP TABLE scratch (id INTEGER PRIMARY KEY, v TEXT DEFAULT 'x')",
          "CREATE TEMP VIEW scratch_v AS SELECT v FROM scratch",
          "CREATE TABLE wr (k TEXT NOT NULL, n INT, v, PRIMARY KEY (k, n)) WITHOUT ROWID",
          "CREATE TABLE wr_child (k TEXT, n INT,"
              + " FOREIGN KEY (k, n) REFERENCES wr ON DELETE SET DEFAULT NOT DEFERRABLE)");

  /** The foreign keys as declared: "child table/parent table" to FK_NAME and DEFERRABILITY. */
  static final Map<String, Declared> FOREIGN_KEYS =
      Map.of(
          "child/parent", new Declared("", DatabaseMetaData.importedKeyNotDeferrable),
          "child/pair", new Declared("fk_pair", DatabaseMetaData.importedKeyInitiallyDeferred),
          "child/Mixed Case", new Declared("", DatabaseMetaData.importedKeyNotDeferrable),
          "odd'name/parent",
              new Declared("later", DatabaseMetaData.importedKeyInitiallyImmediate),
          "wr_child/wr", new Declared("", DatabaseMetaData.importedKeyNotDeferrable));

  /** A foreign key's name and deferrability as its CREATE TABLE declares them. */
  record Declared(String name, int deferrability) {}

  static Connection sqlite(List<String> schema) throws SQLException {
    return create(DriverManager.getConnection("jdbc:sqlite::memory:"), schema);
  }

  static Connection pagoda(List<String> schema) throws SQLException {
    return create(DriverManager.getConnection("jdbc:pagoda::memory:"), schema);
  }

  static List<String> both(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static Connection create(Connection connection, List<String> schema)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : schema) {
        statement.execute(sql);
      }
    }
    return connection;
  }

  /**
   * getTables: sqlite-jdbc lists the {@code sqlite_autoindex_} indexes as SYSTEM TABLE; they are
   * indexes, which getTables does not describe.
   */
  static MetaSnapshot tables(MetaSnapshot sqliteJdbc) {
    return sqliteJdbc.where(r -> !r.get("TABLE_NAME").startsWith("sqlite_autoindex_"));
  }

  /**
   * getColumns: for a declared {@code (precision, scale)} sqlite-jdbc's COLUMN_SIZE is precision +
   * scale; the javadoc's COLUMN_SIZE of a numeric column is its precision.
   */
  static MetaSnapshot columns(MetaSnapshot sqliteJdbc) {
    return sqliteJdbc.with(
        "COLUMN_SIZE",
        r -> {
          long size = Long.parseLong(r.get("COLUMN_SIZE"));
          long scale = Long.parseLong(r.get("DECIMAL_DIGITS"));
          boolean declared = size != DeclaredType.NO_SIZE;
          return String.valueOf(declared && scale != 0 ? size - scale : size);
        });
  }

  /**
   * getIndexInfo: sqlite-jdbc ignores {@code unique}, gives a null ASC_OR_DESC (the javadoc's
   * "sort sequence not supported", which SQLite does support: "A" or "D", read here from real
   * SQLite's index_xinfo) and keeps index_list's order instead of the javadoc's NON_UNIQUE, TYPE,
   * INDEX_NAME, ORDINAL_POSITION.
   */
  static MetaSnapshot indexInfo(MetaSnapshot sqliteJdbc, Connection sqlite, boolean unique) {
    MetaSnapshot kept = unique ? sqliteJdbc.where(r -> r.get("NON_UNIQUE").equals("0")) : sqliteJdbc;
    return kept.with("ASC_OR_DESC", r -> descending(sqlite, r) ? "D" : "A")
        .sortedBy("NON_UNIQUE", "TYPE", "INDEX_NAME", "ORDINAL_POSITION");
  }

  private static boolean descending(Connection sqlite, MetaSnapshot.Row row) {
    String sql = "SELECT \"desc\" FROM pragma_index_xinfo(?) WHERE seqno = ?";
    try (PreparedStatement ps = sqlite.prepareStatement(sql)) {
      ps.setString(1, row.get("INDEX_NAME"));
      ps.setInt(2, Integer.parseInt(row.get("ORDINAL_POSITION")) - 1);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new AssertionError("index_xinfo has no column for " + row.cells());
        }
        return rs.getInt(1) != 0;
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * getImportedKeys and getExportedKeys: sqlite-jdbc gives FK_NAME of one key to another (the first
   * CONSTRAINT name it finds) and DEFERRABILITY initially-deferred for every key; the expected
   * values are the declared ones, {@link #FOREIGN_KEYS}. For a key whose REFERENCES names no
   * columns, sqlite-jdbc gives PKCOLUMN_NAME "" (exported) or the first key column for every
   * KEY_SEQ (imported); the javadoc's is the parent's primary key column at KEY_SEQ, read here
   * from real SQLite's pragmas. Rows are in the javadoc's order.
   */
  static MetaSnapshot keys(MetaSnapshot sqliteJdbc, Connection sqlite, String... order) {
    return sqliteJdbc
        .with("PKCOLUMN_NAME", r -> parentColumn(sqlite, r))
        .with("FK_NAME", r -> declared(r).name())
        .with("DEFERRABILITY", r -> String.valueOf(declared(r).deferrability()))
        .sortedBy(order);
  }

  private static String parentColumn(Connection sqlite, MetaSnapshot.Row row) {
    String declared =
        "SELECT \"to\" FROM pragma_foreign_key_list(?) WHERE \"from\" = ? AND seq = ?";
    String implied = "SELECT name FROM pragma_table_info(?) WHERE pk = ?";
    int keySeq = Integer.parseInt(row.get("KEY_SEQ"));
    try (PreparedStatement to = sqlite.prepareStatement(declared);
        PreparedStatement pk = sqlite.prepareStatement(implied)) {
      to.setString(1, row.get("FKTABLE_NAME"));
      to.setString(2, row.get("FKCOLUMN_NAME"));
      to.setInt(3, keySeq - 1);
      try (ResultSet rs = to.executeQuery()) {
        if (rs.next() && rs.getString(1) != null) {
          return rs.getString(1);
        }
      }
      pk.setString(1, row.get("PKTABLE_NAME"));
      pk.setInt(2, keySeq);
      try (ResultSet rs = pk.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static Declared declared(MetaSnapshot.Row row) {
    String key = row.get("FKTABLE_NAME") + "/" + row.get("PKTABLE_NAME");
    Declared declared = FOREIGN_KEYS.get(key);
    if (declared == null) {
      throw new AssertionError("no declared foreign key " + key);
    }
    return declared;
  }

  /**
   * getCrossReference: sqlite-jdbc always returns no rows; the javadoc's are the keys of {@code
   * foreign} that reference {@code parent}, i.e. those imported keys.
   */
  static MetaSnapshot crossReference(MetaSnapshot expectedImported, String parent) {
    return expectedImported
        .where(r -> r.get("PKTABLE_NAME").equals(parent))
        .sortedBy("FKTABLE_NAME", "KEY_SEQ");
  }
}
