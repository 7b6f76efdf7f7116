package dev.pagoda.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pagoda's {@link DatabaseMetaData} against sqlite-jdbc's on the schema both can create, cell by
 * cell for every catalog method ({@link MetaDataConformanceBase}), and the dialect answers: the
 * same as sqlite-jdbc's except where SQLite's behaviour says otherwise, each listed with why.
 *
 * <p>The foreign key methods ({@link ForeignKeyConformanceBase}) are compared too, over {@code
 * PRAGMA foreign_key_list}.
 */
class DatabaseMetaDataConformanceTest extends ForeignKeyConformanceBase {
  private Connection pagoda;

  @Override
  List<String> schema() {
    return MetaOracle.COMMON;
  }

  @Override
  DatabaseMetaData open() throws SQLException {
    pagoda = MetaOracle.pagoda(schema());
    return pagoda.getMetaData();
  }

  @Override
  void close() throws SQLException {
    pagoda.close();
  }

  @Test
  void identifiers_matchSqliteJdbc() throws SQLException {
    assertEquals(expected.getIdentifierQuoteString(), actual.getIdentifierQuoteString());
    assertEquals(expected.getSearchStringEscape(), actual.getSearchStringEscape());
    assertEquals(expected.getExtraNameCharacters(), actual.getExtraNameCharacters());
    assertEquals(expected.getCatalogSeparator(), actual.getCatalogSeparator());
    assertEquals(expected.getSchemaTerm(), actual.getSchemaTerm());
    assertEquals(expected.storesMixedCaseIdentifiers(), actual.storesMixedCaseIdentifiers());
    assertEquals(expected.storesUpperCaseIdentifiers(), actual.storesUpperCaseIdentifiers());
    assertEquals(expected.storesLowerCaseIdentifiers(), actual.storesLowerCaseIdentifiers());
    assertEquals(
        expected.storesUpperCaseQuotedIdentifiers(), actual.storesUpperCaseQuotedIdentifiers());
    assertEquals(
        expected.storesLowerCaseQuotedIdentifiers(), actual.storesLowerCaseQuotedIdentifiers());
  }

  /**
   * Where sqlite-jdbc contradicts SQLite: "A" and "a" name one table, quoted or not, so mixed-case
   * identifiers are not case-sensitive (sqlite-jdbc: supported) and quoted ones are stored as
   * written (sqlite-jdbc: not stored mixed-case).
   */
  @Test
  void mixedCaseIdentifiers_areCaseInsensitiveAndStoredAsWritten() throws SQLException {
    assertFalse(actual.supportsMixedCaseIdentifiers());
    assertFalse(actual.supportsMixedCaseQuotedIdentifiers());
    assertTrue(actual.storesMixedCaseQuotedIdentifiers());
    try (var st = pagoda.createStatement()) {
      st.execute("CREATE TABLE \"CaseTest\" (x)");
      assertThrows(SQLException.class, () -> st.execute("CREATE TABLE casetest (y)"));
      assertThrows(SQLException.class, () -> st.execute("CREATE TABLE \"CASETEST\" (y)"));
    }
    try (var rs = actual.getTables(null, null, "CaseTest", null)) {
      assertTrue(rs.next());
      assertEquals("CaseTest", rs.getString("TABLE_NAME"));
    }
  }

  /**
   * SQLite sorts NULL before every value in ascending order: "low" in the javadoc's terms
   * (sqlite-jdbc says high and at start, which contradict each other).
   */
  @Test
  void nullOrdering_isLow() throws SQLException {
    assertTrue(actual.nullsAreSortedLow());
    assertFalse(actual.nullsAreSortedHigh());
    assertFalse(actual.nullsAreSortedAtStart());
    assertFalse(actual.nullsAreSortedAtEnd());
    try (var st = pagoda.createStatement()) {
      st.execute("CREATE TABLE n (x)");
      st.execute("INSERT INTO n VALUES (1), (NULL), (-5)");
      try (var rs = st.executeQuery("SELECT x FROM n ORDER BY x DESC")) {
        assertTrue(rs.next());
        assertEquals(1, rs.getLong(1));
        assertTrue(rs.next());
        assertTrue(rs.next());
        rs.getObject(1);
        assertTrue(rs.wasNull(), "NULL sorts last in descending order");
      }
    }
  }

  /**
   * The javadoc asks for SQLite's keywords that SQL:2003 does not have; sqlite-jdbc's list has some
   * it does have (KEY, VIEW, ...).
   */
  @Test
  void getSQLKeywords_areSqliteKeywordsOutsideSql2003() throws SQLException {
    List<String> words = Arrays.asList(actual.getSQLKeywords().split(",", -1));
    assertEquals(words.stream().sorted().distinct().toList(), words);
    for (String sql2003 : List.of("KEY", "VIEW", "ACTION", "CASCADE", "SELECT", "TEMPORARY")) {
      assertFalse(words.contains(sql2003), sql2003);
    }
    for (String word : List.of("PRAGMA", "VACUUM", "AUTOINCREMENT", "GLOB", "LIMIT", "INDEX")) {
      assertTrue(words.contains(word), word);
    }
  }

  /** SQLite has correlated subqueries, LIKE ... ESCAPE, GROUP BY and ORDER BY unrelated. */
  @Test
  void supportsFlags_describeSqlite() throws SQLException {
    assertTrue(actual.supportsCorrelatedSubqueries());
    assertTrue(actual.supportsLikeEscapeClause());
    assertTrue(actual.supportsGroupByUnrelated());
    assertTrue(actual.supportsOrderByUnrelated());
    assertTrue(actual.supportsSubqueriesInComparisons());
    assertTrue(actual.supportsTableCorrelationNames());
    assertEquals(expected.supportsFullOuterJoins(), actual.supportsFullOuterJoins());
    assertEquals(expected.supportsUnionAll(), actual.supportsUnionAll());
    assertEquals(expected.supportsAlterTableWithAddColumn(), actual.supportsAlterTableWithAddColumn());
    assertEquals(
        expected.supportsAlterTableWithDropColumn(), actual.supportsAlterTableWithDropColumn());
    assertEquals(expected.supportsSchemasInTableDefinitions(),
        actual.supportsSchemasInTableDefinitions());
    try (var st = pagoda.createStatement();
        var rs =
            st.executeQuery(
                "WITH v(x) AS (VALUES (1), (2)) SELECT x FROM v"
                    + " WHERE EXISTS (SELECT 1 FROM v AS w WHERE w.x = v.x - 1)")) {
      assertTrue(rs.next());
      assertEquals(2, rs.getLong(1));
    }
  }

  /** The foreign key methods answer with JDBC's columns and value kinds. */
  @Test
  void foreignKeys_haveTheJdbcColumns() throws SQLException {
    List<String> columns =
        MetaSnapshot.of(expected.getImportedKeys(null, null, "child")).columns();
    MetaSnapshot imported = MetaSnapshot.of(actual.getImportedKeys(null, null, "child"));
    MetaSnapshot exported = MetaSnapshot.of(actual.getExportedKeys(null, null, "parent"));
    MetaSnapshot cross =
        MetaSnapshot.of(actual.getCrossReference(null, null, "parent", null, null, "child"));
    for (MetaSnapshot keys : List.of(imported, exported, cross)) {
      assertEquals(columns, keys.columns());
      assertKinds(KEYS, keys, "keys");
    }
  }

  @Test
  void closedConnection_metadataQueriesFail() throws SQLException {
    DatabaseMetaData md = pagoda.getMetaData();
    pagoda.close();
    assertThrows(SQLException.class, () -> md.getTables(null, null, "%", null));
    assertThrows(SQLException.class, () -> md.getColumns(null, null, "%", "%"));
  }
}
