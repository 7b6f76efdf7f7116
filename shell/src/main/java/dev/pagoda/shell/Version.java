package dev.pagoda.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The shell's version, from {@code version.properties} beside this class (Maven fills it in). */
final class Version {
  /** The full version, e.g. {@code 0.1.0-SNAPSHOT}; {@code 0.0.0} when the resource is missing. */
  static final String VERSION = load();

  private Version() {}

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
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
}
