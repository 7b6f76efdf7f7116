/**
 * The Pagoda JDBC 4.3 driver: {@code jdbc:pagoda:<path>} for a SQLite 3 database file (created when
 * missing), {@code jdbc:pagoda::memory:} or {@code jdbc:pagoda:} for a private in-memory database.
 * It is a thin layer over the embedded API of {@code dev.pagoda}: {@link
 * dev.pagoda.jdbc.PagodaConnection} wraps a {@link dev.pagoda.Database} and one {@link
 * dev.pagoda.Connection}, statements wrap {@link dev.pagoda.PreparedStatement}s, and result sets
 * wrap {@link dev.pagoda.Rows}.
 *
 * <pre>{@code
 * try (Connection conn = DriverManager.getConnection("jdbc:pagoda:demo.db");
 *     PreparedStatement ps = conn.prepareStatement("SELECT a, b FROM t WHERE a > ?")) {
 *   ps.setLong(1, 0);
 *   try (ResultSet rs = ps.executeQuery()) {
 *     while (rs.next()) {
 *       System.out.println(rs.getLong(1) + " " + rs.getString("b"));
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Who does what: {@link dev.pagoda.jdbc.PagodaDriver} parses URLs ({@code JdbcUrl}) and opens
 * connections; {@code AbstractStatement} holds what {@link dev.pagoda.jdbc.PagodaStatement} (SQL
 * text, scripts) and {@link dev.pagoda.jdbc.PagodaPreparedStatement} (parameters, batches) share;
 * {@code Parameters} maps Java values to storage classes; {@link dev.pagoda.jdbc.PagodaResultSet}
 * reads rows, with the update and scrolling methods it refuses in {@code
 * AbstractReadOnlyResultSet}; {@code Errors} makes every {@link java.sql.SQLException}. {@code
 * PagodaDatabaseMetaData} answers the dialect questions ({@code SqliteDialectMetaData}) and runs
 * the catalog methods ({@code CatalogMethods}) as SQL on its own connection: over {@code
 * sqlite_schema}, and as {@code VALUES} queries ({@code ResultTable}) of rows computed from the
 * schema pragmas and CREATE statements ({@code MetaDataQueries}, {@code ForeignKeyQueries}, {@code
 * CreateTableSql}, {@code DeclaredType}), so a metadata result is an ordinary result set.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>No {@link dev.pagoda.PagodaException} escapes the driver: each becomes an {@link
 *       java.sql.SQLException} (made by {@code Errors}) with the engine's message word for word, an
 *       SQLSTATE, the JDBC 4 subclass for that SQLSTATE's class, the SQLite result code as vendor
 *       code, and the engine exception as cause.
 *   <li>Indexes are 1-based at this API (columns, parameters) and converted exactly once, where the
 *       driver calls the engine (whose columns are 0-based).
 *   <li>A JDBC connection owns its {@code Database} and engine connection; closing it closes its
 *       statements, their result sets, the engine connection and the database, in that order. A
 *       statement has at most one open result set; running it again or closing it closes that
 *       result set first.
 *   <li>Every statement runs in autocommit mode: {@code setAutoCommit(false)}, savepoints and
 *       {@code commit}/{@code rollback} fail until transactions arrive (Step 3).
 *   <li>Result sets are forward-only and read-only; {@code getObject} returns Long, Double, String,
 *       byte[] or null according to the value's storage class, never a narrower type.
 *   <li>A method the driver does not implement throws {@link
 *       java.sql.SQLFeatureNotSupportedException} (SQLSTATE 0A000) saying what is missing, never
 *       returns a made-up answer.
 *   <li>Objects are not thread-safe: like the engine connection, use a JDBC connection and its
 *       statements from one thread at a time.
 * </ol>
 *
 * <p>Not yet: each JDBC connection to a file opens its own {@code Database}; sharing one {@code
 * Database} per path across JDBC connections (so they see one another's changes through one page
 * cache and lock) comes in a later step. Also later: transactions, generated keys, date and time
 * values, declared column types in result set metadata, URL options, query timeouts and cancel.
 */
package dev.pagoda.jdbc;
