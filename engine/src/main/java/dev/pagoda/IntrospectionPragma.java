package dev.pagoda;

import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.Value;
import java.util.List;
import java.util.Locale;

/**
 * The pragmas that describe the schema and the engine, each with SQLite's result columns. Each is
 * run both as a statement ({@code PRAGMA main.table_info(t)}) and as a table-valued function
 * ({@code SELECT * FROM pragma_table_info('t')}, see {@link PragmaFunctions}) whose hidden columns
 * are SQLite's: {@code arg} for a pragma that takes one, and {@code schema} for one that may name
 * a schema.
 */
enum IntrospectionPragma {
  TABLE_INFO("table_info", true, true, "cid", "name", "type", "notnull", "dflt_value", "pk"),
  TABLE_XINFO("table_xinfo", true, true,
      "cid", "name", "type", "notnull", "dflt_value", "pk", "hidden"),
  TABLE_LIST("table_list", true, false, "schema", "name", "type", "ncol", "wr", "strict"),
  INDEX_LIST("index_list", true, true, "seq", "name", "unique", "origin", "partial"),
  INDEX_INFO("index_info", true, true, "seqno", "cid", "name"),
  INDEX_XINFO("index_xinfo", true, true, "seqno", "cid", "name", "desc", "coll", "key"),
  FOREIGN_KEY_LIST("foreign_key_list", true, true,
      "id", "seq", "table", "from", "to", "on_update", "on_delete", "match"),
  DATABASE_LIST("database_list", false, false, "seq", "name", "file"),
  FUNCTION_LIST("function_list", false, false,
      "name", "builtin", "type", "enc", "narg", "flags"),
  COMPILE_OPTIONS("compile_options", false, false, "compile_options");

  private final String pragmaName;
  private final boolean takesArgument;
  private final boolean schemaColumn;
  private final List<String> columns;

  IntrospectionPragma(String pragmaName, boolean takesArgument, boolean schemaColumn,
      String... columns) {
    this.pragmaName = pragmaName;
    this.takesArgument = takesArgument;
    this.schemaColumn = schemaColumn;
    this.columns = List.of(columns);
  }

  /** The pragma named {@code name} (lower case), or null when it is not one of these. */
  static IntrospectionPragma named(String name) {
    for (IntrospectionPragma p : values()) {
      if (p.pragmaName.equals(name)) {
        return p;
      }
    }
    return null;
  }

  String pragmaName() {
    return pragmaName;
  }

  /** The result columns. */
  List<String> columns() {
    return columns;
  }

  /** The hidden columns of the table-valued form: {@code arg}, {@code schema}, as SQLite's. */
  List<String> hiddenColumns() {
    if (takesArgument) {
      return schemaColumn ? List.of("arg", "schema") : List.of("arg");
    }
    return List.of();
  }

  /**
   * The rows for {@code arg} (null when none is given) in {@code schema} (null for any). Connection
   * lock held, in a read.
   *
   * @throws PagodaException "unknown database X" for a schema other than main and temp
   */
  List<List<Value>> rows(Connection conn, String schema, String arg) {
    String s = schemaName(schema);
    return switch (this) {
      case TABLE_INFO -> SchemaPragmas.tableInfo(conn, s, arg, false);
      case TABLE_XINFO -> SchemaPragmas.tableInfo(conn, s, arg, true);
      case TABLE_LIST -> SchemaPragmas.tableList(conn, s, arg);
      case INDEX_LIST -> IndexPragmas.indexList(conn, s, arg);
      case INDEX_INFO -> IndexPragmas.indexInfo(conn, s, arg, false);
      case INDEX_XINFO -> IndexPragmas.indexInfo(conn, s, arg, true);
      case FOREIGN_KEY_LIST -> ForeignKeyListPragma.rows(conn, s, arg);
      case DATABASE_LIST -> SchemaPragmas.databaseList(conn);
      case FUNCTION_LIST -> FunctionListPragma.rows(conn.catalog().functions());
      case COMPILE_OPTIONS -> CompileOptions.rows();
    };
  }

  /** {@code main}, {@code temp} or null; SQLite's error for any other schema. */
  private static String schemaName(String schema) {
    if (schema == null) {
      return null;
    }
    String s = schema.toLowerCase(Locale.ROOT);
    if (!s.equals("main") && !s.equals("temp")) {
      throw new PagodaException(ResultCode.ERROR, "unknown database " + schema);
    }
    return s;
  }
}
