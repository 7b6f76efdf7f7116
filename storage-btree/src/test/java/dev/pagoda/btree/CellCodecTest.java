package dev.pagoda.btree;

import dev.pagoda.pager.BigEndian;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CellCodecTest {
  @Test
  void localSize_followsSqliteFormulaFor4096BytePages() {
    int u = 4096;
    int x = u - 35; // 4061
    int m = ((u - 12) * 32 / 255) - 23; // 489
    assertEquals(4061, x);
    assertEquals(489, m);
    assertEquals(0, CellCodec.localSize(0, u));
    assertEquals(x, CellCodec.localSize(x, u));
    // P = X+1: K = M + (P-M) % (U-4) = 489 + 3573 = 4062 > X, so M
    assertEquals(m, CellCodec.localSize(x + 1, u));
    // P = M + (U-4) + 100: K = M + 100
    assertEquals(m + 100, CellCodec.localSize(m + (u - 4) + 100, u));
  }

  @Test
  void interiorCell_roundTripsChildAndKey() {
    byte[] c = CellCodec.interiorCell(77, -5);
    assertEquals(77, BigEndian.i32(c, 0));
    assertEquals(-5, CellCodec.interiorKey(c, 0));
    assertEquals(c.length, CellCodec.interiorCellSize(c, 0));
  }

  @Test
  void indexLocalSize_followsSqliteFormula() {
    int u = 4096;
    assertEquals(1002, ((u - 12) * 64 / 255) - 23);
    assertEquals(1002, IndexCellCodec.maxLocal(u));
    assertEquals(1002, IndexCellCodec.localSize(1002, u));
    assertEquals(489, IndexCellCodec.localSize(1003, u));
    // P = M + (U-4) + 100: K = M + 100 <= X
    assertEquals(489 + 100, IndexCellCodec.localSize(489 + (u - 4) + 100, u));
  }
}
