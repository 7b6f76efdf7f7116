/** TODO */
package dev.pagoda.benchmarks;
