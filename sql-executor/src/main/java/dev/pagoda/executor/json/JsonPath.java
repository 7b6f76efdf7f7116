package dev.pagoda.executor.json;

import java.util.List;

/**
 * Looks up, and optionally edits, the element a JSON path names, reading the path step by step
 * as SQLite does: a step that cannot apply to the element reached (a label on an array, an index
 * on an object) ends the lookup as not found before the rest of the path is checked.
 *
 * <p>Paths: {@code $} then steps {@code .label}, {@code ."quoted label"}, {@code [N]}, {@code
 * [#]} (one past the end) and {@code [#-N]} (N from the end).
 */
final class JsonPath {
  /** Edits, as SQLite's JEDIT_* numbers them; INS and SET create missing elements. */
  static final int LOOKUP = 0;
  static final int DEL = 1;
  static final int REPL = 2;
  static final int INS = 3;
  static final int SET = 4;

  /** Results of {@link #lookup}. */
  static final int FOUND = 0;
  static final int NOT_FOUND = -2;
  static final int PATH_ERROR = -3;

  private final int edit;
  private final JsonNode value;
  /** The container holding what was found, and its index there (a value's, for objects). */
  JsonNode holder;
  int index;

  private JsonPath(int edit, JsonNode value) {
    this.edit = edit;
    this.value = value;
  }

  /** A lookup of {@code path} (starting after its '$') from {@code root}, without edits. */
  static JsonPath find(JsonNode root, String path) {
    JsonPath p = new JsonPath(LOOKUP, null);
    p.status = p.step(wrap(root), 0, path, 1);
    return p;
  }

  /** Applies one edit of {@code path} (after the '$') to the tree under {@code wrapper}. */
  static int edit(JsonNode wrapper, String path, int edit, JsonNode value) {
    return new JsonPath(edit, value).step(wrapper, 0, path, 1);
  }

  /** A one-element array holding {@code root}, so that an edit can replace the root. */
  static JsonNode wrap(JsonNode root) {
    JsonNode w = JsonNode.array();
    w.items.add(root);
    return w;
  }

  int status;

  /** The element found. */
  JsonNode node() {
    return holder.items.get(index);
  }

  private int step(JsonNode h, int idx, String path, int pos) {
    JsonNode node = h.items.get(idx);
    if (pos >= path.length()) {
      return arrive(h, idx);
    }
    char c = path.charAt(pos);
    if (c == '.') {
      return labelStep(node, path, pos + 1);
    } else if (c == '[') {
      return indexStep(node, path, pos);
    }
    return PATH_ERROR;
  }

  private int arrive(JsonNode h, int idx) {
    holder = h;
    index = idx;
    if (edit == DEL) {
      h.items.remove(idx);
      if (h.kind == JsonNode.OBJECT) {
        h.items.remove(idx - 1);
      }
    } else if (edit == REPL || edit == SET) {
      h.items.set(idx, value.copy());
    }
    return FOUND;
  }

  private int labelStep(JsonNode node, String path, int pos) {
    int end;
    String key;
    boolean raw;
    if (pos < path.length() && path.charAt(pos) == '"') {
      int i = pos + 1;
      while (i < path.length() && path.charAt(i) != '"') {
        i += path.charAt(i) == '\\' && i + 1 < path.length() ? 2 : 1;
      }
      if (i >= path.length()) {
        return PATH_ERROR;
      }
      key = path.substring(pos + 1, i);
      raw = key.indexOf('\\') < 0;
      end = i + 1;
    } else {
      int i = pos;
      while (i < path.length() && path.charAt(i) != '.' && path.charAt(i) != '[') {
        i++;
      }
      if (i == pos) {
        return PATH_ERROR;
      }
      key = path.substring(pos, i);
      raw = true;
      end = i;
    }
    if (node.kind != JsonNode.OBJECT) {
      return NOT_FOUND;
    }
    List<JsonNode> items = node.items;
    for (int j = 0; j < items.size(); j += 2) {
      if (JsonStrings.labelEquals(items.get(j), key, raw)) {
        return step(node, j + 1, path, end);
      }
    }
    if (edit < INS) {
      return NOT_FOUND;
    }
    JsonNode created = substructure(path, end);
    if (created == null) {
      return status;
    }
    items.add(JsonNode.scalar(raw ? JsonNode.TEXTRAW : JsonNode.TEXT5, key));
    items.add(created);
    return FOUND;
  }

  private int indexStep(JsonNode node, String path, int pos) {
    if (node.kind != JsonNode.ARRAY) {
      return NOT_FOUND;
    }
    int count = node.items.size();
    long k = 0;
    int i = pos + 1;
    while (i < path.length() && isDigit(path.charAt(i))) {
      k = Math.min(k * 10 + path.charAt(i) - '0', Integer.MAX_VALUE);
      i++;
    }
    if (i == pos + 1 || i >= path.length() || path.charAt(i) != ']') {
      if (pos + 1 >= path.length() || path.charAt(pos + 1) != '#') {
        return PATH_ERROR;
      }
      k = count;
      i = pos + 2;
      if (i + 1 < path.length() && path.charAt(i) == '-' && isDigit(path.charAt(i + 1))) {
        long nn = 0;
        i++;
        while (i < path.length() && isDigit(path.charAt(i))) {
          nn = Math.min(nn * 10 + path.charAt(i) - '0', Integer.MAX_VALUE);
          i++;
        }
        if (nn > k) {
          return NOT_FOUND;
        }
        k -= nn;
      }
      if (i >= path.length() || path.charAt(i) != ']') {
        return PATH_ERROR;
      }
    }
    if (k < count) {
      return step(node, (int) k, path, i + 1);
    }
    if (k > count || edit < INS) {
      return NOT_FOUND;
    }
    JsonNode created = substructure(path, i + 1);
    if (created == null) {
      return status;
    }
    node.items.add(created);
    return FOUND;
  }

  /**
   * What an insertion at a missing element puts there: the value itself when the path ends, else
   * new containers down the rest of the path; null (with {@link #status} set) when it cannot.
   */
  private JsonNode substructure(String path, int pos) {
    if (pos >= path.length()) {
      return value.copy();
    }
    JsonNode inner = path.charAt(pos) == '.' ? JsonNode.object() : JsonNode.array();
    JsonNode w = wrap(inner);
    int rc = new JsonPath(edit, value).step(w, 0, path, pos);
    if (rc != FOUND) {
      status = rc;
      return null;
    }
    return w.items.get(0);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
