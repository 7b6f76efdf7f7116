package dev.pagoda.executor.json;

import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.Arity;
import dev.pagoda.spi.Conversions;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.Value;
import dev.pagoda.spi.WindowFunction;
import java.util.ArrayDeque;

/**
 * json_group_array(X) and json_group_object(K, V), usable as window functions: the frame's rows
 * are kept as JSON elements, so {@code inverse} drops the oldest as SQLite's does.
 */
final class JsonGroupFunctions implements WindowFunction {
  private final boolean object;

  private JsonGroupFunctions(boolean object) {
    this.object = object;
  }

  static JsonGroupFunctions array() {
    return new JsonGroupFunctions(false);
  }

  static JsonGroupFunctions object() {
    return new JsonGroupFunctions(true);
  }

  @Override
  public String name() {
    return object ? "json_group_object" : "json_group_array";
  }

  @Override
  public Arity arity() {
    return Arity.exactly(object ? 2 : 1);
  }

  @Override
  public WindowAccumulator newAccumulator(FunctionContext ctx) {
    return new Group(object);
  }

  /** The rows of one group or frame, as label/value elements in order. */
  private static final class Group implements WindowAccumulator {
    private final boolean object;
    private final ArrayDeque<JsonNode> items = new ArrayDeque<>();

    Group(boolean object) {
      this.object = object;
    }

    @Override
    public void step(Arguments args) {
      if (object) {
        if (args.isNull(0)) {
          return;
        }
        items.add(JsonNode.scalar(JsonNode.TEXTRAW, Conversions.toText(args.get(0))));
        items.add(JsonValues.element(args.get(1)));
      } else {
        items.add(JsonValues.element(args.get(0)));
      }
    }

    @Override
    public void inverse(Arguments args) {
      if (object && args.isNull(0)) {
        return;
      }
      items.pollFirst();
      if (object) {
        items.pollFirst();
      }
    }

    @Override
    public Value value() {
      JsonNode out = object ? JsonNode.object() : JsonNode.array();
      out.items.addAll(items);
      return JsonValues.json(out);
    }

    @Override
    public Value finish() {
      return value();
    }
  }
}
