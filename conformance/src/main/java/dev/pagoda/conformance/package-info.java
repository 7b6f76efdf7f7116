/**
 * Conformance tooling. {@link dev.pagoda.conformance.ModuleRules} checks the reactor against the
 * design's dependency rules; {@link dev.pagoda.conformance.slt} is the sqllogictest runner.
 *
 * <p>The runner's command is {@code conformance/slt [OPTIONS] PATH...} (a wrapper around {@code
 * conformance/slt.sh}, which builds the reactor offline and runs {@link
 * dev.pagoda.conformance.slt.SltMain}). The whole corpus, from the repository root: {@code
 * conformance/slt ../shared/sqllogictest} (or {@code conformance/slt /work/shared/sqllogictest}).
 * Options: {@code --failures N}, {@code --report FILE} (every failure: file, line, reason, SQL,
 * expected, got), {@code --gaps FILE} (a Markdown table of counts and top failure reasons per
 * file), {@code --timeout SECONDS} (per file, default 300, 0 for none). See
 * {@code conformance/README.md}.
 */
package dev.pagoda.conformance;
