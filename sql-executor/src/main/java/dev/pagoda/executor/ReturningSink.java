package dev.pagoda.executor;

import dev.pagoda.spi.Value;

/**
 * Where a write with a RETURNING clause hands each row it wrote (the table's columns, then the
 * rowid): the new row of an insert or update, the old row of a delete, after the row's AFTER
 * triggers ran, as SQLite's RETURNING trigger fires last.
 */
@FunctionalInterface
interface ReturningSink {
  void written(Value[] row);
}
