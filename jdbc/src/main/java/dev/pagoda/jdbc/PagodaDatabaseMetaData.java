package dev.pagoda.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * What {@link PagodaConnection#getMetaData()} returns: the product ("SQLite", so tools choose the
 * SQLite dialect) and driver identity, the SQLite dialect (from {@link SqliteDialectMetaData}), and
 * what the driver does today: autocommit only, forward-only read-only result sets, batches, no
 * generated keys. The catalog queries ({@code getTables}, {@code getColumns}, ...) come in a later
 * step, as SQL over {@code sqlite_schema} and the schema pragmas.
 */
final class PagodaDatabaseMetaData extends SqliteDialectMetaData {
  private final PagodaConnection connection;

  PagodaDatabaseMetaData(PagodaConnection connection) {
    this.connection = connection;
  }

  // ---- identity ----

  /** "SQLite": Pagoda speaks SQLite's dialect and file format, and tools pick dialects by name. */
  @Override
  public String getDatabaseProductName() {
    return "SQLite";
  }

  /**
   * The SQLite release whose behaviour Pagoda follows, as {@code sqlite_version()} reports it (e.g.
   * {@code 3.46.1}): tools that gate SQL on the SQLite version (Flyway, Hibernate, jOOQ) see the
   * dialect they get. The driver's own version is {@link #getDriverVersion}.
   */
  @Override
  public String getDatabaseProductVersion() throws SQLException {
    return connection.sqliteVersion();
  }

  @Override
  public int getDatabaseMajorVersion() throws SQLException {
    return DriverVersion.number(connection.sqliteVersion(), 0);
  }

  @Override
  public int getDatabaseMinorVersion() throws SQLException {
    return DriverVersion.number(connection.sqliteVersion(), 1);
  }

  @Override
  public String getDriverName() {
    return "Pagoda JDBC";
  }

  @Override
  public String getDriverVersion() {
    return DriverVersion.VERSION;
  }

  @Override
  public int getDriverMajorVersion() {
    return DriverVersion.MAJOR;
  }

  @Override
  public int getDriverMinorVersion() {
    return DriverVersion.MINOR;
  }

  @Override
  public int getJDBCMajorVersion() {
    return DriverVersion.JDBC_MAJOR;
  }

  @Override
  public int getJDBCMinorVersion() {
    return DriverVersion.JDBC_MINOR;
  }

  @Override
  public String getURL() {
    return connection.url();
  }

  /** The {@code user} property given when connecting, or "" (SQLite has no users). */
  @Override
  public String getUserName() {
    String user = connection.user();
    return user == null ? "" : user;
  }

  @Override
  public Connection getConnection() {
    return connection;
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return connection.isReadOnly();
  }

  @Override
  public int getSQLStateType() {
    return sqlStateSQL;
  }

  @Override
  public RowIdLifetime getRowIdLifetime() {
    return RowIdLifetime.ROWID_UNSUPPORTED;
  }

  // ---- transactions: autocommit only in this step ----

  @Override
  public boolean supportsTransactions() {
    return false;
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int level) {
    return level == Connection.TRANSACTION_SERIALIZABLE;
  }

  @Override
  public int getDefaultTransactionIsolation() {
    return Connection.TRANSACTION_SERIALIZABLE;
  }

  @Override
  public boolean supportsMultipleTransactions() {
    return false;
  }

  @Override
  public boolean supportsDataDefinitionAndDataManipulationTransactions() {
    return false;
  }

  @Override
  public boolean supportsDataManipulationTransactionsOnly() {
    return false;
  }

  @Override
  public boolean dataDefinitionCausesTransactionCommit() {
    return false;
  }

  @Override
  public boolean dataDefinitionIgnoredInTransactions() {
    return false;
  }

  @Override
  public boolean supportsSavepoints() {
    return false;
  }

  @Override
  public boolean autoCommitFailureClosesAllResultSets() {
    return false;
  }

  @Override
  public boolean supportsOpenCursorsAcrossCommit() {
    return false;
  }

  @Override
  public boolean supportsOpenCursorsAcrossRollback() {
    return false;
  }

  @Override
  public boolean supportsOpenStatementsAcrossCommit() {
    return false;
  }

  @Override
  public boolean supportsOpenStatementsAcrossRollback() {
    return false;
  }

  // ---- statements and result sets ----

  @Override
  public boolean supportsBatchUpdates() {
    return true;
  }

  @Override
  public boolean supportsGetGeneratedKeys() {
    return false;
  }

  @Override
  public boolean generatedKeyAlwaysReturned() {
    return false;
  }

  @Override
  public boolean supportsMultipleOpenResults() {
    return false;
  }

  @Override
  public boolean supportsMultipleResultSets() {
    return false;
  }

  @Override
  public boolean supportsNamedParameters() {
    return false;
  }

  @Override
  public boolean supportsStatementPooling() {
    return false;
  }

  @Override
  public boolean locatorsUpdateCopy() {
    return false;
  }

  @Override
  public boolean supportsResultSetType(int type) {
    return type == ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public boolean supportsResultSetConcurrency(int type, int concurrency) {
    return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public boolean supportsResultSetHoldability(int holdability) {
    return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public int getResultSetHoldability() {
    return ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public boolean ownUpdatesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean ownDeletesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean ownInsertsAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersUpdatesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersDeletesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersInsertsAreVisible(int type) {
    return false;
  }

  @Override
  public boolean updatesAreDetected(int type) {
    return false;
  }

  @Override
  public boolean deletesAreDetected(int type) {
    return false;
  }

  @Override
  public boolean insertsAreDetected(int type) {
    return false;
  }

  // ---- catalog queries: a later step ----

  private static SQLFeatureNotSupportedException catalogLater(String method) {
    return Errors.notYet("DatabaseMetaData." + method + " comes in a later step");
  }

  @Override
  public ResultSet getAttributes(
      String catalog, String schemaPattern, String typeNamePattern, String attributeNamePattern)
      throws SQLException {
    throw catalogLater("getAttributes");
  }

  @Override
  public ResultSet getBestRowIdentifier(
      String catalog, String schema, String table, int scope, boolean nullable)
      throws SQLException {
    throw catalogLater("getBestRowIdentifier");
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    throw catalogLater("getCatalogs");
  }

  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    throw catalogLater("getClientInfoProperties");
  }

  @Override
  public ResultSet getColumnPrivileges(
      String catalog, String schema, String table, String columnNamePattern) throws SQLException {
    throw catalogLater("getColumnPrivileges");
  }

  @Override
  public ResultSet getColumns(
      String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    throw catalogLater("getColumns");
  }

  @Override
  public ResultSet getCrossReference(
      String parentCatalog,
      String parentSchema,
      String parentTable,
      String foreignCatalog,
      String foreignSchema,
      String foreignTable)
      throws SQLException {
    throw catalogLater("getCrossReference");
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table)
      throws SQLException {
    throw catalogLater("getExportedKeys");
  }

  @Override
  public ResultSet getFunctionColumns(
      String catalog, String schemaPattern, String functionNamePattern, String columnNamePattern)
      throws SQLException {
    throw catalogLater("getFunctionColumns");
  }

  @Override
  public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
      throws SQLException {
    throw catalogLater("getFunctions");
  }

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table)
      throws SQLException {
    throw catalogLater("getImportedKeys");
  }

  @Override
  public ResultSet getIndexInfo(
      String catalog, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    throw catalogLater("getIndexInfo");
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    throw catalogLater("getPrimaryKeys");
  }

  @Override
  public ResultSet getProcedureColumns(
      String catalog, String schemaPattern, String procedureNamePattern, String columnNamePattern)
      throws SQLException {
    throw catalogLater("getProcedureColumns");
  }

  @Override
  public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
      throws SQLException {
    throw catalogLater("getProcedures");
  }

  @Override
  public ResultSet getPseudoColumns(
      String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    throw catalogLater("getPseudoColumns");
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    throw catalogLater("getSchemas");
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    throw catalogLater("getSchemas");
  }

  @Override
  public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern)
      throws SQLException {
    throw catalogLater("getSuperTables");
  }

  @Override
  public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern)
      throws SQLException {
    throw catalogLater("getSuperTypes");
  }

  @Override
  public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
      throws SQLException {
    throw catalogLater("getTablePrivileges");
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    throw catalogLater("getTableTypes");
  }

  @Override
  public ResultSet getTables(
      String catalog, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    throw catalogLater("getTables");
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    throw catalogLater("getTypeInfo");
  }

  @Override
  public ResultSet getUDTs(
      String catalog, String schemaPattern, String typeNamePattern, int[] types)
      throws SQLException {
    throw catalogLater("getUDTs");
  }

  @Override
  public ResultSet getVersionColumns(String catalog, String schema, String table)
      throws SQLException {
    throw catalogLater("getVersionColumns");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(this, null, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return Wrappers.isWrapperFor(this, null, iface);
  }
}
