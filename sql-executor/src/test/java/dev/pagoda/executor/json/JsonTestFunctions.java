package dev.pagoda.executor.json;

import dev.pagoda.spi.AggregateFunction;
import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.TableFunction;
import dev.pagoda.spi.Value;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Calls the provider's functions directly, as the executor would. */
final class JsonTestFunctions {
  static final JsonFunctions PROVIDER = new JsonFunctions();

  /** A context for direct calls. */
  static final FunctionContext CTX = FunctionContext.detached(Instant.EPOCH, ZoneId.of("UTC"));


  private JsonTestFunctions() {}

  static ScalarFunction scalar(String name, int argc) {
    for (ScalarFunction f : PROVIDER.scalarFunctions()) {
      if (f.name().equalsIgnoreCase(name) && f.arity().accepts(argc)) {
        return f;
      }
    }
    throw new AssertionError("no function " + name + "/" + argc);
  }

  static Value call(String name, Value... args) {
    return scalar(name, args.length).call(CTX, Arguments.of(args));
  }

  static AggregateFunction aggregate(String name) {
    for (AggregateFunction f : PROVIDER.aggregateFunctions()) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new AssertionError("no aggregate " + name);
  }

  static TableFunction table(String name) {
    for (TableFunction f : PROVIDER.tableFunctions()) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new AssertionError("no table function " + name);
  }

  /** All rows of a table function call, visible columns only. */
  static List<List<Value>> rows(String name, Value... args) {
    TableFunction f = table(name);
    TableFunction.Cursor c = f.open(CTX, Arguments.of(args));
    List<List<Value>> out = new ArrayList<>();
    while (c.next()) {
      List<Value> row = new ArrayList<>();
      for (int i = 0; i < f.columns().size(); i++) {
        row.add(c.column(i));
      }
      out.add(row);
    }
    return out;
  }
}
