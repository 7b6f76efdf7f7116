package dev.pagoda.pager.cache;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A map from positive {@code int} keys (page numbers) to objects, with open addressing: no boxing
 * and no allocation on {@link #get}, {@link #remove} or an overwriting {@link #put}; a put that
 * fills the table to one half doubles it.
 *
 * <p>Layout: two parallel arrays, {@code keys[i] == 0} marks an empty slot. Collisions probe
 * linearly; {@link #remove} shifts the following run back (Knuth's algorithm R), so there are no
 * tombstones and a lookup stops at the first empty slot. The hash is a Fibonacci multiply: page
 * numbers are dense and sequential, and the multiply spreads neighbours across the table.
 *
 * <p>Internal to the module (this package is not exported). Not thread-safe.
 *
 * @param <V> the value type
 */
public final class IntObjectMap<V> {
  private static final int GOLDEN = 0x9E3779B9;

  private int[] keys;
  private Object[] values;
  private int mask;
  private int shift;
  private int size;

  /** An empty map sized for {@code expected} entries without growing. */
  public IntObjectMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
    allocate(Math.min(cap, 1 << 30));
  }

  public IntObjectMap() {
    this(8);
  }

  public int size() {
    return size;
  }

  /** The value for {@code key}, or null. */
  @SuppressWarnings("unchecked")
  public V get(int key) {
    int i = slot(key);
    int k;
    while ((k = keys[i]) != 0) {
      if (k == key) {
        return (V) values[i];
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  /** Maps {@code key} (&gt; 0) to {@code value} (non-null); returns the previous value or null. */
  @SuppressWarnings("unchecked")
  public V put(int key, V value) {
    if (key <= 0) {
      throw new IllegalArgumentException("key must be positive: " + key);
    }
    if (value == null) {
      throw new IllegalArgumentException("null value for key " + key);
    }
    int i = slot(key);
    int k;
    while ((k = keys[i]) != 0) {
      if (k == key) {
        V old = (V) values[i];
        values[i] = value;
        return old;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    if (++size > (mask + 1) >>> 1) {
      grow();
    }
    return null;
  }

  /** Removes {@code key}; returns its value or null when absent. */
  @SuppressWarnings("unchecked")
  public V remove(int key) {
    int i = slot(key);
    int k;
    while ((k = keys[i]) != key) {
      if (k == 0) {
        return null;
      }
      i = (i + 1) & mask;
    }
    V old = (V) values[i];
    // Backward-shift deletion: move later members of the run into the hole when their home slot
    // does not lie cyclically in (hole, j].
    int hole = i;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      int kj = keys[j];
      if (kj == 0) {
        break;
      }
      int home = slot(kj);
      boolean stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (!stays) {
        keys[hole] = kj;
        values[hole] = values[j];
        hole = j;
      }
    }
    keys[hole] = 0;
    values[hole] = null;
    size--;
    return old;
  }

  /** Removes every entry, keeping the table's capacity. */
  public void clear() {
    Arrays.fill(keys, 0);
    Arrays.fill(values, null);
    size = 0;
  }

  /** Calls {@code action} for every value, in no particular order. Do not modify the map meanwhile. */
  @SuppressWarnings("unchecked")
  public void forEachValue(Consumer<? super V> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        action.accept((V) values[i]);
      }
    }
  }

  /** The keys, in no particular order (a copy: the map may change while the caller walks it). */
  public int[] keys() {
    int[] out = new int[size];
    int n = 0;
    for (int k : keys) {
      if (k != 0) {
        out[n++] = k;
      }
    }
    return out;
  }

  private int slot(int key) {
    return (key * GOLDEN) >>> shift;
  }

  private void allocate(int capacity) {
    keys = new int[capacity];
    values = new Object[capacity];
    mask = capacity - 1;
    shift = 32 - Integer.numberOfTrailingZeros(capacity);
  }

  private void grow() {
    int[] oldKeys = keys;
    Object[] oldValues = values;
    if (oldKeys.length == 1 << 30) {
      throw new IllegalStateException("IntObjectMap cannot grow past 2^29 entries");
    }
    allocate(oldKeys.length * 2);
    for (int i = 0; i < oldKeys.length; i++) {
      int k = oldKeys[i];
      if (k != 0) {
        int j = slot(k);
        while (keys[j] != 0) {
          j = (j + 1) & mask;
        }
        keys[j] = k;
        values[j] = oldValues[i];
      }
    }
  }
}
