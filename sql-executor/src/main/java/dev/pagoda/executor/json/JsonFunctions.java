package dev.pagoda.executor.json;

import dev.pagoda.spi.AggregateFunction;
import dev.pagoda.spi.FunctionProvider;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.TableFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's JSON functions (json1, as of SQLite 3.46): json, json_valid, json_extract and the
 * {@code ->} / {@code ->>} operators (as scalar functions of those names), json_type,
 * json_array_length, json_error_position, json_pretty, json_array, json_object, json_quote,
 * json_insert, json_replace, json_set, json_remove, json_patch; the aggregates json_group_array
 * and json_group_object (also as window functions); and the table functions json_each and
 * json_tree.
 *
 * <p>Input is JSON text (with SQLite's JSON5 extensions) or JSONB blobs; output is SQLite's
 * minified text. Results carry the JSON subtype as described in {@link JsonSubtype}.
 */
public final class JsonFunctions implements FunctionProvider {
  /** Creates the provider (for {@link java.util.ServiceLoader}). */
  public JsonFunctions() {}

  @Override
  public List<ScalarFunction> scalarFunctions() {
    List<ScalarFunction> all = new ArrayList<>(JsonQueryFunctions.all());
    all.addAll(JsonBuildFunctions.all());
    return List.copyOf(all);
  }

  @Override
  public List<AggregateFunction> aggregateFunctions() {
    return List.of(JsonGroupFunctions.array(), JsonGroupFunctions.object());
  }

  @Override
  public List<TableFunction> tableFunctions() {
    return List.of(new JsonEach(false), new JsonEach(true));
  }
}
