/** Conformance tooling: module rules, sqllogictest runner, differential and interop tests. */
module dev.pagoda.conformance {
  requires dev.pagoda.engine;
  requires dev.pagoda.jdbc;

  exports dev.pagoda.conformance;
  exports dev.pagoda.conformance.slt;
}
