/** The {@code pagoda} command-line shell. */
module dev.pagoda.shell {
  requires dev.pagoda.engine;
  requires org.jline.reader;
  requires org.jline.terminal;

  exports dev.pagoda.shell;
}
