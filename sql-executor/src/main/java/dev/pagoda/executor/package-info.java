/**
 * The executor: runs physical plans over B-tree cursors with SQLite's semantics.
 *
 * <ul>
 *   <li>{@link dev.pagoda.executor.RecordCodec} and {@link dev.pagoda.executor.RecordReader}: the
 *       record format (serial types) in which rows are stored.
 *   <li>{@link dev.pagoda.executor.Values}: SQLite's rules for values: order across storage
 *       classes, affinity, conversions, truth; {@code Arithmetic}, {@code Comparison}, {@code
 *       Casts} and {@code NumberParser} hold the details.
 *   <li>{@link dev.pagoda.executor.CompiledStatement}: a plan whose expressions are compiled into
 *       evaluators once per prepared statement; queries return a {@link
 *       dev.pagoda.executor.QueryRun} of Volcano operators built by {@code PlanCompiler}: scans and
 *       seeks ({@code TableRowOp}, reading rows through a {@code RowDecoding}: record fields by
 *       the table's {@code RecordLayout}, VIRTUAL generated columns computed by {@code
 *       GeneratedValues}; {@code SeekOperators}), {@code NestedLoopOp}, {@code
 *       AggregateOp} ({@code Aggregators}), sorts, DISTINCT and compounds ({@code
 *       MaterializedOperators}); subqueries are {@code SubqueryEvaluator}s whose plans read the
 *       outer row through an {@code ExprCompiler.Frame}.
 *   <li>Writes: {@code InsertStatement}, {@code UpdateStatement}, {@code DeleteStatement} over a
 *       {@code TableWriter} (generated columns through {@code GeneratedValues}, constraints,
 *       conflict clauses) and one {@code IndexWriter} per index
 *       (including partial and expression indexes); {@code SchemaStatement} for DDL.
 *       {@code AutoIncrement} keeps {@code sqlite_sequence} for INSERTs into AUTOINCREMENT tables
 *       (and creates it, and drops a table's row, from {@code SchemaStatement});
 *       {@code UpdateFromRows} holds the joined rows of an UPDATE ... FROM, one per target row.
 *       An upsert's ON CONFLICT clauses are an {@code UpsertOp} the {@code InsertStatement} asks
 *       before its ordinary conflict checks (DO UPDATE runs a compiled {@code UpdateStatement}
 *       on the conflicting row, with the excluded row as its outer frame); RETURNING is a {@code
 *       ReturningStatement} around the write, fed each written row through a {@code
 *       ReturningSink} and keeping the result rows until the write ends.
 *   <li>Functions: the built-ins are SPI functions registered by the {@link
 *       dev.pagoda.executor.BuiltinFunctions} provider (and the other providers listed in
 *       {@code module-info}), found like any plug-in through the session's {@code
 *       FunctionCatalog}; {@code FunctionCompiler} resolves each call at prepare time and calls
 *       it with one {@code ArgumentBuffer} and {@code CallContext} per call site; aggregates are
 *       stepped by {@code AggregateOp}. LIKE/GLOB in {@code LikePattern}, printf in {@code
 *       Printf}.
 *   <li>{@link dev.pagoda.executor.SchemaTable}: reading and writing {@code sqlite_schema}.
 *   <li>{@code TriggerProgram}: a trigger compiled into the statement that fires it; its OLD/NEW
 *       row is the outer row of its expressions, set for each firing. {@link
 *       dev.pagoda.executor.Session}: the connection's counters for {@code changes()} and its kin.
 *   <li>Foreign keys, when the session's {@link dev.pagoda.executor.ForeignKeyState} enables
 *       them: {@code ForeignKeyChecker} (SQLite's violation counting per written row, run from
 *       the INSERT/UPDATE/DELETE statements, REPLACE deletes in {@code TableWriter} and DROP
 *       TABLE), {@code ForeignKeyActions} (CASCADE, SET NULL, SET DEFAULT, RESTRICT on the child
 *       tables), {@code ForeignKeyLinks} (the keys resolved against the session's schema once per
 *       run), {@link dev.pagoda.executor.ForeignKeyCheck} ({@code PRAGMA foreign_key_check}).
 * </ul>
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>Expressions are compiled once per prepared statement; a run only opens cursors.
 *       Parameters are read from {@link dev.pagoda.executor.Bindings} on every evaluation.
 *   <li>A write runs inside the caller's pager write transaction and changes nothing outside it;
 *       on any exception the caller rolls the transaction back.
 *   <li>A scan decodes a record's header once per row and a column only when it is read.
 *   <li>No B-tree is written while a cursor of the same statement walks it: writes collect the
 *       rows they change first.
 *   <li>Every value rule (comparison, affinity, conversion) is written once, in {@code Values} and
 *       its helpers, and checked against real SQLite by differential tests.
 *   <li>Errors for the SQL caller are {@link dev.pagoda.spi.SqlException}s with SQLite's result
 *       codes and wording.
 * </ol>
 *
 * <p>Known gap (Step 1): evaluators return boxed {@link dev.pagoda.spi.Value}s, one allocation
 * per computed value; the unboxed evaluation path comes with the benchmarks of Step 8.
 */
package dev.pagoda.executor;
