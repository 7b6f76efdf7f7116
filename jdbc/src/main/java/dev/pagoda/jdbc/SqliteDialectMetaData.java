package dev.pagoda.jdbc;

import java.sql.DatabaseMetaData;
import java.util.List;

/**
 * The half of {@link DatabaseMetaData} that describes the SQL dialect: SQLite's, which Pagoda
 * speaks (features arrive step by step; these answers describe the target, so tools generate SQLite
 * SQL). Identifiers are case-insensitive and stored as written, quoted with {@code "}; NULLs sort
 * first in ascending order; limits are SQLite's compiled-in defaults. What depends on the driver's
 * own behaviour (transactions, result set kinds, catalogs) is in {@link PagodaDatabaseMetaData}.
 *
 * <p>The identifier answers (quote, search string escape, extra name characters, stored case) are
 * sqlite-jdbc's. Where sqlite-jdbc's contradict SQLite, these follow SQLite: identifiers are
 * case-insensitive, quoted or not, and stored as written; NULLs sort low; correlated subqueries,
 * LIKE ... ESCAPE, and GROUP BY or ORDER BY on columns outside the select list are supported
 * ({@code DatabaseMetaDataConformanceTest} checks each against the engine).
 */
abstract class SqliteDialectMetaData implements DatabaseMetaData {

  @Override
  public final String getIdentifierQuoteString() {
    return "\"";
  }

  /**
   * SQLite's keywords (its 147, as {@code sqlite3_keyword_name} lists them) that are neither
   * reserved nor non-reserved words of SQL:2003 (ISO/IEC 9075-2:2003, 5.2). sqlite-jdbc's list
   * also has some that SQL:2003 does have (ACTION, CASCADE, KEY, VIEW, ...) and lacks some it does
   * not (DO, GROUPS, MATERIALIZED, NOTHING, RETURNING); the javadoc decides.
   */
  @Override
  public final String getSQLKeywords() {
    return String.join(",", SQLITE_ONLY_KEYWORDS);
  }

  /** The keywords {@link #getSQLKeywords} lists, in alphabetical order. */
  static final List<String> SQLITE_ONLY_KEYWORDS =
      List.of(
          "ABORT", "ANALYZE", "ATTACH", "AUTOINCREMENT", "CONFLICT", "DATABASE", "DETACH", "DO",
          "EXCLUSIVE", "EXPLAIN", "FAIL", "GLOB", "GROUPS", "IF", "IGNORE", "INDEX", "INDEXED",
          "INSTEAD", "ISNULL", "LIMIT", "MATERIALIZED", "NOTHING", "NOTNULL", "OFFSET", "PLAN",
          "PRAGMA", "QUERY", "RAISE", "REGEXP", "REINDEX", "RENAME", "REPLACE", "RETURNING",
          "TEMP", "VACUUM", "VIRTUAL");

  @Override
  public final String getNumericFunctions() {
    return "abs,max,min,random,round,sign";
  }

  @Override
  public final String getStringFunctions() {
    return "char,instr,length,lower,ltrim,replace,rtrim,substr,trim,upper";
  }

  @Override
  public final String getSystemFunctions() {
    return "coalesce,ifnull,nullif,typeof";
  }

  @Override
  public final String getTimeDateFunctions() {
    return "date,datetime,julianday,strftime,time";
  }

  /** The escape metadata patterns will use ({@code LIKE ... ESCAPE '\'}). */
  @Override
  public final String getSearchStringEscape() {
    return "\\";
  }

  @Override
  public final String getExtraNameCharacters() {
    return "";
  }

  @Override
  public final String getSchemaTerm() {
    return "schema";
  }

  @Override
  public final String getProcedureTerm() {
    return "procedure";
  }

  @Override
  public final String getCatalogTerm() {
    return "catalog";
  }

  @Override
  public final String getCatalogSeparator() {
    return ".";
  }

  @Override
  public final boolean supportsConvert(int fromType, int toType) {
    return false;
  }

  // ---- what the dialect has ----

  @Override
  public final boolean allProceduresAreCallable() {
    return false;
  }

  @Override
  public final boolean allTablesAreSelectable() {
    return true;
  }

  @Override
  public final boolean doesMaxRowSizeIncludeBlobs() {
    return false;
  }

  @Override
  public final boolean isCatalogAtStart() {
    return false;
  }

  @Override
  public final boolean nullPlusNonNullIsNull() {
    return true;
  }

  @Override
  public final boolean nullsAreSortedAtEnd() {
    return false;
  }

  @Override
  public final boolean nullsAreSortedAtStart() {
    return false;
  }

  @Override
  public final boolean nullsAreSortedHigh() {
    return false;
  }

  @Override
  public final boolean nullsAreSortedLow() {
    return true;
  }

  @Override
  public final boolean storesLowerCaseIdentifiers() {
    return false;
  }

  @Override
  public final boolean storesLowerCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public final boolean storesMixedCaseIdentifiers() {
    return true;
  }

  @Override
  public final boolean storesMixedCaseQuotedIdentifiers() {
    return true;
  }

  @Override
  public final boolean storesUpperCaseIdentifiers() {
    return false;
  }

  @Override
  public final boolean storesUpperCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public final boolean supportsANSI92EntryLevelSQL() {
    return false;
  }

  @Override
  public final boolean supportsANSI92FullSQL() {
    return false;
  }

  @Override
  public final boolean supportsANSI92IntermediateSQL() {
    return false;
  }

  @Override
  public final boolean supportsAlterTableWithAddColumn() {
    return true;
  }

  @Override
  public final boolean supportsAlterTableWithDropColumn() {
    return true;
  }

  @Override
  public final boolean supportsCatalogsInDataManipulation() {
    return false;
  }

  @Override
  public final boolean supportsCatalogsInIndexDefinitions() {
    return false;
  }

  @Override
  public final boolean supportsCatalogsInPrivilegeDefinitions() {
    return false;
  }

  @Override
  public final boolean supportsCatalogsInProcedureCalls() {
    return false;
  }

  @Override
  public final boolean supportsCatalogsInTableDefinitions() {
    return false;
  }

  @Override
  public final boolean supportsColumnAliasing() {
    return true;
  }

  @Override
  public final boolean supportsConvert() {
    return false;
  }

  @Override
  public final boolean supportsCoreSQLGrammar() {
    return true;
  }

  @Override
  public final boolean supportsCorrelatedSubqueries() {
    return true;
  }

  @Override
  public final boolean supportsDifferentTableCorrelationNames() {
    return false;
  }

  @Override
  public final boolean supportsExpressionsInOrderBy() {
    return true;
  }

  @Override
  public final boolean supportsExtendedSQLGrammar() {
    return false;
  }

  @Override
  public final boolean supportsFullOuterJoins() {
    return true;
  }

  @Override
  public final boolean supportsGroupBy() {
    return true;
  }

  @Override
  public final boolean supportsGroupByBeyondSelect() {
    return true;
  }

  @Override
  public final boolean supportsGroupByUnrelated() {
    return true;
  }

  @Override
  public final boolean supportsIntegrityEnhancementFacility() {
    return false;
  }

  @Override
  public final boolean supportsLikeEscapeClause() {
    return true;
  }

  @Override
  public final boolean supportsLimitedOuterJoins() {
    return true;
  }

  @Override
  public final boolean supportsMinimumSQLGrammar() {
    return true;
  }

  @Override
  public final boolean supportsMixedCaseIdentifiers() {
    return false;
  }

  @Override
  public final boolean supportsMixedCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public final boolean supportsNonNullableColumns() {
    return true;
  }

  @Override
  public final boolean supportsOrderByUnrelated() {
    return true;
  }

  @Override
  public final boolean supportsOuterJoins() {
    return true;
  }

  @Override
  public final boolean supportsPositionedDelete() {
    return false;
  }

  @Override
  public final boolean supportsPositionedUpdate() {
    return false;
  }

  @Override
  public final boolean supportsSchemasInDataManipulation() {
    return false;
  }

  @Override
  public final boolean supportsSchemasInIndexDefinitions() {
    return false;
  }

  @Override
  public final boolean supportsSchemasInPrivilegeDefinitions() {
    return false;
  }

  @Override
  public final boolean supportsSchemasInProcedureCalls() {
    return false;
  }

  @Override
  public final boolean supportsSchemasInTableDefinitions() {
    return false;
  }

  @Override
  public final boolean supportsSelectForUpdate() {
    return false;
  }

  @Override
  public final boolean supportsStoredFunctionsUsingCallSyntax() {
    return false;
  }

  @Override
  public final boolean supportsStoredProcedures() {
    return false;
  }

  @Override
  public final boolean supportsSubqueriesInComparisons() {
    return true;
  }

  @Override
  public final boolean supportsSubqueriesInExists() {
    return true;
  }

  @Override
  public final boolean supportsSubqueriesInIns() {
    return true;
  }

  @Override
  public final boolean supportsSubqueriesInQuantifieds() {
    return false;
  }

  @Override
  public final boolean supportsTableCorrelationNames() {
    return true;
  }

  @Override
  public final boolean supportsUnion() {
    return true;
  }

  @Override
  public final boolean supportsUnionAll() {
    return true;
  }

  @Override
  public final boolean usesLocalFilePerTable() {
    return false;
  }

  @Override
  public final boolean usesLocalFiles() {
    return true;
  }

  // ---- limits: SQLite's defaults; 0 means no limit or unknown ----

  /** SQLITE_MAX_LENGTH */
  @Override
  public final int getMaxBinaryLiteralLength() {
    return 1_000_000_000;
  }

  @Override
  public final int getMaxCatalogNameLength() {
    return 0;
  }

  /** SQLITE_MAX_LENGTH */
  @Override
  public final int getMaxCharLiteralLength() {
    return 1_000_000_000;
  }

  @Override
  public final int getMaxColumnNameLength() {
    return 0;
  }

  /** SQLITE_MAX_COLUMN */
  @Override
  public final int getMaxColumnsInGroupBy() {
    return 2000;
  }

  /** SQLITE_MAX_COLUMN */
  @Override
  public final int getMaxColumnsInIndex() {
    return 2000;
  }

  /** SQLITE_MAX_COLUMN */
  @Override
  public final int getMaxColumnsInOrderBy() {
    return 2000;
  }

  /** SQLITE_MAX_COLUMN */
  @Override
  public final int getMaxColumnsInSelect() {
    return 2000;
  }

  /** SQLITE_MAX_COLUMN */
  @Override
  public final int getMaxColumnsInTable() {
    return 2000;
  }

  @Override
  public final int getMaxConnections() {
    return 0;
  }

  @Override
  public final int getMaxCursorNameLength() {
    return 0;
  }

  @Override
  public final int getMaxIndexLength() {
    return 0;
  }

  @Override
  public final int getMaxProcedureNameLength() {
    return 0;
  }

  @Override
  public final int getMaxRowSize() {
    return 0;
  }

  @Override
  public final int getMaxSchemaNameLength() {
    return 0;
  }

  /** SQLITE_MAX_SQL_LENGTH */
  @Override
  public final int getMaxStatementLength() {
    return 1_000_000_000;
  }

  @Override
  public final int getMaxStatements() {
    return 0;
  }

  @Override
  public final int getMaxTableNameLength() {
    return 0;
  }

  /** a join has at most 64 tables */
  @Override
  public final int getMaxTablesInSelect() {
    return 64;
  }

  @Override
  public final int getMaxUserNameLength() {
    return 0;
  }
}
