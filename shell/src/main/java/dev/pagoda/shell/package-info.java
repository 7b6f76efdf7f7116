/**
 * The {@code pagoda} command-line shell, a {@code sqlite3} work-alike over the embedded API: {@code
 * pagoda [OPTIONS] [FILENAME [SQL...]]} opens a database file (or a transient in-memory database)
 * and runs SQL and dot-commands from standard input or from its arguments. The {@code ./pagoda}
 * script at the repository root builds {@code shell/target/pagoda-shell.jar} and runs {@link
 * dev.pagoda.shell.Shell}.
 *
 * <p>Who does what: {@link dev.pagoda.shell.Shell} is the entry point ({@code main}, and {@code
 * run} on any streams, for tests); {@code Options} parses the command line; {@code Session} reads
 * lines, collects SQL until {@code SqlScanner} says a statement is complete, runs it and prints the
 * rows through an {@code OutputMode}; {@code DotCommands} holds the dot-commands, one table entry
 * each.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>Output matches sqlite3's byte for byte where a feature exists in both: list mode is {@code
 *       |}-separated with NULL as the empty string, numbers are formatted by the engine as SQLite
 *       formats them, and errors read {@code Parse error near line N: ...} (script) or {@code Parse
 *       error: ...} (interactive), {@code Runtime error ...} for failures while running, with the
 *       result code appended when it is not 1.
 *   <li>Results go to standard output, errors and diagnostics to standard error, and standard
 *       output is flushed before anything is written to standard error, so the two stay in order.
 *   <li>Only an interactive session (a console, or {@code -interactive}) prints the banner and
 *       prompts; reading a pipe or a file prints nothing but results.
 *   <li>An error skips the rest of its input chunk and the shell goes on (unless {@code -bail} or
 *       {@code .bail on}); the exit status is 1 when any error happened, 0 otherwise, or the code
 *       given to {@code .exit CODE}.
 *   <li>The shell never parses SQL itself: {@code SqlScanner} only tracks quotes, comments and
 *       {@code ;} to know when a statement is complete; the engine's parser decides the rest
 *       ({@link dev.pagoda.PreparedStatement#tail()} splits a chunk into statements).
 * </ol>
 *
 * <p>At a terminal, {@code Interactive} reads lines through JLine (history in {@code
 * ~/.pagoda_history}; Ctrl-C interrupts the running statement). {@code Dump} writes {@code .dump}
 * as sqlite3 3.40 does (its REAL digits by {@code DumpReal}); {@code CsvImport} over {@code
 * CsvReader} runs {@code .import}.
 *
 * <p>Not yet: {@code .open}, {@code .schema}, {@code .read}, the other output modes ({@code column}, {@code box}, {@code json}, ...),
 * the caret under a parse error's position, and {@code CREATE TRIGGER} bodies (whose inner {@code
 * ;} would end the statement early).
 */
package dev.pagoda.shell;
