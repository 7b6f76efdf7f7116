/**
 * Pagoda's embedded API: {@link dev.pagoda.Database} (one file, or {@code :memory:}), {@link
 * dev.pagoda.Connection}, {@link dev.pagoda.PreparedStatement}, {@link dev.pagoda.Rows} and {@link
 * dev.pagoda.PagodaException}.
 *
 * <p>States of a prepared statement: <em>ready</em> (bindings may change) -&gt; {@code query()}
 * -&gt; <em>running</em> (its {@code Rows} are open) -&gt; rows read to the end or closed -&gt;
 * <em>ready</em>; {@code close()} from any state -&gt; <em>closed</em>. Running it again while
 * running closes the previous rows first, as {@code sqlite3_reset} does.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>Every failure reaches the caller as a {@link dev.pagoda.PagodaException} with SQLite's
 *       result code; the layers' own exceptions are translated in one place ({@code Errors}).
 *   <li>Each changing statement is atomic: it commits as a whole or rolls back as a whole, so a
 *       failed statement (bad SQL, unknown table, a constraint) leaves the database unchanged.
 *   <li>One lock per {@code Database} serializes all work on it; no lock is held between calls.
 *   <li>A statement prepared before a schema change is planned again before it runs.
 *   <li>An INSERT into a table that an open {@code Rows} is reading, or a DROP TABLE while any
 *       {@code Rows} is open, fails with {@code LOCKED} rather than disturbing the reader.
 * </ol>
 *
 * <p>Not yet (later steps): explicit transactions, journals (a crash during commit can damage the
 * file), sharing one file between two {@code Database} objects.
 */
package dev.pagoda;
