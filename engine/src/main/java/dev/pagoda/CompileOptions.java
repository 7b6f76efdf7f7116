package dev.pagoda;

import dev.pagoda.pager.PagerOptions;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PRAGMA compile_options}: the SQLite compile-time options whose meaning is true of Pagoda,
 * sorted as SQLite lists them. Options SQLite has and Pagoda does not honour are left out rather
 * than imitated.
 *
 * <ul>
 *   <li>{@code DEFAULT_CACHE_SIZE}, {@code DEFAULT_PAGE_SIZE}: the pager's defaults.
 *   <li>{@code DEFAULT_SYNCHRONOUS}, {@code DEFAULT_WAL_SYNCHRONOUS}: the level of {@link
 *       Database.Options#defaults()} (2, FULL), for rollback journals and WAL alike.
 *   <li>{@code DEFAULT_WAL_AUTOCHECKPOINT=1000}: pages, as {@code PRAGMA wal_autocheckpoint}.
 *   <li>{@code ENABLE_MATH_FUNCTIONS}: the math functions are built in.
 *   <li>{@code OMIT_LOAD_EXTENSION}: extensions are {@code FunctionProvider} plug-ins on the class
 *       path, never loaded by SQL.
 *   <li>{@code THREADSAFE=2}: SQLite's multi-thread mode: connections run in parallel, each used
 *       by one thread at a time.
 * </ul>
 */
final class CompileOptions {
  /** Pages a WAL may grow by before a commit checkpoints it (Database's default). */
  static final int DEFAULT_WAL_AUTOCHECKPOINT = 1000;

  private CompileOptions() {}

  static List<String> options() {
    int synchronous = Database.Options.defaults().synchronousLevel().ordinal();
    List<String> options = new ArrayList<>(List.of(
        "DEFAULT_CACHE_SIZE=" + PagerOptions.DEFAULT_CACHE_SIZE,
        "DEFAULT_PAGE_SIZE=" + PagerOptions.DEFAULT_PAGE_SIZE,
        "DEFAULT_SYNCHRONOUS=" + synchronous,
        "DEFAULT_WAL_AUTOCHECKPOINT=" + DEFAULT_WAL_AUTOCHECKPOINT,
        "DEFAULT_WAL_SYNCHRONOUS=" + synchronous,
        "ENABLE_MATH_FUNCTIONS",
        "OMIT_LOAD_EXTENSION",
        "THREADSAFE=2"));
    options.sort(null);
    return options;
  }

  static List<List<Value>> rows() {
    List<List<Value>> rows = new ArrayList<>();
    for (String option : options()) {
      rows.add(List.of(Value.of(option)));
    }
    return rows;
  }
}
