package dev.pagoda.executor.json;

import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.Arity;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.TableFunction;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * json_each (the elements of one array or object) and json_tree (the whole subtree, parents
 * before children) as table functions, with SQLite's columns. {@code id} is the element's byte
 * offset in the document's JSONB encoding (its label's, for an object member), as SQLite 3.45+
 * reports it, and {@code parent} is the id of the containing row (json_tree only).
 */
final class JsonEach implements TableFunction {
  private static final List<String> COLUMNS =
      List.of("key", "value", "type", "atom", "id", "parent", "fullkey", "path");
  private static final List<String> HIDDEN = List.of("json", "root");

  private final boolean recursive;

  JsonEach(boolean recursive) {
    this.recursive = recursive;
  }

  @Override
  public String name() {
    return recursive ? "json_tree" : "json_each";
  }

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  @Override
  public List<String> hiddenColumns() {
    return HIDDEN;
  }

  /** No argument at all is allowed, as in SQLite: the table is then empty. */
  @Override
  public Arity arity() {
    return Arity.range(0, 2);
  }

  /** An omitted root reads '$', the path the rows were taken from. */
  @Override
  public Value hiddenDefault(int i) {
    return i == 1 ? ROOT : Value.NULL;
  }

  private static final Value ROOT = Value.of("$");

  @Override
  public Cursor open(FunctionContext ctx, Arguments args) {
    List<Row> rows = rows(args);
    return new Cursor() {
      private int at = -1;
      private Value value;

      @Override
      public boolean next() {
        value = null;
        return ++at < rows.size();
      }

      @Override
      public Value column(int i) {
        Row row = rows.get(at);
        if (i == 1 || i == 3) {
          if (i == 3 && row.node.isContainer()) {
            return Value.NULL;
          }
          if (value == null) {
            value = JsonValues.sql(row.node);
          }
          return value;
        }
        return row.column(i);
      }
    };
  }

  /** One row; its value and atom columns are computed only when read. */
  private record Row(Value key, JsonNode node, long id, Value parent, String full, String path) {
    Value column(int i) {
      return switch (i) {
        case 0 -> key;
        case 2 -> Value.of(node.typeName());
        case 4 -> Value.of(id);
        case 5 -> parent;
        case 6 -> Value.of(full);
        default -> Value.of(path);
      };
    }
  }

  private List<Row> rows(Arguments args) {
    List<Row> rows = new ArrayList<>();
    if (args.size() == 0) {
      return rows;
    }
    JsonNode doc = JsonArgs.document(args.get(0));
    String root = args.size() > 1 ? JsonArgs.path(args.get(1)) : "$";
    if (doc == null || root == null) {
      return rows;
    }
    JsonPath p = JsonArgs.lookup(doc, root);
    if (p.status != JsonPath.FOUND) {
      return rows;
    }
    new Walk(rows, new JsonSizes(), recursive).start(doc, p, root);
    return rows;
  }

  /** One scan's row builder. */
  private static final class Walk {
    private final List<Row> rows;
    private final JsonSizes sizes;
    private final boolean recursive;

    Walk(List<Row> rows, JsonSizes sizes, boolean recursive) {
      this.rows = rows;
      this.sizes = sizes;
      this.recursive = recursive;
    }

    void start(JsonNode doc, JsonPath p, String root) {
      JsonNode node = p.node();
      long offset = sizes.offsetOf(doc, p.holder, p.index);
      boolean member = p.holder.kind == JsonNode.OBJECT;
      long id = member ? sizes.offsetOf(doc, p.holder, p.index - 1) : offset;
      if (recursive) {
        int last = rootSplit(doc, root, id);
        add(rootKey(root, last), node, id, Value.NULL, root, root.substring(0, last));
      } else if (!node.isContainer()) {
        // json_each reports a scalar root without a key, under its own path.
        add(Value.NULL, node, id, Value.NULL, root, root);
      }
      if (node.isContainer()) {
        children(node, offset, recursive ? Value.of(id) : Value.NULL, root);
      }
    }

    private void children(JsonNode node, long offset, Value parent, String fullkey) {
      long[] offsets = sizes.itemOffsets(node, offset);
      boolean object = node.kind == JsonNode.OBJECT;
      int step = object ? 2 : 1;
      for (int i = 0; i < node.items.size(); i += step) {
        JsonNode child = node.items.get(i + step - 1);
        Value key;
        String path;
        if (object) {
          JsonNode label = node.items.get(i);
          key = JsonValues.sql(label);
          path = fullkey + labelStep(label.text);
        } else {
          key = Value.of((long) i);
          path = fullkey + "[" + i + "]";
        }
        add(key, child, offsets[i], parent, path, fullkey);
        if (recursive && child.isContainer()) {
          children(child, offsets[i + step - 1], Value.of(offsets[i]), path);
        }
      }
    }

    private void add(Value key, JsonNode node, long id, Value parent, String full, String path) {
      rows.add(new Row(key, node, id, parent, full, path));
    }

    /**
     * Where json_tree's root row splits its path into parent path and key, found as SQLite does:
     * the last '.' or '[' whose prefix names a container whose first item is the root (by byte
     * offset), else the first step.
     */
    private int rootSplit(JsonNode doc, String root, long rootId) {
      int n = root.length();
      while (n > 1) {
        n--;
        char c = root.charAt(n);
        if (c != '[' && c != '.') {
          continue;
        }
        JsonPath prefix = JsonPath.find(doc, root.substring(0, n));
        if (prefix.status != JsonPath.FOUND || !prefix.node().isContainer()) {
          continue;
        }
        JsonNode container = prefix.node();
        long offset = sizes.offsetOf(doc, prefix.holder, prefix.index);
        if (offset + JsonNode.headerSize(sizes.payload(container)) == rootId) {
          break;
        }
      }
      return n;
    }
  }

  /** A label as a path step: {@code .name} for a plain word, else {@code ."label"}. */
  static String labelStep(String label) {
    boolean plain = !label.isEmpty() && Character.isLetter(label.charAt(0))
        && label.charAt(0) < 0x80;
    for (int i = 1; plain && i < label.length(); i++) {
      plain = JsonParser.isAlnum(label.charAt(i));
    }
    return plain ? "." + label : ".\"" + label + "\"";
  }

  /** The key column of the root row: the last step of the root path, or NULL for '$'. */
  private static Value rootKey(String root, int last) {
    if (last >= root.length()) {
      return Value.NULL;
    }
    String step = root.substring(last);
    if (step.startsWith("[")) {
      long n = 0;
      for (int i = 1; i < step.length() && step.charAt(i) >= '0' && step.charAt(i) <= '9'; i++) {
        n = n * 10 + step.charAt(i) - '0';
      }
      return Value.of(n);
    }
    if (step.startsWith(".\"")) {
      return Value.of(step.substring(2, Math.max(2, step.length() - 1)));
    }
    return Value.of(step.substring(1));
  }
}
