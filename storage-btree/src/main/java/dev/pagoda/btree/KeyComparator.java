package dev.pagoda.btree;

/**
 * Orders the keys of an index B-tree. The B-tree stores each key as an opaque byte payload and
 * never interprets it; whoever opens an index cursor hands in the comparator that knows the
 * payload's format (for SQL indexes, the executor's record comparator with the index's collations
 * and sort orders). Chosen once per cursor, not per comparison.
 *
 * <p>Implementations must be a total order consistent across calls, and must not keep references
 * to the arrays they are given.
 */
@FunctionalInterface
public interface KeyComparator {
  /**
   * Compares {@code key} (a search key, possibly a prefix of a full entry: only its fields are
   * compared) with the stored entry at {@code entry[offset, offset + length)}. The B-tree passes
   * the page's own bytes when the entry lies wholly in the page, so that a seek allocates nothing;
   * an entry that spills to overflow pages is assembled first.
   *
   * @return negative, zero or positive as {@code key} sorts before, equal to (on all of its
   *     fields) or after the entry
   */
  int compare(byte[] key, byte[] entry, int offset, int length);
}
