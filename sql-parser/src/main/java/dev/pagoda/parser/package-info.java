/**
 * SQLite's SQL dialect in, immutable AST out: the tokenizer, a recursive-descent parser that
 * mirrors SQLite's LALR grammar ({@code parse.y}), and {@link dev.pagoda.parser.SqlPrinter}, which
 * turns an AST back into SQL.
 *
 * <p>Entry points: {@link dev.pagoda.parser.Parser#parseAll}, {@link
 * dev.pagoda.parser.Parser#parseFirst} (with {@code tailOffset} for the rest, like {@code
 * sqlite3_prepare}'s {@code pzTail}), {@link dev.pagoda.parser.ScriptParser} for a script run one
 * statement at a time, and {@link dev.pagoda.parser.Parser#parseExpression}. {@link
 * dev.pagoda.parser.Parser#schemaSql} gives the text SQLite stores in {@code sqlite_schema} for a
 * CREATE TABLE, INDEX, VIEW, TRIGGER or VIRTUAL TABLE.
 *
 * <p>Layout: {@code Tokenizer} (chars to tokens, {@code sqlite3GetToken}), {@code Keywords}
 * (allocation-free keyword table), {@code TokenCursor} (lookahead, errors, parameter numbering),
 * then one parser layer per grammar area, each extending the previous: {@code ExpressionParser}
 * (SQLite's expression grammar, its expression-height and parser-stack limits), {@code
 * WindowParser} (FILTER, OVER, window definitions and frames, the WINDOW clause), {@code
 * SelectParser}, {@code TableParser} (CREATE TABLE), {@code DmlParser} (INSERT with upsert
 * and RETURNING, UPDATE, DELETE, also as trigger steps), {@code DdlParser} (CREATE VIEW, CREATE
 * TRIGGER and its body, CREATE VIRTUAL TABLE, ALTER TABLE), {@code StatementParser} (dispatch,
 * EXPLAIN, CREATE INDEX, DROP TABLE|INDEX|VIEW|TRIGGER, BEGIN|COMMIT|END|ROLLBACK, SAVEPOINT,
 * RELEASE, PRAGMA, ANALYZE, VACUUM, REINDEX, ATTACH, DETACH). Printing: {@code ExprPrinter}
 * (expressions), {@code StatementPrinter} (DML, views, triggers, virtual tables, ALTER TABLE and
 * the utility statements), {@code SqlPrinter} (entry points, SELECT, CREATE TABLE|INDEX, the
 * rest).
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>A statement SQLite's parser accepts parses, and one it rejects throws a {@link
 *       dev.pagoda.parser.ParseException} worded exactly as SQLite words it ({@code near "X":
 *       syntax error}, {@code incomplete input}, {@code unrecognized token: "X"}, and the messages
 *       of SQLite's grammar actions), reported at the same token.
 *   <li>The parser checks syntax only; errors SQLite raises while building a schema or resolving
 *       names ({@code duplicate column name}, {@code no such table}, ...) belong to the engine.
 *   <li>A bad token is reported when the parser reaches it, never earlier, so {@code parseFirst}
 *       succeeds whatever follows the first statement.
 *   <li>Parameters are numbered per statement as SQLite numbers them: {@code ?} takes the largest
 *       index so far plus one, {@code ?N} takes N, a named one keeps its first index.
 *   <li>Offsets (statement spans, error positions) are char indexes into the string given, also
 *       when parsing starts at an offset.
 *   <li>For every AST {@code a} the parser returns, {@code parse(SqlPrinter.print(a))} equals
 *       {@code a}.
 *   <li>Nesting is limited as in SQLite, never by a StackOverflowError: an expression taller than
 *       1000 defers {@code Expression tree is too large (maximum depth 1000)} (heights measured
 *       as {@code sqlite3ExprCheckHeight} measures them), and nesting that would overflow SQLite's
 *       2,500-entry parser stack fails with {@code Recursion limit}, which the parser models per
 *       construct. Should a thread's stack be too small even for that, the outermost expression,
 *       SELECT or FROM turns the overflow into the same {@code Recursion limit}. Every tree the
 *       parser returns is thus at most about 2,500 nodes deep, and its expression and SELECT
 *       records compare and hash without deep recursion.
 *   <li>WINDOW, OVER and FILTER are keywords only where SQLite's tokenizer makes them so ({@code
 *       WINDOW name AS}, {@code ) OVER (} or {@code ) OVER name}, {@code ) FILTER (}); elsewhere
 *       they are identifiers.
 *   <li>The tokenizer and parser use no regular expressions, allocate nothing per character, and
 *       throw only to report an error.
 * </ol>
 */
package dev.pagoda.parser;
