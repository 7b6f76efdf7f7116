/**
 * JMH benchmarks. Micro benchmarks of the hot paths: record codec, B-tree seek, scan and insert,
 * page cache per provider, the SQL parser and tokenizer, a typical WHERE per row ({@code
 * ExpressionBenchmark}) and the join index probe ({@code JoinProbeBenchmark}); {@code run.sh
 * --micro} runs them with {@code -prof gc}. The comparative suite {@code W1BulkInsert} ... {@code
 * W10MixedReads} runs the same SQL through JDBC on Pagoda, sqlite-jdbc and H2, every answer
 * checked, durability like for like ({@code CompareSupport}; the single-connection read workloads
 * share their state and run options through {@code ReadWorkload}); {@code run.sh} writes its table
 * ({@code CompareSupportTables}). {@code CommitBenchmark} and {@code FunctionBenchmark} compare
 * commit latency and function calls with sqlite-jdbc ({@code commit.sh}, {@code ResultTable}).
 * Nothing here runs in {@code mvn verify}: no test asserts a time.
 */
package dev.pagoda.benchmarks;
