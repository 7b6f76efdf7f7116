/**
 * A sqllogictest runner: {@link dev.pagoda.conformance.slt.SltReader} reads a script into {@link
 * dev.pagoda.conformance.slt.SltRecord}s, {@link dev.pagoda.conformance.slt.SltRunner} runs them
 * on a fresh {@link dev.pagoda.conformance.slt.SltEngine} per script (Pagoda's is {@link
 * dev.pagoda.conformance.slt.PagodaEngine}, an in-memory database) the way SQLite's {@code
 * sqllogictest} does for the engine name {@code sqlite}, with {@link
 * dev.pagoda.conformance.slt.ResultFormat} turning values into the strings it compares. Each
 * script runs on a worker thread under a time limit that bounds a single record too.
 *
 * <p>{@link dev.pagoda.conformance.slt.SltMain} is the command ({@code conformance/slt
 * [--failures N] [--report FILE] [--gaps FILE] [--timeout SECONDS] PATH...}): a line per file,
 * then {@code N passed, M failed, K skipped}; {@code --report} lists every failure with its file,
 * line, reason, SQL, expected and got values; {@code --gaps} writes {@link
 * dev.pagoda.conformance.slt.SltGaps}'s Markdown table.
 *
 * <p>The tests check the runner itself on real SQLite (sqlite-jdbc must pass select1..5.test and
 * evidence/ without a failure) and hold Pagoda to a ratchet, {@code
 * src/test/resources/slt-baseline.txt}: see {@code conformance/README.md}.
 */
package dev.pagoda.conformance.slt;
