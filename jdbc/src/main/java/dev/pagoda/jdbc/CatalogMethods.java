package dev.pagoda.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The catalog methods of {@link java.sql.DatabaseMetaData} with their exact signatures, over any
 * {@link Connection}: {@link PagodaDatabaseMetaData} delegates to them, and the tests call the same
 * methods on a sqlite-jdbc connection, to check them against real SQLite for what Pagoda cannot
 * create yet. The javadoc of each {@link MetaDataQueries} and {@link ForeignKeyQueries} method
 * says where the answers depart from sqlite-jdbc's, and why.
 */
final class CatalogMethods {
  private final MetaDataQueries queries;

  CatalogMethods(Connection connection) {
    this.queries = new MetaDataQueries(connection);
  }

  public ResultSet getTables(
      String catalog, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    return queries.tables(schemaPattern, tableNamePattern, types);
  }

  public ResultSet getTableTypes() throws SQLException {
    return queries.tableTypes();
  }

  public ResultSet getColumns(
      String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    return queries.columns(schemaPattern, tableNamePattern, columnNamePattern);
  }

  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    return queries.primaryKeys(schema, table);
  }

  public ResultSet getIndexInfo(
      String catalog, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    return queries.indexInfo(schema, table, unique);
  }

  public ResultSet getImportedKeys(String catalog, String schema, String table)
      throws SQLException {
    return new ForeignKeyQueries(queries).imported(schema, table);
  }

  public ResultSet getExportedKeys(String catalog, String schema, String table)
      throws SQLException {
    return new ForeignKeyQueries(queries).exported(schema, table);
  }

  /** The two schema arguments must both name main; null tables mean any table. */
  public ResultSet getCrossReference(
      String parentCatalog,
      String parentSchema,
      String parentTable,
      String foreignCatalog,
      String foreignSchema,
      String foreignTable)
      throws SQLException {
    String schema = Patterns.isMain(parentSchema) ? foreignSchema : parentSchema;
    return new ForeignKeyQueries(queries).crossReference(schema, parentTable, foreignTable);
  }

  public ResultSet getTypeInfo() throws SQLException {
    return queries.typeInfo();
  }

  /** None, as in sqlite-jdbc: the one schema, main, is reported as a null TABLE_SCHEM. */
  public ResultSet getSchemas() throws SQLException {
    return queries.empty(EmptyResults.SCHEMAS);
  }

  public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    return queries.empty(EmptyResults.SCHEMAS);
  }

  /** None, as in sqlite-jdbc: SQLite has no catalogs. */
  public ResultSet getCatalogs() throws SQLException {
    return queries.empty(EmptyResults.CATALOGS);
  }

  /** None: client info takes any name and the driver uses none of them. */
  public ResultSet getClientInfoProperties() throws SQLException {
    return queries.empty(EmptyResults.CLIENT_INFO_PROPERTIES);
  }

  public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
      throws SQLException {
    return queries.functions(schemaPattern, functionNamePattern);
  }

  /** None: SQLite does not describe the parameters of its functions. */
  public ResultSet getFunctionColumns(
      String catalog, String schemaPattern, String functionNamePattern, String columnNamePattern)
      throws SQLException {
    return queries.empty(EmptyResults.FUNCTION_COLUMNS);
  }

  /** None: SQLite has no stored procedures. */
  public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
      throws SQLException {
    return queries.empty(EmptyResults.PROCEDURES);
  }

  public ResultSet getProcedureColumns(
      String catalog, String schemaPattern, String procedureNamePattern, String columnNamePattern)
      throws SQLException {
    return queries.empty(EmptyResults.PROCEDURE_COLUMNS);
  }

  /** None: SQLite has no user-defined types. */
  public ResultSet getUDTs(
      String catalog, String schemaPattern, String typeNamePattern, int[] types)
      throws SQLException {
    return queries.empty(EmptyResults.UDTS);
  }

  public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern)
      throws SQLException {
    return queries.empty(EmptyResults.SUPER_TYPES);
  }

  public ResultSet getAttributes(
      String catalog, String schemaPattern, String typeNamePattern, String attributeNamePattern)
      throws SQLException {
    return queries.empty(EmptyResults.ATTRIBUTES);
  }

  /** None: SQLite has no table inheritance. */
  public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern)
      throws SQLException {
    return queries.empty(EmptyResults.SUPER_TABLES);
  }

  /** None, as in sqlite-jdbc (which does not implement it). */
  public ResultSet getPseudoColumns(
      String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    return queries.empty(EmptyResults.PSEUDO_COLUMNS);
  }

  /** None: SQLite has no privileges. */
  public ResultSet getColumnPrivileges(
      String catalog, String schema, String table, String columnNamePattern) throws SQLException {
    return queries.empty(EmptyResults.COLUMN_PRIVILEGES);
  }

  public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
      throws SQLException {
    return queries.empty(EmptyResults.TABLE_PRIVILEGES);
  }

  /** None: SQLite updates no column by itself on a row change. */
  public ResultSet getVersionColumns(String catalog, String schema, String table)
      throws SQLException {
    return queries.empty(EmptyResults.ROW_IDENTIFIER);
  }

  /** None, as in sqlite-jdbc; getPrimaryKeys gives the key. */
  public ResultSet getBestRowIdentifier(
      String catalog, String schema, String table, int scope, boolean nullable)
      throws SQLException {
    return queries.empty(EmptyResults.ROW_IDENTIFIER);
  }
}
