/** Binds parsed statements against a catalog and emits immutable physical plans. */
module dev.pagoda.planner {
  requires transitive dev.pagoda.parser;
  requires transitive dev.pagoda.spi;

  exports dev.pagoda.planner;
  exports dev.pagoda.planner.plan;

  uses dev.pagoda.planner.AccessPathRule;
  uses dev.pagoda.spi.FunctionProvider;
}
