/**
 * The plug-in contract of Pagoda: SQL values and their conversions, result codes, and the scalar,
 * aggregate and window functions and collations that a {@link dev.pagoda.spi.FunctionProvider}
 * contributes through {@link java.util.ServiceLoader}.
 */
module dev.pagoda.spi {
  exports dev.pagoda.spi;
}
