package dev.pagoda.pager.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntObjectMapTest {
  @Test
  void randomOperations_matchHashMap_acrossGrowthAndBackwardShiftDeletes() {
    for (int range : new int[] {40, 1_000, Integer.MAX_VALUE}) {
      Random random = new Random(range);
      IntObjectMap<String> map = new IntObjectMap<>(2);
      Map<Integer, String> model = new HashMap<>();
      for (int i = 0; i < 50_000; i++) {
        int key = 1 + random.nextInt(range == Integer.MAX_VALUE ? range - 1 : range);
        int op = random.nextInt(10);
        if (op < 5) {
          String v = "v" + i;
          assertEquals(model.put(key, v), map.put(key, v));
        } else if (op < 8) {
          assertEquals(model.remove(key), map.remove(key));
        } else {
          assertEquals(model.get(key), map.get(key));
        }
        assertEquals(model.size(), map.size());
      }
      for (Map.Entry<Integer, String> e : model.entrySet()) {
        assertEquals(e.getValue(), map.get(e.getKey()));
      }
      Map<String, Integer> seen = new HashMap<>();
      map.forEachValue(v -> seen.merge(v, 1, Integer::sum));
      assertEquals(model.size(), seen.size());
    }
  }

  @Test
  void clear_emptiesTheMap() {
    IntObjectMap<String> map = new IntObjectMap<>();
    for (int k = 1; k <= 100; k++) {
      map.put(k, "x");
    }
    map.clear();
    assertEquals(0, map.size());
    assertNull(map.get(50));
    map.put(50, "y");
    assertEquals("y", map.get(50));
  }

  @Test
  void put_rejectsNonPositiveKeysAndNullValues() {
    IntObjectMap<String> map = new IntObjectMap<>();
    assertThrows(IllegalArgumentException.class, () -> map.put(0, "x"));
    assertThrows(IllegalArgumentException.class, () -> map.put(-5, "x"));
    assertThrows(IllegalArgumentException.class, () -> map.put(5, null));
  }
}
