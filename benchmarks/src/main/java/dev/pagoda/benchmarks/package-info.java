/**
 * JMH benchmarks. Step 1 holds the record codec benchmark; the comparative suite against
 * sqlite-jdbc and H2 arrives in Step 8. Each benchmark states how to run it in its javadoc.
 */
package dev.pagoda.benchmarks;
