package dev.pagoda.executor.json;

import dev.pagoda.spi.Conversions;
import dev.pagoda.spi.Value;
import java.math.BigInteger;

/** Conversions between SQL values and JSON nodes, with SQLite's rules. */
final class JsonValues {
  private JsonValues() {}

  /**
   * An SQL value as a JSON element of an array or object (SQLite's jsonAppendSqlValue); JSON
   * text from a JSON function is kept verbatim, unparsed, as SQLite appends it.
   */
  static JsonNode element(Value v) {
    if (JsonSubtype.isJson(v)) {
      return JsonNode.scalar(JsonNode.RAW, ((Value.Text) v).value());
    }
    return value(v);
  }

  /** An SQL value as an element of a document being edited: JSON text is parsed. */
  static JsonNode value(Value v) {
    switch (v.storageClass()) {
      case NULL:
        return JsonNode.NULL_NODE;
      case INTEGER:
        return JsonNode.scalar(JsonNode.INT, Long.toString(((Value.Int) v).value()));
      case REAL:
        return real(((Value.Real) v).value());
      case TEXT:
        if (JsonSubtype.isJson(v)) {
          return JsonParser.parse(((Value.Text) v).value());
        }
        return JsonNode.scalar(JsonNode.TEXTRAW, ((Value.Text) v).value());
      default:
        byte[] bytes = ((Value.Blob) v).bytes();
        if (!JsonbDecoder.looksLikeJsonb(bytes)) {
          throw JsonErrors.blob();
        }
        JsonNode node = JsonbDecoder.decode(bytes);
        if (node == null) {
          throw JsonErrors.malformed();
        }
        return node;
    }
  }

  private static JsonNode real(double d) {
    if (Double.isNaN(d)) {
      return JsonNode.NULL_NODE;
    }
    if (Double.isInfinite(d)) {
      return JsonNode.scalar(JsonNode.FLOAT, d > 0 ? "9.0e+999" : "-9.0e+999");
    }
    return JsonNode.scalar(JsonNode.FLOAT, Conversions.formatReal(d));
  }

  /** The result of a JSON function: minified text carrying the JSON subtype. */
  static Value json(JsonNode node) {
    return JsonSubtype.mark(JsonRenderer.minified(node));
  }

  /** A node as json_extract() returns it: SQL scalars, containers as JSON text. */
  static Value sql(JsonNode node) {
    return switch (node.kind) {
      case JsonNode.NULL -> Value.NULL;
      case JsonNode.TRUE -> Value.of(1L);
      case JsonNode.FALSE -> Value.of(0L);
      case JsonNode.INT -> decimal(node.text);
      case JsonNode.INT5 -> hex(node.text);
      case JsonNode.FLOAT, JsonNode.FLOAT5 -> Value.of(toDouble(node.text));
      case JsonNode.TEXT, JsonNode.TEXTRAW -> Value.of(node.text);
      case JsonNode.TEXTJ, JsonNode.TEXT5 -> Value.of(JsonStrings.unescape(node.text));
      default -> json(node);
    };
  }

  /** A real literal's value; "malformed JSON" for a payload that is not a number (JSONB). */
  private static double toDouble(String text) {
    Value v = Conversions.parseNumber(text);
    if (v == null || text.isEmpty() || text.charAt(0) == ' ') {
      throw JsonErrors.malformed();
    }
    return Conversions.toDouble(v);
  }

  private static Value decimal(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    if (start == text.length()) {
      throw JsonErrors.malformed();
    }
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        throw JsonErrors.malformed();
      }
    }
    try {
      return Value.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Value.of(toDouble(text));
    }
  }

  private static Value hex(String text) {
    boolean neg = text.startsWith("-");
    int from = neg ? 3 : 2;
    if (text.length() <= from || !text.regionMatches(true, from - 2, "0x", 0, 2)) {
      throw JsonErrors.malformed();
    }
    String digits = text.substring(from).replaceFirst("^0+", "");
    if (digits.length() > 16 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw JsonErrors.malformed();
    }
    BigInteger mag = digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 16);
    if (mag.bitLength() <= 63) {
      long v = mag.longValue();
      return Value.of(neg ? -v : v);
    }
    double d = mag.doubleValue();
    return Value.of(neg ? -d : d);
  }
}
