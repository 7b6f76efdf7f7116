/**
 * An example {@link dev.pagoda.spi.FunctionProvider}: {@link
 * com.example.pagoda.plugin.ExampleFunctions} bundles {@link com.example.pagoda.plugin.Regexp}
 * and {@link com.example.pagoda.plugin.NaturalOrder}.
 */
package com.example.pagoda.plugin;
