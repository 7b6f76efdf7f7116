package dev.pagoda.benchmarks;

import dev.pagoda.executor.RecordCodec;
import dev.pagoda.executor.RecordReader;
import dev.pagoda.spi.Value;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Record encode and the lazy decode of one column of a ten-column row: the codec every scan and
 * insert goes through. {@code decodeOneOfTenColumns} returns the column as a {@link Value} (a
 * text column here: the String and its Value are the only allocation, about 80 bytes); {@code
 * decodeIntegerColumn} reads an integer column through the primitive accessor the scans use for
 * INTEGER PRIMARY KEY and comparison fast paths, which allocates nothing.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar RecordCodecBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecordCodecBenchmark {
  private Value[] row;
  private byte[] encoded;
  private final RecordReader reader = new RecordReader();

  @Setup
  public void setUp() {
    row = new Value[10];
    for (int i = 0; i < row.length; i++) {
      row[i] = switch (i % 4) {
        case 0 -> Value.of(i * 1_000_003L);
        case 1 -> Value.of(i * 0.5);
        case 2 -> Value.of("text value number " + i);
        default -> Value.NULL;
      };
    }
    encoded = RecordCodec.encode(row);
  }

  @Benchmark
  public byte[] encodeTenColumns() {
    return RecordCodec.encode(row);
  }

  @Benchmark
  public Value decodeOneOfTenColumns() {
    return reader.reset(encoded).column(6);
  }

  @Benchmark
  public long decodeIntegerColumn() {
    return reader.reset(encoded).integer(8, -1);
  }
}
