package dev.pagoda.executor;

import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A stable sort of rows within a memory budget: rows are buffered until their estimated size passes
 * the budget, then the buffer is sorted and written as a run to a temporary file (each row a
 * length-prefixed record in the database's record format); the sorted rows are a merge of the runs
 * and the last buffer, ties in the order they were added. Closing deletes the files.
 */
final class ExternalSorter implements AutoCloseable {
  private final int width;
  private final Comparator<Value[]> order;
  private final long budget;
  private final List<Value[]> buffer = new ArrayList<>();
  private final List<Path> runs = new ArrayList<>();
  private final List<DataInputStream> readers = new ArrayList<>();
  private long bytes;
  private boolean closed;

  ExternalSorter(int width, Comparator<Value[]> order, long budget) {
    this.width = width;
    this.order = order;
    this.budget = budget;
  }

  /** Adds a row (kept, not copied). */
  void add(Value[] row) {
    buffer.add(row);
    bytes += MemoryBudget.estimate(row);
    if (bytes > budget) {
      spill();
    }
  }

  /** Whether some rows went to a temporary file. */
  boolean spilled() {
    return !runs.isEmpty();
  }

  private void spill() {
    buffer.sort(order);
    try {
      Path file = Files.createTempFile(MemoryBudget.tempDirectory(), "pagoda-sort-", ".run");
      runs.add(file);
      try (DataOutputStream out = new DataOutputStream(
          new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
        for (Value[] row : buffer) {
          byte[] record = RecordCodec.encode(row);
          out.writeInt(record.length);
          out.write(record);
        }
      }
    } catch (IOException e) {
      throw new SqlException(dev.pagoda.spi.ResultCode.IOERR,
          "disk I/O error: cannot write a temporary sort file: " + e.getMessage());
    }
    MemoryBudget.countRun();
    buffer.clear();
    bytes = 0;
  }

  /** The rows in order; closing the operator closes this sorter. */
  Operator sorted() {
    buffer.sort(order);
    if (runs.isEmpty()) {
      return new MaterializedOperators.ListOp(buffer) {
        @Override
        public void close() {
          ExternalSorter.this.close();
        }
      };
    }
    return new MergeOp();
  }

  /** One source of the merge: a run file or the last buffer. */
  private final class Cursor {
    final int rank;
    final DataInputStream in;
    int index = -1;
    Value[] row;

    Cursor(int rank, DataInputStream in) {
      this.rank = rank;
      this.in = in;
    }

    boolean advance() {
      if (in == null) {
        row = ++index < buffer.size() ? buffer.get(index) : null;
        return row != null;
      }
      try {
        int length;
        try {
          length = in.readInt();
        } catch (EOFException end) {
          row = null;
          return false;
        }
        byte[] record = new byte[length];
        in.readFully(record);
        RecordReader reader = new RecordReader().reset(record);
        row = new Value[width];
        for (int i = 0; i < width; i++) {
          row[i] = reader.column(i);
        }
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A k-way merge of the runs; equal rows come in the order of the runs. */
  private final class MergeOp implements Operator {
    private final PriorityQueue<Cursor> heap = new PriorityQueue<>((x, y) -> {
      int c = order.compare(x.row, y.row);
      return c != 0 ? c : Integer.compare(x.rank, y.rank);
    });
    private Cursor current;
    private boolean started;

    @Override
    public boolean next() {
      if (!started) {
        started = true;
        try {
          for (int r = 0; r < runs.size(); r++) {
            DataInputStream in = new DataInputStream(
                new BufferedInputStream(Files.newInputStream(runs.get(r)), 1 << 16));
            readers.add(in);
            push(new Cursor(r, in));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        push(new Cursor(runs.size(), null));
      } else if (current != null) {
        push(current);
      }
      current = heap.poll();
      return current != null;
    }

    private void push(Cursor c) {
      if (c.advance()) {
        heap.add(c);
      }
    }

    @Override
    public Value column(int i) {
      return current.row[i];
    }

    @Override
    public void close() {
      ExternalSorter.this.close();
    }
  }

  /** Closes and deletes the temporary files; safe to call twice. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (DataInputStream in : readers) {
      try {
        in.close();
      } catch (IOException ignored) {
        // deleting it below is what matters
      }
    }
    for (Path run : runs) {
      try {
        Files.deleteIfExists(run);
      } catch (IOException ignored) {
        run.toFile().deleteOnExit();
      }
    }
  }
}
