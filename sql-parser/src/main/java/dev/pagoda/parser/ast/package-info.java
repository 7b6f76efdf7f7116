/**
 * The abstract syntax tree: one record per construct, grouped by sealed interfaces ({@link
 * dev.pagoda.parser.ast.Statement}, {@link dev.pagoda.parser.ast.Expr}, {@link
 * dev.pagoda.parser.ast.FromItem}, {@link dev.pagoda.parser.ast.ResultColumn}, {@link
 * dev.pagoda.parser.ast.ColumnConstraint}, {@link dev.pagoda.parser.ast.TableConstraint}, {@link
 * dev.pagoda.parser.ast.InsertSource}), so a {@code switch} over them is checked for
 * completeness. The statements: {@link dev.pagoda.parser.ast.Select}, {@link
 * dev.pagoda.parser.ast.Insert} (with {@link dev.pagoda.parser.ast.Upsert} clauses), {@link
 * dev.pagoda.parser.ast.Update}, {@link dev.pagoda.parser.ast.Delete} (their SET lists are {@link
 * dev.pagoda.parser.ast.Assignment}s), {@link dev.pagoda.parser.ast.CreateTable}, {@link
 * dev.pagoda.parser.ast.CreateIndex}, {@link dev.pagoda.parser.ast.CreateView}, {@link
 * dev.pagoda.parser.ast.CreateTrigger}, {@link dev.pagoda.parser.ast.CreateVirtualTable}, {@link
 * dev.pagoda.parser.ast.AlterTable} (with its sealed {@link
 * dev.pagoda.parser.ast.AlterTable.Action}s), {@link dev.pagoda.parser.ast.Analyze}, {@link
 * dev.pagoda.parser.ast.Vacuum}, {@link dev.pagoda.parser.ast.Reindex}, {@link
 * dev.pagoda.parser.ast.Attach}, {@link dev.pagoda.parser.ast.Detach}, one record per DROP ({@link
 * dev.pagoda.parser.ast.DropTable}, {@link dev.pagoda.parser.ast.DropIndex}, {@link
 * dev.pagoda.parser.ast.DropView}, {@link dev.pagoda.parser.ast.DropTrigger}), transaction
 * control ({@link dev.pagoda.parser.ast.Begin}, {@link dev.pagoda.parser.ast.Commit}, {@link
 * dev.pagoda.parser.ast.Rollback}, {@link dev.pagoda.parser.ast.Savepoint}, {@link
 * dev.pagoda.parser.ast.Release}), {@link dev.pagoda.parser.ast.Pragma}, and {@link
 * dev.pagoda.parser.ast.Explain} around any of the others.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>Every node is immutable: records whose lists are unmodifiable copies. Nodes compare by
 *       value.
 *   <li>Optional parts are null (single values) or empty (lists); lists never hold null.
 *   <li>Identifiers are stored dequoted, in their original case. Where SQLite's behaviour depends
 *       on the original spelling the AST keeps it: {@link dev.pagoda.parser.ast.ColumnRef#doubleQuoted()},
 *       a result column's source {@code span} (SQLite's column name), the source text of
 *       {@code CHECK}, {@code DEFAULT} and type names.
 *   <li>Literals keep their text: integers exactly as written (hex, and out-of-range values that
 *       SQLite makes REAL), strings and blobs decoded. {@code TRUE} and {@code FALSE} are
 *       identifiers, as in SQLite, except after {@code DEFAULT}.
 *   <li>Parentheses leave no node; operator precedence is in the tree's shape. Sugar SQLite
 *       removes while parsing is removed here too ({@code x IS NULL} is {@link
 *       dev.pagoda.parser.ast.IsNull}, {@code REPLACE INTO} is {@code INSERT OR REPLACE}, {@code
 *       a IS DISTINCT FROM b} is {@code IS NOT}, {@code END} is {@code COMMIT}, a pragma's {@code
 *       = value} and {@code (value)} are one form); so are names SQLite ignores (a transaction's
 *       name).
 *   <li>A FROM clause is a left-deep tree of {@link dev.pagoda.parser.ast.Join}s; a compound
 *       SELECT is its first core plus {@link dev.pagoda.parser.ast.CompoundTerm}s, with ORDER BY
 *       and LIMIT on the outer {@link dev.pagoda.parser.ast.Select}.
 *   <li>A sorted column list (ORDER BY, a PRIMARY KEY or UNIQUE constraint's columns, an index's
 *       columns) is a list of {@link dev.pagoda.parser.ast.OrderingTerm}s; a collation on a
 *       column is a {@link dev.pagoda.parser.ast.Collate} around its expression.
 * </ol>
 */
package dev.pagoda.parser.ast;
