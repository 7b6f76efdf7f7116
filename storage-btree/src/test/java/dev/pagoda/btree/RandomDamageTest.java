package dev.pagoda.btree;

import static org.junit.jupiter.api.Assertions.fail;

import dev.pagoda.pager.BigEndian;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random damage to the structural bytes of a sound file: page headers, cell pointer arrays,
 * the first bytes of cells (child pointers, size and key varints), overflow and freelist pointers,
 * and the database header. Each damaged file must open, scan and check with no outcome worse than a
 * CORRUPT or NOTADB {@link dev.pagoda.pager.StorageException} (checked by {@link
 * CorruptionCorpusTest#run}); unlike the corpus, a damage may go unnoticed (it may hit a byte that
 * does not matter). A failure names the seed, which replays it.
 */
class RandomDamageTest {
  private static final int CASES = 400;

  @TempDir static Path dir;
  static FileAnatomy good;

  @BeforeAll
  static void createGoodFile() throws Exception {
    good = FileAnatomy.create(dir.resolve("good.db"));
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void randomStructuralDamage_neverFailsWorseThanCorrupt() {
    for (int seed = 0; seed < CASES; seed++) {
      byte[] image = good.image.clone();
      String what = damage(image, new Random(seed));
      try {
        CorruptionCorpusTest.run(image, good);
      } catch (AssertionError | RuntimeException | StackOverflowError | OutOfMemoryError e) {
        fail("seed " + seed + " (" + what + "): " + e, e);
      }
    }
  }

  /** Applies 1 to 4 random structural changes; returns a description. */
  private static String damage(byte[] img, Random rnd) {
    StringBuilder what = new StringBuilder();
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      int at = target(rnd);
      int value = rnd.nextInt(4) == 0 ? rnd.nextInt() : rnd.nextInt(256);
      if (rnd.nextBoolean()) {
        img[at] = (byte) value;
        what.append("byte ").append(at).append(" = ").append(value & 0xff).append("; ");
      } else {
        int off = Math.min(at, img.length - 4);
        BigEndian.putI32(img, off, rnd.nextBoolean() ? value : small(rnd));
        what.append("int ").append(off).append(" = ").append(BigEndian.i32(img, off)).append("; ");
      }
    }
    return what.toString();
  }

  /** A page number or offset that a structure could plausibly hold. */
  private static int small(Random rnd) {
    return rnd.nextInt(good.pageCount + 3);
  }

  private static int target(Random rnd) {
    List<List<Integer>> levels = rnd.nextBoolean() ? good.tLevels : good.indexLevels;
    List<Integer> level = levels.get(rnd.nextInt(levels.size()));
    int pgno = level.get(rnd.nextInt(level.size()));
    int[] cell = good.overflowCells.get(rnd.nextInt(good.overflowCells.size()));
    return switch (rnd.nextInt(6)) {
      case 0 -> FileAnatomy.header(pgno) + rnd.nextInt(12);
      case 1 -> FileAnatomy.header(pgno) + 8 + rnd.nextInt(2 * Math.max(1, good.cellCount(pgno)) + 4);
      case 2 -> good.cellAt(pgno, rnd.nextInt(Math.max(1, good.cellCount(pgno)))) + rnd.nextInt(12);
      case 3 -> FileAnatomy.pageStart(cell[2]) + rnd.nextInt(8);
      case 4 -> FileAnatomy.pageStart(BigEndian.i32(good.image, 32)) + rnd.nextInt(16);
      default -> rnd.nextInt(100);
    };
  }
}
