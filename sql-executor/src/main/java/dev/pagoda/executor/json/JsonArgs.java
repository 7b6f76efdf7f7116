package dev.pagoda.executor.json;

import dev.pagoda.spi.Conversions;
import dev.pagoda.spi.StorageClass;
import dev.pagoda.spi.Value;
import java.nio.charset.StandardCharsets;

/** Reading function arguments as SQLite's JSON functions read them. */
final class JsonArgs {
  private JsonArgs() {}

  /**
   * A JSON input argument as a document, or null for SQL NULL. Text is parsed (numbers as their
   * text); a BLOB is read as JSONB, except that one that does not even look like JSONB is read
   * as text, as SQLite 3.46+ does for compatibility with older versions.
   */
  static JsonNode document(Value v) {
    if (v.storageClass() == StorageClass.BLOB) {
      byte[] bytes = ((Value.Blob) v).bytes();
      if (!JsonbDecoder.looksLikeJsonb(bytes)) {
        return JsonParser.parse(new String(bytes, StandardCharsets.UTF_8));
      }
      JsonNode node = JsonbDecoder.decode(bytes);
      if (node == null) {
        throw JsonErrors.malformed();
      }
      return node;
    }
    return v.isNull() ? null : JsonParser.parse(Conversions.toText(v));
  }

  /** A path argument's text, or null for SQL NULL. */
  static String path(Value v) {
    return Conversions.toText(v);
  }

  /** Looks {@code path} up in {@code doc}; throws SQLite's error for a path that is not one. */
  static JsonPath lookup(JsonNode doc, String path) {
    if (path.isEmpty() || path.charAt(0) != '$') {
      throw JsonErrors.badPath(path);
    }
    JsonPath p = JsonPath.find(doc, path);
    if (p.status == JsonPath.PATH_ERROR) {
      throw JsonErrors.badPath(path);
    }
    return p;
  }

  /**
   * The path that the right operand of {@code ->} or {@code ->>} stands for: an integer is an
   * array index (negative from the end), a plain word a label, '[...]' an index step; other text
   * not starting with '$' is a quoted label.
   */
  static String abbreviatedPath(Value v, String text) {
    if (text.startsWith("$")) {
      return text;
    }
    if (v.storageClass() == StorageClass.INTEGER) {
      return text.startsWith("-") ? "$[#" + text + "]" : "$[" + text + "]";
    }
    if (isAlphanumeric(text)) {
      return "$." + text;
    }
    if (text.length() >= 3 && text.charAt(0) == '[' && text.endsWith("]")) {
      return "$" + text;
    }
    return "$.\"" + text + "\"";
  }

  private static boolean isAlphanumeric(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(JsonParser.isAlnum(c) || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
