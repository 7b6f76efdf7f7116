package dev.pagoda.btree;

/** A parsed table leaf cell; a mutable holder reused to keep parsing allocation-free. */
final class CellInfo {
  /** Total payload size P. */
  int payloadSize;
  /** The rowid key. */
  long rowid;
  /** Bytes of the two leading varints. */
  int headerSize;
  /** Payload bytes stored on the page. */
  int localSize;
  /** First overflow page, 0 when the payload is entirely local. */
  int overflowPage;
  /** Bytes the cell occupies on the page (at least 4). */
  int cellSize;
}
