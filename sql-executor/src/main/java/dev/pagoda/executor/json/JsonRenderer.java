package dev.pagoda.executor.json;

import java.util.List;

/** Writes a {@link JsonNode} tree as SQLite writes JSON text: minified, or json_pretty's form. */
final class JsonRenderer {
  private JsonRenderer() {}

  /** The minified text, as json() returns it. */
  static String minified(JsonNode node) {
    StringBuilder out = new StringBuilder();
    append(out, node);
    return out.toString();
  }

  static void append(StringBuilder out, JsonNode node) {
    switch (node.kind) {
      case JsonNode.ARRAY -> {
        out.append('[');
        List<JsonNode> items = node.items;
        for (int i = 0; i < items.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          append(out, items.get(i));
        }
        out.append(']');
      }
      case JsonNode.OBJECT -> {
        out.append('{');
        List<JsonNode> items = node.items;
        for (int i = 0; i < items.size(); i += 2) {
          if (i > 0) {
            out.append(',');
          }
          append(out, items.get(i));
          out.append(':');
          append(out, items.get(i + 1));
        }
        out.append('}');
      }
      default -> appendScalar(out, node);
    }
  }

  private static void appendScalar(StringBuilder out, JsonNode node) {
    switch (node.kind) {
      case JsonNode.NULL -> out.append("null");
      case JsonNode.TRUE -> out.append("true");
      case JsonNode.FALSE -> out.append("false");
      case JsonNode.INT, JsonNode.FLOAT, JsonNode.RAW -> out.append(node.text);
      case JsonNode.INT5 -> out.append(JsonNumbers.renderHex(node.text));
      case JsonNode.FLOAT5 -> out.append(JsonNumbers.renderFloat5(node.text));
      case JsonNode.TEXT, JsonNode.TEXTJ -> out.append('"').append(node.text).append('"');
      case JsonNode.TEXT5 -> JsonStrings.appendText5(out, node.text);
      default -> JsonStrings.appendQuoted(out, node.text);
    }
  }

  /** json_pretty's text: one element per line, each level indented by {@code indent}. */
  static String pretty(JsonNode node, String indent) {
    StringBuilder out = new StringBuilder();
    appendPretty(out, node, indent, 0);
    return out.toString();
  }

  private static void appendPretty(StringBuilder out, JsonNode node, String indent, int level) {
    if (!node.isContainer() || node.items.isEmpty()) {
      append(out, node);
      return;
    }
    boolean object = node.kind == JsonNode.OBJECT;
    out.append(object ? '{' : '[').append('\n');
    int step = object ? 2 : 1;
    for (int i = 0; i < node.items.size(); i += step) {
      if (i > 0) {
        out.append(",\n");
      }
      out.append(indent.repeat(level + 1));
      if (object) {
        append(out, node.items.get(i));
        out.append(": ");
      }
      appendPretty(out, node.items.get(i + step - 1), indent, level + 1);
    }
    out.append('\n').append(indent.repeat(level)).append(object ? '}' : ']');
  }
}
