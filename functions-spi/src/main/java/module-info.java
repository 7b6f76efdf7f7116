/** The plug-in contract of Pagoda: SQL values, result codes, and (later) functions and collations. */
module dev.pagoda.spi {
  exports dev.pagoda.spi;
}
