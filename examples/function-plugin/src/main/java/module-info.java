/**
 * An example Pagoda plug-in: the {@code regexp()} function (so {@code x REGEXP y} works) and the
 * {@code natsort} collation. It needs nothing of Pagoda but the plug-in contract.
 */
module com.example.pagoda.plugin {
  requires dev.pagoda.spi;

  provides dev.pagoda.spi.FunctionProvider with com.example.pagoda.plugin.ExampleFunctions;
}
