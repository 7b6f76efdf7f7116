/**
 * The contract between Pagoda and its plug-ins: the SQL value model and SQLite's result codes.
 * Later steps add scalar, aggregate and window functions, collations and {@code FunctionProvider}.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>This module depends on nothing but {@code java.base}; a plug-in author needs only it.
 *   <li>A {@link dev.pagoda.spi.Value} is immutable and always in exactly one storage class.
 *   <li>Errors meant for the SQL caller are {@link dev.pagoda.spi.SqlException}s with a
 *       {@link dev.pagoda.spi.ResultCode}; anything else escaping is a bug.
 * </ol>
 */
package dev.pagoda.spi;
