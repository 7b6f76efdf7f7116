/** The {@code pagoda} command-line shell. */
module dev.pagoda.shell {
  requires dev.pagoda.engine;

  exports dev.pagoda.shell;
}
