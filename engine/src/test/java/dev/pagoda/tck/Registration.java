package dev.pagoda.tck;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.pagoda.spi.FunctionProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.DynamicNode;

/** The checks that the engine will find the provider: ServiceLoader, services file, module-info. */
final class Registration {
  static final String SERVICES = "META-INF/services/" + FunctionProvider.class.getName();

  private Registration() {}

  static Stream<DynamicNode> all(Class<? extends FunctionProvider> type) {
    return Stream.of(
        dynamicTest("ServiceLoader.load(FunctionProvider.class) finds it", () -> loaded(type)),
        dynamicTest("a " + SERVICES + " file names it (class path)", () -> servicesFile(type)),
        dynamicTest("module-info, where there is one, provides it (module path)",
            () -> moduleInfo(type)));
  }

  private static void loaded(Class<? extends FunctionProvider> type) {
    boolean found = ServiceLoader.load(FunctionProvider.class).stream()
        .anyMatch(p -> p.type().equals(type));
    assertTrue(found, () -> "ServiceLoader does not find " + type.getName());
  }

  private static void servicesFile(Class<?> type) throws IOException {
    ClassLoader loader = type.getClassLoader();
    Enumeration<URL> files = loader.getResources(SERVICES);
    while (files.hasMoreElements()) {
      if (names(files.nextElement(), type.getName())) {
        return;
      }
    }
    throw new AssertionError("no " + SERVICES + " on the class path lists " + type.getName());
  }

  /** Whether the services file at {@code url} lists {@code className}. */
  private static boolean names(URL url, String className) throws IOException {
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        int hash = line.indexOf('#');
        String entry = (hash < 0 ? line : line.substring(0, hash)).strip();
        if (entry.equals(className)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * When the provider's classes come with a module-info.class (a directory or jar), it must
   * declare {@code provides dev.pagoda.spi.FunctionProvider with} the provider, or the provider
   * is invisible on the module path.
   */
  private static void moduleInfo(Class<?> type) throws IOException, URISyntaxException {
    ModuleDescriptor d = descriptor(type);
    if (d == null) {
      return;
    }
    boolean provides = d.provides().stream()
        .anyMatch(p -> p.service().equals(FunctionProvider.class.getName())
            && p.providers().contains(type.getName()));
    assertTrue(provides, () -> "module " + d.name() + " does not declare: provides "
        + FunctionProvider.class.getName() + " with " + type.getName());
  }

  /** The module descriptor beside {@code type}'s classes, or null when there is none. */
  private static ModuleDescriptor descriptor(Class<?> type) throws IOException, URISyntaxException {
    if (type.getProtectionDomain().getCodeSource() == null) {
      return null;
    }
    Path where = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(where)) {
      Path info = where.resolve("module-info.class");
      if (!Files.exists(info)) {
        return null;
      }
      try (InputStream in = Files.newInputStream(info)) {
        return ModuleDescriptor.read(in);
      }
    }
    try (JarFile jar = new JarFile(where.toFile())) {
      ZipEntry info = jar.getEntry("module-info.class");
      if (info == null) {
        return null;
      }
      try (InputStream in = jar.getInputStream(info)) {
        return ModuleDescriptor.read(in);
      }
    }
  }
}
