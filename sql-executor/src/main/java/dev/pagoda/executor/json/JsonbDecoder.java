package dev.pagoda.executor.json;

import java.nio.charset.StandardCharsets;

/**
 * Reads SQLite's binary JSON (JSONB, SQLite 3.45+), which JSON functions accept wherever they take
 * JSON: each element is a header (type in the low nibble, payload size in the high nibble or in
 * 1, 2, 4 or 8 following bytes) and its payload; containers hold their elements' encodings.
 *
 * <p>The check is structural (sizes nest exactly, types exist, labels are strings, fixed-size
 * elements are empty); number and string payloads are not re-validated, which SQLite leaves to
 * json_valid(X, 8).
 */
final class JsonbDecoder {
  private final byte[] b;

  private JsonbDecoder(byte[] bytes) {
    this.b = bytes;
  }

  /** The document, or null when the blob is not well-formed JSONB. */
  static JsonNode decode(byte[] bytes) {
    if (bytes.length == 0) {
      return null;
    }
    JsonbDecoder d = new JsonbDecoder(bytes);
    long[] end = new long[1];
    JsonNode node = d.element(0, bytes.length, end, 0);
    return node != null && end[0] == bytes.length ? node : null;
  }

  /**
   * SQLite's quick test of whether a blob is meant as JSONB: its first header names a type and
   * a payload size that ends exactly at the end of the blob. A blob failing it is not JSONB at
   * all; one passing it but not {@link #decode}-able is malformed JSONB.
   */
  static boolean looksLikeJsonb(byte[] b) {
    if (b.length == 0 || (b[0] & 0x0f) > JsonNode.OBJECT) {
      return false;
    }
    int code = (b[0] >> 4) & 0x0f;
    int headerLen = code <= 11 ? 1 : code == 12 ? 2 : code == 13 ? 3 : code == 14 ? 5 : 9;
    if (headerLen > b.length) {
      return false;
    }
    long size = code <= 11 ? code : 0;
    for (int k = 1; k < headerLen; k++) {
      size = (size << 8) | (b[k] & 0xff);
    }
    return size >= 0 && headerLen + size == b.length
        && ((b[0] & 0x0f) > JsonNode.FALSE || size == 0);
  }

  /** Decodes the element at {@code i} that must end by {@code limit}; sets end[0]. */
  private JsonNode element(int i, int limit, long[] end, int depth) {
    if (i >= limit || depth > JsonParser.MAX_DEPTH) {
      return null;
    }
    int type = b[i] & 0x0f;
    int code = (b[i] >> 4) & 0x0f;
    int headerLen = code <= 11 ? 1 : code == 12 ? 2 : code == 13 ? 3 : code == 14 ? 5 : 9;
    if (i + headerLen > limit || type > JsonNode.OBJECT) {
      return null;
    }
    long size = code <= 11 ? code : 0;
    for (int k = 1; k < headerLen; k++) {
      size = (size << 8) | (b[i + k] & 0xff);
    }
    long start = (long) i + headerLen;
    if (size < 0 || start + size > limit) {
      return null;
    }
    end[0] = start + size;
    if (type <= JsonNode.FALSE) {
      return size == 0 ? JsonNode.scalar(type, null) : null;
    }
    if (type < JsonNode.ARRAY) {
      String text = new String(b, (int) start, (int) size, StandardCharsets.UTF_8);
      // Like SQLite, keep a number's payload unchecked: json() renders it as it is.
      return size == 0 && type < JsonNode.TEXT ? null : JsonNode.scalar(type, text);
    }
    return container(type, (int) start, (int) (start + size), end, depth);
  }

  private JsonNode container(int type, int from, int to, long[] end, int depth) {
    JsonNode node = type == JsonNode.ARRAY ? JsonNode.array() : JsonNode.object();
    int j = from;
    long[] sub = new long[1];
    while (j < to) {
      JsonNode child = element(j, to, sub, depth + 1);
      if (child == null) {
        return null;
      }
      boolean isLabel = type == JsonNode.OBJECT && node.items.size() % 2 == 0;
      if (isLabel && !child.isString()) {
        return null;
      }
      node.items.add(child);
      j = (int) sub[0];
    }
    if (type == JsonNode.OBJECT && node.items.size() % 2 != 0) {
      return null;
    }
    end[0] = to;
    return node;
  }
}
