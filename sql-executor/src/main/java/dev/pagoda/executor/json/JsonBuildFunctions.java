package dev.pagoda.executor.json;

import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.Arity;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.StorageClass;
import dev.pagoda.spi.Value;
import java.util.List;

/**
 * The JSON functions that build or change a document: json_array, json_object, json_quote,
 * json_insert, json_replace, json_set, json_remove and json_patch.
 */
final class JsonBuildFunctions {
  private JsonBuildFunctions() {}

  static List<ScalarFunction> all() {
    return List.of(
        ScalarFunction.of("json_array", Arity.atLeast(0), JsonBuildFunctions::array),
        ScalarFunction.of("json_object", Arity.atLeast(0), JsonBuildFunctions::object),
        ScalarFunction.of("json_quote", Arity.exactly(1),
            (c, a) -> JsonValues.json(JsonValues.element(a.get(0)))),
        editor("json_insert", JsonPath.INS),
        editor("json_replace", JsonPath.REPL),
        editor("json_set", JsonPath.SET),
        ScalarFunction.of("json_remove", Arity.atLeast(1), JsonBuildFunctions::remove),
        ScalarFunction.of("json_patch", Arity.exactly(2), JsonBuildFunctions::patch));
  }

  private static Value array(FunctionContext ctx, Arguments args) {
    JsonNode out = JsonNode.array();
    for (int i = 0; i < args.size(); i++) {
      out.items.add(JsonValues.element(args.get(i)));
    }
    return JsonValues.json(out);
  }

  private static Value object(FunctionContext ctx, Arguments args) {
    if (args.size() % 2 != 0) {
      throw SqlException.error("json_object() requires an even number of arguments");
    }
    JsonNode out = JsonNode.object();
    for (int i = 0; i < args.size(); i += 2) {
      if (args.type(i) != StorageClass.TEXT) {
        throw SqlException.error("json_object() labels must be TEXT");
      }
      out.items.add(JsonNode.scalar(JsonNode.TEXTRAW, args.getText(i)));
      out.items.add(JsonValues.element(args.get(i + 1)));
    }
    return JsonValues.json(out);
  }

  private static ScalarFunction editor(String name, int edit) {
    return ScalarFunction.of(name, Arity.atLeast(1), (ctx, args) -> edit(name, edit, args));
  }

  /** json_insert/json_replace/json_set: (X, path, value, path, value...). */
  private static Value edit(String name, int edit, Arguments args) {
    if (args.size() % 2 == 0) {
      throw SqlException.error(name + "() needs an odd number of arguments");
    }
    JsonNode doc = JsonArgs.document(args.get(0));
    if (doc == null) {
      return Value.NULL;
    }
    JsonNode wrapper = JsonPath.wrap(doc.copy());
    for (int i = 1; i < args.size(); i += 2) {
      String path = JsonArgs.path(args.get(i));
      if (path == null) {
        continue;
      }
      if (path.isEmpty() || path.charAt(0) != '$') {
        throw JsonErrors.badPath(path);
      }
      JsonNode value = JsonValues.value(args.get(i + 1));
      if (path.length() == 1) {
        if (edit != JsonPath.INS) {
          wrapper.items.set(0, value.copy());
        }
        continue;
      }
      if (JsonPath.edit(wrapper, path, edit, value) == JsonPath.PATH_ERROR) {
        throw JsonErrors.badPath(path);
      }
    }
    JsonNode result = wrapper.items.get(0);
    if (result.depth() > JsonParser.MAX_DEPTH) {
      throw SqlException.error("JSON nested too deep");
    }
    return JsonValues.json(result);
  }

  private static Value remove(FunctionContext ctx, Arguments args) {
    JsonNode doc = JsonArgs.document(args.get(0));
    if (doc == null) {
      return Value.NULL;
    }
    JsonNode wrapper = JsonPath.wrap(doc.copy());
    for (int i = 1; i < args.size(); i++) {
      String path = JsonArgs.path(args.get(i));
      if (path == null) {
        return Value.NULL;
      }
      if (path.isEmpty() || path.charAt(0) != '$') {
        throw JsonErrors.badPath(path);
      }
      if (path.length() == 1) {
        return Value.NULL;
      }
      if (JsonPath.edit(wrapper, path, JsonPath.DEL, null) == JsonPath.PATH_ERROR) {
        throw JsonErrors.badPath(path);
      }
    }
    return JsonValues.json(wrapper.items.get(0));
  }

  private static Value patch(FunctionContext ctx, Arguments args) {
    JsonNode target = JsonArgs.document(args.get(0));
    JsonNode patch = JsonArgs.document(args.get(1));
    if (target == null || patch == null) {
      return Value.NULL;
    }
    return JsonValues.json(merge(target.copy(), patch));
  }

  /** RFC 7396 merge patch, as SQLite applies it (the first of duplicate labels is patched). */
  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (patch.kind != JsonNode.OBJECT) {
      return patch.copy();
    }
    JsonNode out = target.kind == JsonNode.OBJECT ? target : JsonNode.object();
    List<JsonNode> p = patch.items;
    for (int i = 0; i < p.size(); i += 2) {
      JsonNode label = p.get(i);
      JsonNode value = p.get(i + 1);
      int at = find(out, label);
      if (at < 0) {
        if (value.kind != JsonNode.NULL) {
          out.items.add(label);
          out.items.add(merge(JsonNode.NULL_NODE, value));
        }
      } else if (value.kind == JsonNode.NULL) {
        out.items.remove(at + 1);
        out.items.remove(at);
      } else {
        out.items.set(at + 1, merge(out.items.get(at + 1), value));
      }
    }
    return out;
  }

  private static int find(JsonNode obj, JsonNode label) {
    boolean raw = label.kind == JsonNode.TEXT || label.kind == JsonNode.TEXTRAW;
    String key = raw ? label.text : JsonStrings.unescape(label.text);
    for (int j = 0; j < obj.items.size(); j += 2) {
      if (JsonStrings.labelEquals(obj.items.get(j), key, true)) {
        return j;
      }
    }
    return -1;
  }
}
