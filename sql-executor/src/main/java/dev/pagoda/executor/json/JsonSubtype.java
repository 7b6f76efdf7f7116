package dev.pagoda.executor.json;

import dev.pagoda.spi.Value;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashSet;
import java.util.Set;

/**
 * SQLite's JSON subtype ({@code sqlite3_result_subtype(ctx, 'J')}) without value subtypes in the
 * engine: the TEXT values that JSON functions return are remembered by identity, weakly, so that
 * when the same {@link Value.Text} object reaches another JSON function as an argument it is
 * embedded as JSON ({@code json_array(json('[1]'))} is {@code [[1]]}) while equal text from
 * elsewhere stays a string ({@code json_array('[1]')} is {@code ["[1]"]}).
 *
 * <p>This matches SQLite wherever the executor hands a function's result object straight to the
 * next call, as it does for nested calls. Where a value is copied (stored in a table, sorted,
 * materialized) the copy is a new object and loses the mark, which is also where SQLite drops
 * subtypes. A value that SQLite would still carry through some copying step (for instance out of
 * a subquery in a FROM clause that the executor materializes) may lose it here.
 */
final class JsonSubtype {
  private static final ReferenceQueue<Value> QUEUE = new ReferenceQueue<>();
  private static final Set<Key> MARKED = new HashSet<>();

  private JsonSubtype() {}

  /** A TEXT value carrying the JSON subtype. */
  static Value.Text mark(String json) {
    Value.Text v = new Value.Text(json);
    synchronized (MARKED) {
      expunge();
      MARKED.add(new Key(v, QUEUE));
    }
    return v;
  }

  /** Whether {@code v} is a value a JSON function returned with the JSON subtype. */
  static boolean isJson(Value v) {
    if (!(v instanceof Value.Text)) {
      return false;
    }
    synchronized (MARKED) {
      return MARKED.contains(new Key(v, null));
    }
  }

  private static void expunge() {
    Object ref;
    while ((ref = QUEUE.poll()) != null) {
      MARKED.remove(ref);
    }
  }

  /** A weak reference compared by the identity of its referent. */
  private static final class Key extends WeakReference<Value> {
    private final int hash;

    Key(Value v, ReferenceQueue<Value> queue) {
      super(v, queue);
      this.hash = System.identityHashCode(v);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof Key other) || other.hash != hash) {
        return false;
      }
      Value mine = get();
      return mine != null && mine == other.get();
    }
  }
}
