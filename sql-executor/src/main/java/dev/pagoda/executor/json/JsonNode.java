package dev.pagoda.executor.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of a parsed JSON document, mirroring SQLite's JSONB element kinds so that rendering
 * and the {@code id} column of json_each come out as SQLite's do.
 *
 * <p>Scalars keep their text as written: a number's literal ({@code 2.50}, {@code 0x1F}) and a
 * string's characters between the quotes with its escapes untouched ({@code \u0041} renders back
 * as written). An array's {@link #items} are its elements; an object's are its labels and values
 * alternating (label, value, label, value...), labels being string nodes.
 */
final class JsonNode {
  /** SQLite's JSONB element types, numbered as the JSONB format numbers them. */
  static final int NULL = 0;
  static final int TRUE = 1;
  static final int FALSE = 2;
  /** A decimal integer literal. */
  static final int INT = 3;
  /** A JSON5 integer: hexadecimal, perhaps signed. */
  static final int INT5 = 4;
  static final int FLOAT = 5;
  /** A JSON5 real: a point without digits on one side, or a leading '+'. */
  static final int FLOAT5 = 6;
  /** A string needing no escapes. */
  static final int TEXT = 7;
  /** A string holding only RFC 8259 escapes. */
  static final int TEXTJ = 8;
  /** A string holding JSON5 escapes or characters that must be escaped on output. */
  static final int TEXT5 = 9;
  /** A string of raw characters (from SQL text) that rendering must escape. */
  static final int TEXTRAW = 10;
  static final int ARRAY = 11;
  static final int OBJECT = 12;
  /**
   * Not a JSONB type: JSON text from another JSON function's result, embedded verbatim by the
   * functions that build arrays and objects (as SQLite appends such text without re-parsing).
   */
  static final int RAW = 13;

  static final JsonNode NULL_NODE = new JsonNode(NULL, null);
  static final JsonNode TRUE_NODE = new JsonNode(TRUE, null);
  static final JsonNode FALSE_NODE = new JsonNode(FALSE, null);

  final int kind;
  /** A scalar's stored text (for strings, what lies between the quotes); null for others. */
  final String text;
  /** The children of an array or object; null for scalars. */
  final List<JsonNode> items;

  private JsonNode(int kind, String text) {
    this.kind = kind;
    this.text = text;
    this.items = kind == ARRAY || kind == OBJECT ? new ArrayList<>() : null;
  }

  static JsonNode scalar(int kind, String text) {
    return switch (kind) {
      case NULL -> NULL_NODE;
      case TRUE -> TRUE_NODE;
      case FALSE -> FALSE_NODE;
      default -> new JsonNode(kind, text);
    };
  }

  static JsonNode array() {
    return new JsonNode(ARRAY, null);
  }

  static JsonNode object() {
    return new JsonNode(OBJECT, null);
  }

  boolean isContainer() {
    return kind == ARRAY || kind == OBJECT;
  }

  boolean isString() {
    return kind >= TEXT && kind <= TEXTRAW;
  }

  /** A deep copy, so that an edit of the copy leaves this node as it was. */
  JsonNode copy() {
    if (!isContainer()) {
      return this;
    }
    JsonNode c = new JsonNode(kind, null);
    for (JsonNode item : items) {
      c.items.add(item.copy());
    }
    return c;
  }

  /** How deeply containers nest in this node: 0 for a scalar, 1 for [1]. */
  int depth() {
    if (!isContainer()) {
      return 0;
    }
    int max = 0;
    for (JsonNode item : items) {
      max = Math.max(max, item.depth());
    }
    return max + 1;
  }

  /** The number of elements (arrays) or label/value pairs (objects). */
  int count() {
    return kind == OBJECT ? items.size() / 2 : items.size();
  }

  /** The size in bytes of this node's JSONB payload (everything after its header). */
  long payloadSize() {
    if (!isContainer()) {
      return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
    long sum = 0;
    for (JsonNode item : items) {
      sum += item.blobSize();
    }
    return sum;
  }

  /** The size of this node's whole JSONB encoding, header included. */
  long blobSize() {
    long payload = payloadSize();
    return headerSize(payload) + payload;
  }

  /** The shortest JSONB header for a payload of {@code payload} bytes, as SQLite writes it. */
  static int headerSize(long payload) {
    if (payload <= 11) {
      return 1;
    } else if (payload <= 0xff) {
      return 2;
    } else if (payload <= 0xffff) {
      return 3;
    } else if (payload <= 0xffffffffL) {
      return 5;
    }
    return 9;
  }

  /** The name json_type() gives this node's kind. */
  String typeName() {
    return switch (kind) {
      case NULL -> "null";
      case TRUE -> "true";
      case FALSE -> "false";
      case INT, INT5 -> "integer";
      case FLOAT, FLOAT5 -> "real";
      case ARRAY -> "array";
      case OBJECT -> "object";
      default -> "text";
    };
  }
}
