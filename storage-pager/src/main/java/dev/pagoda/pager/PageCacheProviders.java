package dev.pagoda.pager;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An immutable registry of {@link PageCacheProvider}s by name. Build one with {@link #load()}
 * (ServiceLoader) or {@link #of}, and pass it to {@link Pager#open(DbFile, PagerOptions,
 * PageCacheProviders)}; {@link #installed()} is the registry the two-argument {@code Pager.open}
 * uses, loaded once. There is no mutable global: to use another provider, name it in {@link
 * PagerOptions} or pass another registry.
 *
 * <p>Names are validated ({@link PageCacheProvider#name()}); two different classes with one name
 * make the registry fail to build, naming both; a failed {@link #get} lists the names there are.
 */
public final class PageCacheProviders {
  /**
   * The provider used unless {@link #PROPERTY} or the options name another: {@code clock}. A page
   * cache belongs to one pager, used by one thread at a time, so Caffeine's concurrent machinery
   * buys nothing there and costs on every access: in {@code PageCacheBenchmark} a Caffeine hit
   * takes about 90 ns and allocates, a clock hit about 4 ns; a miss with eviction 324 ns against
   * 27 ns. {@code caffeine} stays installed for workloads that want W-TinyLFU's admission policy.
   */
  public static final String DEFAULT = "clock";

  /**
   * System property naming the provider that {@link PagerOptions#defaults()} (and the two-argument
   * {@code PagerOptions} constructor) select, so a test run can pin one: {@code
   * -Dpagoda.pageCache=clock}. Options that name a provider explicitly are not affected.
   */
  public static final String PROPERTY = "pagoda.pageCache";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

  private final Map<String, PageCacheProvider> byName;

  private PageCacheProviders(Map<String, PageCacheProvider> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  /** The providers the thread's context class loader can see through ServiceLoader. */
  public static PageCacheProviders load() {
    return of(ServiceLoader.load(PageCacheProvider.class));
  }

  /** The providers {@code loader} can see through ServiceLoader. */
  public static PageCacheProviders load(ClassLoader loader) {
    return of(ServiceLoader.load(PageCacheProvider.class, loader));
  }

  /** The registry loaded once, on first use, from this module's class loader. */
  public static PageCacheProviders installed() {
    return Installed.REGISTRY;
  }

  /**
   * A registry of exactly {@code providers}.
   *
   * @throws IllegalArgumentException when a name is invalid or two different classes share one
   */
  public static PageCacheProviders of(Iterable<? extends PageCacheProvider> providers) {
    Map<String, PageCacheProvider> map = new TreeMap<>();
    for (PageCacheProvider p : providers) {
      String name = checkName(p.name(), p.getClass().getName());
      PageCacheProvider old = map.putIfAbsent(name, p);
      if (old != null && old.getClass() != p.getClass()) {
        throw new IllegalArgumentException("two page cache providers are named '" + name + "': "
            + old.getClass().getName() + " and " + p.getClass().getName());
      }
    }
    return new PageCacheProviders(map);
  }

  /** A registry of exactly {@code providers}; see {@link #of(Iterable)}. */
  public static PageCacheProviders of(PageCacheProvider... providers) {
    return of(List.of(providers));
  }

  /**
   * The provider called {@code name}.
   *
   * @throws IllegalArgumentException when there is none; the message lists the names there are
   */
  public PageCacheProvider get(String name) {
    PageCacheProvider p = byName.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no page cache provider named '" + name + "'; available: "
          + String.join(", ", byName.keySet()) + ". Providers are found with ServiceLoader: add the"
          + " jar (or module) that provides it to the class path (or module path).");
    }
    return p;
  }

  /** The registered names, sorted. */
  public List<String> names() {
    return new ArrayList<>(byName.keySet());
  }

  /** The provider name selected when the options name none: {@link #PROPERTY}, else {@link #DEFAULT}. */
  public static String defaultName() {
    return checkName(System.getProperty(PROPERTY, DEFAULT), "system property " + PROPERTY);
  }

  /** Returns {@code name} when it is a valid provider name, else throws naming {@code source}. */
  static String checkName(String name, String source) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid page cache provider name '" + name + "' from "
          + source + ": expected 1 to 32 of [a-z0-9_-], starting with a letter");
    }
    return name;
  }

  @Override
  public String toString() {
    return "PageCacheProviders" + byName.keySet();
  }

  /** Lazy holder: ServiceLoader runs on the first {@link #installed()} call, once. */
  private static final class Installed {
    static final PageCacheProviders REGISTRY = load(PageCacheProvider.class.getClassLoader());
  }
}
