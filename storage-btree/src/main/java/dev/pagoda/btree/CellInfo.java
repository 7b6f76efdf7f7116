package dev.pagoda.btree;

/** A parsed table leaf or index cell; a mutable holder reused to keep parsing allocation-free. */
final class CellInfo {
  /** Total payload size P. */
  int payloadSize;
  /** The rowid key (table leaf cells; 0 for index cells). */
  long rowid;
  /** Offset of the payload in the cell: the varints (and an index interior cell's child pointer). */
  int headerSize;
  /** Payload bytes stored on the page. */
  int localSize;
  /** First overflow page, 0 when the payload is entirely local. */
  int overflowPage;
  /** Bytes the cell occupies on the page (at least 4). */
  int cellSize;
}
