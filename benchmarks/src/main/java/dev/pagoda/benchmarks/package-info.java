/**
 * JMH benchmarks: the hot paths (record codec, B-tree seek and scan, page cache per provider, the
 * SQL parser and its tokenizer in {@code ParserBenchmark}) and the first comparison with
 * sqlite-jdbc in the same run, {@code CommitBenchmark} (commit latency per journal mode and
 * synchronous level; {@code commit.sh}, {@code ResultTable}). The full comparative suite against
 * sqlite-jdbc and H2 arrives in Step 8. Each benchmark states how to run it in its javadoc; the
 * module's README has the commit benchmark's rules and latest table.
 */
package dev.pagoda.benchmarks;
