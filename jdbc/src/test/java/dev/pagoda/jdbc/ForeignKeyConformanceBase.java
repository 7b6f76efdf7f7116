package dev.pagoda.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * getImportedKeys, getExportedKeys and getCrossReference compared with sqlite-jdbc, for metadata
 * over a database whose engine has {@code PRAGMA foreign_key_list} (Pagoda's comes with foreign
 * keys in the schema; until then {@link DatabaseMetaDataConformanceTest} extends the base without
 * these).
 */
abstract class ForeignKeyConformanceBase extends MetaDataConformanceBase {

  @Test
  void getImportedKeys_everyTable_matchesSqliteJdbc() throws SQLException {
    for (String table : tableNames()) {
      MetaSnapshot want =
          MetaOracle.keys(
              MetaSnapshot.of(expected.getImportedKeys(null, null, table)),
              sqlite,
              "PKTABLE_NAME",
              "KEY_SEQ");
      check(KEYS, actual.getImportedKeys(null, null, table), want, "imported " + table);
    }
  }

  @Test
  void getExportedKeys_everyTable_matchesSqliteJdbc() throws SQLException {
    for (String table : tableNames()) {
      MetaSnapshot want =
          MetaOracle.keys(
              MetaSnapshot.of(expected.getExportedKeys(null, null, table)),
              sqlite,
              "FKTABLE_NAME",
              "KEY_SEQ");
      check(KEYS, actual.getExportedKeys(null, null, table), want, "exported " + table);
    }
  }

  @Test
  void getCrossReference_everyPair_isTheImportedKeysBetweenThem() throws SQLException {
    for (String child : tableNames()) {
      MetaSnapshot imported =
          MetaOracle.keys(
              MetaSnapshot.of(expected.getImportedKeys(null, null, child)),
              sqlite,
              "PKTABLE_NAME",
              "KEY_SEQ");
      for (String parent : tableNames()) {
        MetaSnapshot want = MetaOracle.crossReference(imported, parent);
        ResultSet ours = actual.getCrossReference(null, null, parent, null, null, child);
        check(KEYS, ours, want, "getCrossReference(" + parent + ", " + child + ")");
      }
    }
  }
}
