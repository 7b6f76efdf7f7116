package dev.pagoda.pager.cache;

import dev.pagoda.pager.Page;
import dev.pagoda.pager.PageCache;
import java.util.Arrays;

/**
 * A CLOCK (second-chance) {@link PageCache}.
 *
 * <p>Pages sit in slots {@code 0..used-1} of a circular array with one reference bit each; {@code
 * index} maps a page number to its slot. A hit sets the bit. To make room, the hand sweeps: a slot
 * whose bit is set loses the bit (its second chance), the first slot without one is evicted. A new
 * page starts without the bit, so pages touched once (a scan) go before pages touched twice.
 *
 * <p>The slot arrays grow with use, up to the capacity, rather than being allocated at the
 * capacity: a large {@code cache_size} costs nothing until pages fill it. Removed slots go on a
 * free stack. Nothing allocates on a hit, and nothing on a put once the arrays have grown.
 */
final class ClockPageCache implements PageCache {
  private final IntObjectMap<Slot> index = new IntObjectMap<>(64);
  private Slot[] slots = new Slot[0];
  /** Slots 0..used-1 exist; the rest are not allocated yet. */
  private int used;
  /** Indexes of existing slots with no page, top at freeTop-1. */
  private int[] free = new int[0];
  private int freeTop;
  private int hand;
  private int size;
  private int capacity;
  private long hits;
  private long misses;
  private long evictions;

  ClockPageCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity " + capacity + " < 0");
    }
    this.capacity = capacity;
  }

  @Override
  public Page get(int pgno) {
    Slot s = index.get(pgno);
    if (s == null) {
      misses++;
      return null;
    }
    s.referenced = true;
    hits++;
    return s.page;
  }

  @Override
  public void put(Page page) {
    if (index.get(page.number()) != null) {
      throw new IllegalStateException("page " + page.number() + " is already cached");
    }
    if (capacity == 0) {
      evictions++;
      return;
    }
    if (size >= capacity) {
      evictOne();
    }
    Slot s = freeSlot();
    s.page = page;
    s.referenced = false;
    index.put(page.number(), s);
    size++;
  }

  @Override
  public Page remove(int pgno) {
    Slot s = index.remove(pgno);
    if (s == null) {
      return null;
    }
    Page p = s.page;
    vacate(s);
    return p;
  }

  @Override
  public void clear() {
    index.clear();
    Arrays.fill(slots, null);
    used = 0;
    freeTop = 0;
    hand = 0;
    size = 0;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int capacity() {
    return capacity;
  }

  @Override
  public void setCapacity(int pages) {
    if (pages < 0) {
      throw new IllegalArgumentException("capacity " + pages + " < 0");
    }
    capacity = pages;
    while (size > capacity) {
      evictOne();
    }
  }

  @Override
  public long hitCount() {
    return hits;
  }

  @Override
  public long missCount() {
    return misses;
  }

  @Override
  public long evictionCount() {
    return evictions;
  }

  /** Sweeps the hand to the first occupied slot without a second chance, and evicts its page. */
  private void evictOne() {
    while (true) {
      if (hand >= used) {
        hand = 0;
      }
      Slot s = slots[hand++];
      if (s.page == null) {
        continue;
      }
      if (s.referenced) {
        s.referenced = false;
        continue;
      }
      index.remove(s.page.number());
      vacate(s);
      evictions++;
      return;
    }
  }

  private void vacate(Slot s) {
    s.page = null;
    s.referenced = false;
    free[freeTop++] = s.position;
    size--;
  }

  private Slot freeSlot() {
    if (freeTop > 0) {
      return slots[free[--freeTop]];
    }
    if (used == slots.length) {
      int n = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(16L, slots.length * 2L));
      slots = Arrays.copyOf(slots, n);
      free = Arrays.copyOf(free, n);
    }
    Slot s = new Slot(used);
    slots[used++] = s;
    return s;
  }

  /** One position of the clock. */
  private static final class Slot {
    final int position;
    Page page;
    boolean referenced;

    Slot(int position) {
      this.position = position;
    }
  }
}
