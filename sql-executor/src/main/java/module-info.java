/** Runs physical plans: record codec, expression evaluators, operators over B-tree cursors. */
module dev.pagoda.executor {
  requires transitive dev.pagoda.planner;
  requires transitive dev.pagoda.spi;
  requires transitive dev.pagoda.btree;

  exports dev.pagoda.executor;

  provides dev.pagoda.spi.FunctionProvider with
      dev.pagoda.executor.BuiltinFunctions,
      dev.pagoda.executor.WindowFunctions,
      dev.pagoda.executor.datetime.DateTimeFunctions,
      dev.pagoda.executor.json.JsonFunctions,
      dev.pagoda.executor.math.MathFunctions,
      dev.pagoda.executor.math.ExtraStringFunctions;
}
