package dev.pagoda.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The driver's version, from {@code version.properties} beside this class (Maven writes the project
 * version into it), so it never drifts from the build.
 */
final class DriverVersion {
  /** The full version, e.g. {@code 0.1.0-SNAPSHOT}; {@code 0.0.0} when the resource is missing. */
  static final String VERSION = load();

  static final int MAJOR = number(VERSION, 0);
  static final int MINOR = number(VERSION, 1);

  /** The JDBC version this driver implements. */
  static final int JDBC_MAJOR = 4;

  static final int JDBC_MINOR = 3;

  private DriverVersion() {}

  private static String load() {
    try (InputStream in = DriverVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "0.0.0";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "0.0.0");
      return version.startsWith("${") ? "0.0.0" : version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code index}th number of {@code version} ({@code 3.46.1}: 3, 46, 1), or 0. */
  static int number(String version, int index) {
    String[] parts = version.split("[.-]", -1);
    if (index >= parts.length) {
      return 0;
    }
    try {
      return Integer.parseInt(parts[index]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
