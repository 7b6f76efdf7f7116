package dev.pagoda.jdbc;

import java.util.List;

/**
 * The columns of the metadata results that are always empty for SQLite (it has no catalogs,
 * procedures, user-defined types or privileges), named and ordered as the JDBC javadoc lists them.
 * sqlite-jdbc gives fewer columns for two of them (getProcedures without SPECIFIC_NAME,
 * getProcedureColumns without the last seven); the javadoc decides.
 */
final class EmptyResults {
  private EmptyResults() {}

  static final List<String> SCHEMAS = List.of("TABLE_SCHEM", "TABLE_CATALOG");

  static final List<String> CATALOGS = List.of("TABLE_CAT");

  static final List<String> CLIENT_INFO_PROPERTIES =
      List.of("NAME", "MAX_LEN", "DEFAULT_VALUE", "DESCRIPTION");

  static final List<String> FUNCTION_COLUMNS =
      List.of(
          "FUNCTION_CAT",
          "FUNCTION_SCHEM",
          "FUNCTION_NAME",
          "COLUMN_NAME",
          "COLUMN_TYPE",
          "DATA_TYPE",
          "TYPE_NAME",
          "PRECISION",
          "LENGTH",
          "SCALE",
          "RADIX",
          "NULLABLE",
          "REMARKS",
          "CHAR_OCTET_LENGTH",
          "ORDINAL_POSITION",
          "IS_NULLABLE",
          "SPECIFIC_NAME");

  /** The three reserved columns are named as sqlite-jdbc names them. */
  static final List<String> PROCEDURES =
      List.of(
          "PROCEDURE_CAT",
          "PROCEDURE_SCHEM",
          "PROCEDURE_NAME",
          "UNDEF1",
          "UNDEF2",
          "UNDEF3",
          "REMARKS",
          "PROCEDURE_TYPE",
          "SPECIFIC_NAME");

  static final List<String> PROCEDURE_COLUMNS =
      List.of(
          "PROCEDURE_CAT",
          "PROCEDURE_SCHEM",
          "PROCEDURE_NAME",
          "COLUMN_NAME",
          "COLUMN_TYPE",
          "DATA_TYPE",
          "TYPE_NAME",
          "PRECISION",
          "LENGTH",
          "SCALE",
          "RADIX",
          "NULLABLE",
          "REMARKS",
          "COLUMN_DEF",
          "SQL_DATA_TYPE",
          "SQL_DATETIME_SUB",
          "CHAR_OCTET_LENGTH",
          "ORDINAL_POSITION",
          "IS_NULLABLE",
          "SPECIFIC_NAME");

  static final List<String> UDTS =
      List.of(
          "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "CLASS_NAME", "DATA_TYPE", "REMARKS", "BASE_TYPE");

  static final List<String> SUPER_TYPES =
      List.of(
          "TYPE_CAT",
          "TYPE_SCHEM",
          "TYPE_NAME",
          "SUPERTYPE_CAT",
          "SUPERTYPE_SCHEM",
          "SUPERTYPE_NAME");

  static final List<String> SUPER_TABLES =
      List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "SUPERTABLE_NAME");

  static final List<String> ATTRIBUTES =
      List.of(
          "TYPE_CAT",
          "TYPE_SCHEM",
          "TYPE_NAME",
          "ATTR_NAME",
          "DATA_TYPE",
          "ATTR_TYPE_NAME",
          "ATTR_SIZE",
          "DECIMAL_DIGITS",
          "NUM_PREC_RADIX",
          "NULLABLE",
          "REMARKS",
          "ATTR_DEF",
          "SQL_DATA_TYPE",
          "SQL_DATETIME_SUB",
          "CHAR_OCTET_LENGTH",
          "ORDINAL_POSITION",
          "IS_NULLABLE",
          "SCOPE_CATALOG",
          "SCOPE_SCHEMA",
          "SCOPE_TABLE",
          "SOURCE_DATA_TYPE");

  static final List<String> PSEUDO_COLUMNS =
      List.of(
          "TABLE_CAT",
          "TABLE_SCHEM",
          "TABLE_NAME",
          "COLUMN_NAME",
          "DATA_TYPE",
          "COLUMN_SIZE",
          "DECIMAL_DIGITS",
          "NUM_PREC_RADIX",
          "COLUMN_USAGE",
          "REMARKS",
          "CHAR_OCTET_LENGTH",
          "IS_NULLABLE");

  static final List<String> COLUMN_PRIVILEGES =
      List.of(
          "TABLE_CAT",
          "TABLE_SCHEM",
          "TABLE_NAME",
          "COLUMN_NAME",
          "GRANTOR",
          "GRANTEE",
          "PRIVILEGE",
          "IS_GRANTABLE");

  static final List<String> TABLE_PRIVILEGES =
      List.of(
          "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE",
          "IS_GRANTABLE");

  /** getVersionColumns and getBestRowIdentifier share these columns. */
  static final List<String> ROW_IDENTIFIER =
      List.of(
          "SCOPE",
          "COLUMN_NAME",
          "DATA_TYPE",
          "TYPE_NAME",
          "COLUMN_SIZE",
          "BUFFER_LENGTH",
          "DECIMAL_DIGITS",
          "PSEUDO_COLUMN");
}
