/**
 * The Pagoda JDBC 4.3 driver, a thin layer over the embedded API of {@code dev.pagoda}: {@link
 * dev.pagoda.jdbc.PagodaConnection} wraps a {@link dev.pagoda.Database} and one {@link
 * dev.pagoda.Connection}, statements wrap {@link dev.pagoda.PreparedStatement}s, and result sets
 * wrap {@link dev.pagoda.Rows}.
 *
 * <pre>{@code
 * try (Connection conn = DriverManager.getConnection("jdbc:pagoda:demo.db?journal_mode=wal");
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
 * <h2>URLs</h2>
 *
 * <ul>
 *   <li>{@code jdbc:pagoda:<path>}: a SQLite 3 database file, created when missing; the path is
 *       taken as written, relative to the working directory.
 *   <li>{@code jdbc:pagoda::memory:} or {@code jdbc:pagoda:}: a private in-memory database.
 *   <li>{@code jdbc:pagoda:file:<path>?mode=ro|rw|rwc|memory&...}: a SQLite URI filename,
 *       percent-decoded, {@code file:///abs} or {@code file://localhost/abs} for an absolute path;
 *       {@code mode=ro} opens read-only, {@code mode=rw} fails with SQLite's "unable to open
 *       database file" (SQLITE_CANTOPEN) when the file is missing, {@code mode=memory} is a
 *       private in-memory database.
 *   <li>Any URL may end in {@code ?key=value&...}: connection properties, as sqlite-jdbc reads
 *       pragmas from its URLs; the URL's value wins over the {@code Properties}'.
 *   <li>{@code jdbc:sqlite:...}, with the same grammar, only when the system property {@code
 *       pagoda.jdbc.sqliteUrls} is {@code true}: a drop-in for sqlite-jdbc's URLs.
 * </ul>
 *
 * <p>Connection properties have sqlite-jdbc's names ({@code SQLiteConfig.Pragma}): {@code
 * journal_mode}, {@code synchronous}, {@code busy_timeout}, {@code foreign_keys}, {@code
 * transaction_mode}, {@code open_mode}, plus {@code readOnly}; a known name with an unknown value
 * fails the connection (SQLSTATE HY024), unknown names are ignored as sqlite-jdbc ignores them
 * ({@code ConnectionProperties}, {@code ConnectionSetup}, {@link
 * dev.pagoda.jdbc.PagodaDriver#getPropertyInfo}).
 *
 * <h2>Drop-in for sqlite-jdbc</h2>
 *
 * {@link java.sql.DatabaseMetaData#getDatabaseProductName()} is {@code "SQLite"} and {@link
 * java.sql.DatabaseMetaData#getDatabaseProductVersion()} the SQLite release Pagoda follows (what
 * {@code sqlite_version()} returns), so Flyway, Hibernate and jOOQ pick their SQLite dialect; the
 * driver itself is {@code "Pagoda JDBC"} ({@code getDriverName}, {@code getDriverVersion}).
 * Connections behave as sqlite-jdbc's ({@code ConnectionConformanceTest} compares them), except
 * where noted on the method: client info and the network timeout are kept, exceptions carry an
 * SQLSTATE and the extended result code ({@code Errors}).
 *
 * <h2>Who does what</h2>
 *
 * {@link dev.pagoda.jdbc.PagodaDriver} parses URLs ({@code JdbcUrl}) and properties and opens
 * connections; {@link dev.pagoda.jdbc.PagodaConnection} runs transactions; {@code
 * AbstractStatement} holds what {@link dev.pagoda.jdbc.PagodaStatement} (SQL text, scripts) and
 * {@link dev.pagoda.jdbc.PagodaPreparedStatement} (parameters, batches) share; {@code Parameters}
 * maps Java values to storage classes; {@link dev.pagoda.jdbc.PagodaResultSet} reads rows, with
 * the update and scrolling methods it refuses in {@code AbstractReadOnlyResultSet}; {@code Errors}
 * makes every {@link java.sql.SQLException}. {@code PagodaDatabaseMetaData} answers the dialect
 * questions ({@code SqliteDialectMetaData}) and runs the catalog methods ({@code CatalogMethods}) as
 * SQL on its own connection: over {@code sqlite_schema}, and as {@code VALUES} queries ({@code
 * ResultTable}) of rows computed from the schema pragmas and CREATE statements ({@code
 * MetaDataQueries}, {@code ForeignKeyQueries}, {@code CreateTableSql}, {@code DeclaredType}), so a
 * metadata result is an ordinary result set.
 *
 * <h2>Connection states</h2>
 *
 * AUTOCOMMIT (each statement its own transaction) -&gt; {@code setAutoCommit(false)} or {@code
 * setSavepoint} -&gt; MANUAL (a transaction open: {@code BEGIN <transaction_mode>}, or the
 * savepoint's); {@code commit}/{@code rollback} end it and begin the next; {@code
 * setAutoCommit(true)} commits and returns to AUTOCOMMIT. Any state -&gt; {@code close}/{@code
 * abort} -&gt; CLOSED (an open transaction rolls back).
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>No {@link dev.pagoda.PagodaException} escapes the driver: each becomes an {@link
 *       java.sql.SQLException} (made by {@code Errors}) with the engine's message word for word, an
 *       SQLSTATE, the JDBC 4 subclass for that SQLSTATE's class, the SQLite result code (extended
 *       where the engine has one) as vendor code, and the engine exception as cause. The driver's
 *       own failures carry the result code SQLite gives the same mistake (MISUSE for a closed
 *       object), or 0 for a JDBC feature the driver lacks (SQLSTATE 0A000).
 *   <li>Indexes are 1-based at this API (columns, parameters) and converted exactly once, where the
 *       driver calls the engine (whose columns are 0-based).
 *   <li>A JDBC connection owns its {@code Database} and engine connection; closing it closes its
 *       statements, their result sets, the engine connection and the database, in that order;
 *       closing twice does nothing. A statement has at most one open result set; running it again
 *       or closing it closes that result set first.
 *   <li>JDBC connections to one file share its state inside the JVM (the engine's {@code
 *       SharedFiles}: one file, journal and lock table), each with its own pager and snapshot, so
 *       they run concurrently from their own threads; a writer waits for another's lock up to its
 *       {@code busy_timeout} and then fails with SQLITE_BUSY ({@link
 *       java.sql.SQLTransactionRollbackException}, SQLSTATE 40001).
 *   <li>Transactions are serializable whatever isolation level is set: every connection reads its
 *       own snapshot. The level set is remembered and {@code PRAGMA read_uncommitted} set, as
 *       sqlite-jdbc does; TRANSACTION_NONE is refused.
 *   <li>Read-only is chosen at open ({@code mode=ro}, {@code open_mode=1}, {@code readOnly});
 *       {@code setReadOnly(true)} on a writable connection uses {@code PRAGMA query_only} where the
 *       engine has it and otherwise fails, as sqlite-jdbc's does.
 *   <li>Result sets are forward-only and read-only; {@code getObject} returns Long, Double, String,
 *       byte[] or null according to the value's storage class, never a narrower type.
 *   <li>A method the driver does not implement throws {@link
 *       java.sql.SQLFeatureNotSupportedException} (SQLSTATE 0A000) saying what is missing, never
 *       returns a made-up answer. Argument values the driver refuses (holdability, isolation
 *       levels, property values) fail with a plain SQLException (HY024), since connection pools
 *       take 0A000 for a broken connection.
 *   <li>Objects are not thread-safe: like the engine connection, use a JDBC connection and its
 *       statements from one thread at a time ({@code abort} excepted).
 * </ol>
 *
 * <p>Not yet: generated keys, date and time values,
 * query timeouts and cancel; named in-memory databases shared between connections
 * ({@code cache=shared}) are private.
 */
package dev.pagoda.jdbc;
