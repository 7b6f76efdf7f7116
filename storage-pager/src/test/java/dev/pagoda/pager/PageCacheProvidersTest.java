package dev.pagoda.pager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PageCacheProvidersTest {
  /** A provider with a settable name, for registry tests. */
  static class Named implements PageCacheProvider {
    private final String name;

    Named(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public PageCache create(int pageSize, int capacity) {
      throw new UnsupportedOperationException();
    }
  }

  /** A second class, so that a duplicate name comes from two classes. */
  static final class OtherNamed extends Named {
    OtherNamed(String name) {
      super(name);
    }
  }

  private static String read(String path) throws IOException {
    return Files.readString(Path.of(path), StandardCharsets.UTF_8);
  }

  /** The provider classes that module-info.java declares with "provides PageCacheProvider with". */
  private static List<String> moduleInfoProviders() throws IOException {
    String info = read("src/main/java/module-info.java");
    Matcher m = Pattern.compile("provides\\s+dev\\.pagoda\\.pager\\.PageCacheProvider\\s+with\\s+([^;]+);")
        .matcher(info);
    assertTrue(m.find(), "module-info.java provides dev.pagoda.pager.PageCacheProvider");
    return Arrays.stream(m.group(1).split(",", -1)).map(String::trim).collect(Collectors.toList());
  }

  /** The provider classes META-INF/services lists, comments and blank lines aside. */
  private static List<String> servicesFileProviders() throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : read("src/main/resources/META-INF/services/dev.pagoda.pager.PageCacheProvider").split("\n", -1)) {
      int hash = line.indexOf('#');
      String s = (hash >= 0 ? line.substring(0, hash) : line).trim();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  @Test
  void moduleInfoAndServicesFile_listTheSameProviders() throws IOException {
    List<String> declared = moduleInfoProviders();
    assertEquals(declared, servicesFileProviders());
    assertTrue(declared.size() >= 2, declared.toString());
  }

  @Test
  void installed_findsEveryDeclaredProvider_byItsClass() throws IOException {
    PageCacheProviders installed = PageCacheProviders.installed();
    List<String> classes = new ArrayList<>();
    for (String name : installed.names()) {
      classes.add(installed.get(name).getClass().getName());
    }
    List<String> declared = new ArrayList<>(moduleInfoProviders());
    declared.sort(null);
    classes.sort(null);
    assertEquals(declared, classes);
    assertEquals(List.of("caffeine", "clock"), installed.names());
    assertSame(installed, PageCacheProviders.installed());
    assertEquals(installed.names(), PageCacheProviders.load().names());
  }

  @Test
  void of_duplicateNameFromTwoClasses_failsNamingBoth() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PageCacheProviders.of(new Named("lru"), new OtherNamed("lru")));
    assertTrue(e.getMessage().contains(Named.class.getName()), e.getMessage());
    assertTrue(e.getMessage().contains(OtherNamed.class.getName()), e.getMessage());
    assertTrue(e.getMessage().contains("'lru'"), e.getMessage());
  }

  @Test
  void of_sameClassTwice_keepsTheFirst() {
    Named first = new Named("lru");
    assertSame(first, PageCacheProviders.of(first, new Named("lru")).get("lru"));
  }

  @Test
  void of_invalidName_fails() {
    for (String bad : new String[] {"", "LRU", "9lives", "has space", "a".repeat(33), "é"}) {
      assertThrows(IllegalArgumentException.class, () -> PageCacheProviders.of(new Named(bad)), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> PageCacheProviders.of(new Named(null)));
    assertEquals(List.of("a-b_c9"), PageCacheProviders.of(new Named("a-b_c9")).names());
  }

  @Test
  void get_unknownName_listsTheAvailableNames() {
    PageCacheProviders r = PageCacheProviders.of(new Named("lru"), new Named("arc"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.get("clock"));
    assertTrue(e.getMessage().contains("'clock'"), e.getMessage());
    assertTrue(e.getMessage().contains("available: arc, lru"), e.getMessage());
    assertTrue(e.getMessage().contains("class path"), e.getMessage());
  }

  @Test
  void defaultName_isThePropertyElseClock() {
    assertEquals(System.getProperty(PageCacheProviders.PROPERTY, "clock"), PageCacheProviders.defaultName());
    assertEquals(PageCacheProviders.defaultName(), PagerOptions.defaults().pageCache());
    assertEquals(-2000, PagerOptions.defaults().cacheSize());
  }

  @Test
  void pagerOptions_rejectInvalidProviderName() {
    assertThrows(IllegalArgumentException.class, () -> PagerOptions.defaults().withPageCache("No Such"));
  }

  @Test
  void open_withUnknownProvider_failsListingNames() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Pager.open(new MemoryFile(), PagerOptions.defaults().withPageCache("arc")));
    assertTrue(e.getMessage().contains("available: caffeine, clock"), e.getMessage());
  }

  @Test
  void open_withPassedRegistry_usesItsProvider() {
    PageCacheProviders only = PageCacheProviders.of(PageCacheProviders.installed().get("clock"));
    try (Pager p = Pager.open(new MemoryFile(), PagerOptions.defaults().withPageCache("clock"), only)) {
      assertEquals(500, p.cacheCapacity());
    }
    assertThrows(IllegalArgumentException.class,
        () -> Pager.open(new MemoryFile(), PagerOptions.defaults().withPageCache("caffeine"), only));
  }
}
