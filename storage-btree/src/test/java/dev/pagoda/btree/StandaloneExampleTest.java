package dev.pagoda.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagoda.pager.DiskFile;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example of storage-btree's README, run as written: only storage-pager and storage-btree
 * (this module's main class path) are used, no SQL module.
 */
class StandaloneExampleTest {
  @TempDir Path dir;

  /** Keys are UTF-8 words, ordered bytewise; an entry is just its key. */
  private static final KeyComparator BYTEWISE =
      (key, entry, offset, length) ->
          Arrays.compareUnsigned(key, 0, key.length, entry, offset, offset + length);

  @Test
  void storeKeys_commitReopen_readBackInOrderAndIntegrityOk() {
    Path file = dir.resolve("words.db");
    List<String> words = List.of("pear", "apple", "fig", "banana", "cherry");

    try (Pager pager = Pager.open(DiskFile.open(file, false), PagerOptions.defaults())) {
      pager.beginWrite();
      int root = BTree.createIndex(pager);
      pager.setUserVersion(root); // remember where the tree lives (any place of yours will do)
      try (IndexCursor cursor = BTree.openIndex(pager, root, BYTEWISE)) {
        for (String w : words) {
          cursor.insert(w.getBytes(StandardCharsets.UTF_8));
        }
      }
      pager.commit();
    }

    try (Pager pager = Pager.open(DiskFile.open(file, true), PagerOptions.defaults())) {
      int root = pager.userVersion();
      List<String> read = new ArrayList<>();
      try (IndexCursor cursor = BTree.openIndex(pager, root, BYTEWISE)) {
        for (boolean ok = cursor.first(); ok; ok = cursor.next()) {
          read.add(new String(cursor.entry(), StandardCharsets.UTF_8));
        }
        assertEquals(true, cursor.seekAtOrAfter("c".getBytes(StandardCharsets.UTF_8)));
        assertEquals("cherry", new String(cursor.entry(), StandardCharsets.UTF_8));
      }
      assertEquals(List.of("apple", "banana", "cherry", "fig", "pear"), read);
      List<String> errors = IntegrityChecker.check(
          pager, List.of(IntegrityChecker.Root.index(root, BYTEWISE)), 10);
      assertEquals(List.of(), errors);
    }
  }
}
