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
 * CREATE TABLE or CREATE INDEX.
 *
 * <p>Layout: {@code Tokenizer} (chars to tokens, {@code sqlite3GetToken}), {@code Keywords}
 * (allocation-free keyword table), {@code TokenCursor} (lookahead, errors, parameter numbering),
 * then one parser layer per grammar area, each extending the previous: {@code ExpressionParser},
 * {@code SelectParser}, {@code TableParser} (CREATE TABLE), {@code StatementParser} (dispatch,
 * EXPLAIN, CREATE INDEX, DROP TABLE|INDEX|VIEW|TRIGGER, INSERT, BEGIN|COMMIT|END|ROLLBACK,
 * SAVEPOINT, RELEASE, PRAGMA).
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>A statement SQLite's parser accepts parses, and one it rejects throws a {@link
 *       dev.pagoda.parser.ParseException} worded exactly as SQLite words it ({@code near "X":
 *       syntax error}, {@code incomplete input}, {@code unrecognized token: "X"}, and the messages
 *       of SQLite's grammar actions), reported at the same token. Statements not implemented yet
 *       (see the roadmap) are the one exception: they fail as a syntax error at their keyword.
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
 *   <li>The tokenizer and parser use no regular expressions, allocate nothing per character, and
 *       throw only to report an error.
 * </ol>
 */
package dev.pagoda.parser;
