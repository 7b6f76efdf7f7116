/**
 * The contract between Pagoda and its plug-ins: the SQL value model, SQLite's conversions and
 * result codes, and the functions and collations a {@link dev.pagoda.spi.FunctionProvider} adds.
 *
 * <p>A plug-in author needs only this module. A minimal provider:
 *
 * <pre>{@code
 * public final class MyFunctions implements FunctionProvider {
 *   public List<ScalarFunction> scalarFunctions() {
 *     return List.of(ScalarFunction.of("twice", Arity.exactly(1),
 *         (ctx, args) -> args.isNull(0) ? Value.NULL : Value.of(args.getLong(0) * 2)));
 *   }
 * }
 * }</pre>
 *
 * declared in {@code META-INF/services/dev.pagoda.spi.FunctionProvider} and in {@code
 * module-info.java} ({@code provides dev.pagoda.spi.FunctionProvider with MyFunctions}); its jar on
 * the class path is all it takes for {@code SELECT twice(21)} to work.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>This module depends on nothing but {@code java.base}.
 *   <li>A {@link dev.pagoda.spi.Value} is immutable and always in exactly one storage class.
 *   <li>Errors meant for the SQL caller are {@link dev.pagoda.spi.SqlException}s with a
 *       {@link dev.pagoda.spi.ResultCode}; anything else escaping is a bug.
 *   <li>Functions are called by one thread at a time per statement, but one function object may
 *       serve many statements and connections at once: per-call state lives in the {@link
 *       dev.pagoda.spi.FunctionContext} or an {@link dev.pagoda.spi.AggregateFunction.Accumulator}.
 *   <li>The built-in functions are registered through this same SPI.
 * </ol>
 */
package dev.pagoda.spi;
