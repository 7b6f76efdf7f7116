/**
 * The {@code pagoda} command-line shell, a {@code sqlite3} 3.40 work-alike over the embedded API:
 * {@code pagoda [OPTIONS] FILENAME [SQL...]} opens a database file (or a transient in-memory
 * database) and runs SQL and dot-commands from standard input or from its arguments. The {@code
 * ./pagoda} script at the repository root builds {@code shell/target/pagoda-shell.jar} and runs
 * {@link dev.pagoda.shell.Shell}.
 *
 * <p>Who does what: {@link dev.pagoda.shell.Shell} is the entry point ({@code main}, and {@code
 * run} on any streams, for tests); {@code Options} parses the command line; {@code Session} reads
 * lines, collects SQL until {@code SqlScanner} says a statement is complete, runs it and prints the
 * rows through the {@code ResultPrinter} of the current {@code OutputMode} ({@code
 * SeparatedPrinter}: list, tabs, csv, ascii; {@code LinePrinter}; {@code LiteralPrinter}: quote,
 * insert; {@code JsonPrinter}; {@code ColumnarPrinter}: column, table, markdown, box, with {@code
 * DisplayText} splitting cells into lines); {@code Cells} renders one value per mode, REALs through
 * {@code SqlitePrintf} (sqlite3's {@code %!.15g} / {@code %!.20g}, digits computed in an emulated
 * x87 {@code LongDouble}); {@code Output} is where results go ({@code .output}, {@code .once});
 * {@code DotCommands} holds the command table, one entry per command, whose actions live in {@code
 * SettingsCommands}, {@code ModeCommand}, {@code SchemaCommands} and {@code FileCommands}.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>Output matches sqlite3 3.40.1's byte for byte where a feature exists in both; the golden
 *       tests ({@code src/test/resources/golden}, recorded from the real sqlite3) check it, and
 *       every accepted difference is listed there with its reason. Values are printed from their
 *       storage class, as sqlite3 does: REALs are formatted by the shell ({@code SqlitePrintf}),
 *       not by the engine's text conversion.
 *   <li>Output is bytes: a BLOB's bytes go out as they are; where sqlite3 prints with {@code %s},
 *       text stops at a NUL; widths count UTF-8 lead bytes as sqlite3 does.
 *   <li>Results go to standard output (or the {@code .output} file), errors and diagnostics to
 *       standard error, and output is flushed before anything is written to standard error.
 *   <li>Only an interactive session (a console, or {@code -interactive}) prints the banner and
 *       prompts; reading a pipe or a file prints nothing but results.
 *   <li>An error skips the rest of its input chunk and the shell goes on (unless {@code -bail} or
 *       {@code .bail on}); reading input, the exit status is 1 when any error happened, 0
 *       otherwise, or the code given to {@code .exit CODE}. The first failing SQL argument ends
 *       the run with the statement's result code; {@code -cmd} errors end it only with {@code
 *       -bail}.
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
 * <p>Not yet: the html, tcl, count and off modes; pipes in {@code .output}/{@code .read}.
 */
package dev.pagoda.shell;
