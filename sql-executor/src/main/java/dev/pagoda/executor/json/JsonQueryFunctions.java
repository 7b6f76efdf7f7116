package dev.pagoda.executor.json;

import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.Arity;
import dev.pagoda.spi.Conversions;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.StorageClass;
import dev.pagoda.spi.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The JSON functions that read a document: json, json_valid, json_extract, ->, ->>, etc. */
final class JsonQueryFunctions {
  private JsonQueryFunctions() {}

  static List<ScalarFunction> all() {
    return List.of(
        ScalarFunction.of("json", Arity.exactly(1), JsonQueryFunctions::json),
        ScalarFunction.of("json_valid", Arity.range(1, 2), JsonQueryFunctions::valid),
        ScalarFunction.of("json_extract", Arity.atLeast(1), JsonQueryFunctions::extract),
        ScalarFunction.of("->", Arity.exactly(2), (c, a) -> arrow(a, true)),
        ScalarFunction.of("->>", Arity.exactly(2), (c, a) -> arrow(a, false)),
        ScalarFunction.of("json_type", Arity.range(1, 2), JsonQueryFunctions::type),
        ScalarFunction.of("json_array_length", Arity.range(1, 2), JsonQueryFunctions::length),
        ScalarFunction.of("json_error_position", Arity.exactly(1),
            JsonQueryFunctions::errorPosition),
        ScalarFunction.of("json_pretty", Arity.range(1, 2), JsonQueryFunctions::pretty));
  }

  private static Value json(FunctionContext ctx, Arguments args) {
    JsonNode doc = JsonArgs.document(args.get(0));
    return doc == null ? Value.NULL : JsonValues.json(doc);
  }

  private static Value valid(FunctionContext ctx, Arguments args) {
    long flags = 1;
    if (args.size() == 2) {
      flags = args.getLong(1);
      if (flags < 1 || flags > 15) {
        throw SqlException.error("FLAGS parameter to json_valid() must be between 1 and 15");
      }
    }
    Value v = args.get(0);
    if (v.isNull()) {
      return Value.NULL;
    }
    String text;
    if (v.storageClass() == StorageClass.BLOB) {
      byte[] bytes = ((Value.Blob) v).bytes();
      if (JsonbDecoder.looksLikeJsonb(bytes)) {
        boolean ok = (flags & 0x04) != 0 || (flags & 0x08) != 0 && JsonbDecoder.decode(bytes) != null;
        return Value.of(ok ? 1L : 0L);
      }
      text = new String(bytes, StandardCharsets.UTF_8);
    } else {
      text = Conversions.toText(v);
    }
    if ((flags & 0x03) == 0) {
      return Value.of(0L);
    }
    JsonParser p = JsonParser.check(text);
    boolean ok = p.result() != null && ((flags & 0x02) != 0 || !p.isNonStandard());
    return Value.of(ok ? 1L : 0L);
  }

  private static Value extract(FunctionContext ctx, Arguments args) {
    if (args.size() < 2) {
      return Value.NULL;
    }
    JsonNode doc = JsonArgs.document(args.get(0));
    if (doc == null) {
      return Value.NULL;
    }
    if (args.size() == 2) {
      String path = JsonArgs.path(args.get(1));
      if (path == null) {
        return Value.NULL;
      }
      JsonPath p = JsonArgs.lookup(doc, path);
      return p.status == JsonPath.FOUND ? JsonValues.sql(p.node()) : Value.NULL;
    }
    JsonNode out = JsonNode.array();
    for (int i = 1; i < args.size(); i++) {
      String path = JsonArgs.path(args.get(i));
      if (path == null) {
        return Value.NULL;
      }
      JsonPath p = JsonArgs.lookup(doc, path);
      out.items.add(p.status == JsonPath.FOUND ? p.node() : JsonNode.NULL_NODE);
    }
    return JsonValues.json(out);
  }

  /** {@code X -> P} (JSON text) and {@code X ->> P} (an SQL value). */
  private static Value arrow(Arguments args, boolean asJson) {
    JsonNode doc = JsonArgs.document(args.get(0));
    String text = JsonArgs.path(args.get(1));
    if (doc == null || text == null) {
      return Value.NULL;
    }
    String path = JsonArgs.abbreviatedPath(args.get(1), text);
    JsonPath p = JsonPath.find(doc, path);
    if (p.status == JsonPath.PATH_ERROR) {
      throw JsonErrors.badPath(text);
    }
    if (p.status != JsonPath.FOUND) {
      return Value.NULL;
    }
    if (asJson) {
      return JsonValues.json(p.node());
    }
    JsonNode node = p.node();
    return node.isContainer() ? Value.of(JsonRenderer.minified(node)) : JsonValues.sql(node);
  }

  /** The element at the optional path argument, or null (for a NULL result). */
  private static JsonNode target(Arguments args) {
    JsonNode doc = JsonArgs.document(args.get(0));
    if (doc == null) {
      return null;
    }
    if (args.size() < 2) {
      return doc;
    }
    String path = JsonArgs.path(args.get(1));
    if (path == null) {
      return null;
    }
    JsonPath p = JsonArgs.lookup(doc, path);
    return p.status == JsonPath.FOUND ? p.node() : null;
  }

  private static Value type(FunctionContext ctx, Arguments args) {
    JsonNode node = target(args);
    return node == null ? Value.NULL : Value.of(node.typeName());
  }

  private static Value length(FunctionContext ctx, Arguments args) {
    JsonNode node = target(args);
    if (node == null) {
      return Value.NULL;
    }
    return Value.of(node.kind == JsonNode.ARRAY ? (long) node.items.size() : 0L);
  }

  private static Value errorPosition(FunctionContext ctx, Arguments args) {
    Value v = args.get(0);
    if (v.isNull()) {
      return Value.NULL;
    }
    if (v.storageClass() == StorageClass.BLOB) {
      byte[] bytes = ((Value.Blob) v).bytes();
      if (JsonbDecoder.looksLikeJsonb(bytes)) {
        // SQLite gives the byte position of the first defect; we only tell whether there is one.
        return Value.of(JsonbDecoder.decode(bytes) != null ? 0L : 1L);
      }
      return Value.of(JsonParser.check(new String(bytes, StandardCharsets.UTF_8)).errorPosition());
    }
    return Value.of(JsonParser.check(Conversions.toText(v)).errorPosition());
  }

  private static Value pretty(FunctionContext ctx, Arguments args) {
    JsonNode doc = JsonArgs.document(args.get(0));
    if (doc == null) {
      return Value.NULL;
    }
    String indent = args.size() < 2 ? null : args.getText(1);
    return Value.of(JsonRenderer.pretty(doc, indent == null ? "    " : indent));
  }
}
