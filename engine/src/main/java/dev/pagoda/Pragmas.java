package dev.pagoda;

import dev.pagoda.btree.IntegrityChecker;
import dev.pagoda.executor.RecordComparator;
import dev.pagoda.pager.Pager;
import dev.pagoda.parser.ast.Pragma;
import dev.pagoda.planner.IndexSchema;
import dev.pagoda.planner.TableSchema;
import dev.pagoda.spi.ResultCode;
import dev.pagoda.spi.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The PRAGMAs Pagoda answers so far, with SQLite's result columns. As in SQLite, an unknown pragma
 * is not an error: it does nothing and returns no rows.
 *
 * <ul>
 *   <li>{@code integrity_check[(N)]}, {@code quick_check[(N)]}: Pagoda's structural checker over
 *       every table and index ({@code ok}, or up to N messages; default 100). SQLite also checks
 *       that each index entry matches its row; Pagoda does not yet.
 *   <li>{@code user_version}, {@code application_id}: read and set (setting is a write).
 *   <li>{@code schema_version}, {@code page_size}, {@code page_count}, {@code freelist_count}:
 *       read.
 *   <li>{@code cache_size}: read and set, with SQLite's meaning (negative: KiB).
 *   <li>{@code journal_mode}: {@code delete} for files, {@code memory} for in-memory databases;
 *       setting another mode is refused until it is supported.
 *   <li>{@code synchronous}: 2 (FULL), the only level used so far.
 * </ul>
 */
final class Pragmas {
  private Pragmas() {}

  /** The result column of pragma {@code p}, or none when it returns no rows. */
  static List<String> columns(Pragma p) {
    String name = name(p);
    boolean setting = p.value() != null;
    return switch (name) {
      case "integrity_check", "quick_check", "journal_mode" -> List.of(name);
      case "user_version", "application_id", "schema_version", "page_size", "page_count",
          "freelist_count", "cache_size", "synchronous" -> setting ? List.of() : List.of(name);
      default -> List.of();
    };
  }

  private static String name(Pragma p) {
    return p.name().name().toLowerCase(Locale.ROOT);
  }

  /** Runs pragma {@code p} for {@code conn}. Database lock held. */
  static List<List<Value>> run(Connection conn, Pragma p) {
    String name = name(p);
    String value = p.value();
    if (value != null && (name.equals("user_version") || name.equals("application_id"))) {
      Pager pager = conn.pager();
      return write(conn, name.equals("user_version") ? pager::setUserVersion
          : pager::setApplicationId, value);
    }
    return conn.withRead(() -> read(conn, name, value));
  }

  /** A pragma that reads (or sets a connection setting), inside a read transaction. */
  private static List<List<Value>> read(Connection conn, String name, String value) {
    Pager pager = conn.pager();
    switch (name) {
      case "integrity_check", "quick_check":
        return integrityCheck(conn, value == null ? 100 : (int) integer(value));
      case "user_version":
        return one(pager.userVersion());
      case "application_id":
        return one(pager.applicationId());
      case "schema_version":
        return readOnly(value, pager.schemaCookie());
      case "page_size":
        return readOnly(value, pager.pageSize());
      case "page_count":
        return readOnly(value, pager.pageCount());
      case "freelist_count":
        return readOnly(value, pager.freelistCount());
      case "synchronous":
        return readOnly(value, 2);
      case "cache_size":
        if (value == null) {
          return one(pager.cacheSize());
        }
        pager.setCacheSize((int) integer(value));
        return List.of();
      case "journal_mode":
        return journalMode(conn, value);
      default:
        return List.of();
    }
  }

  private static List<List<Value>> one(long v) {
    return List.of(List.of(Value.of(v)));
  }

  private static List<List<Value>> readOnly(String value, long current) {
    if (value != null) {
      throw new PagodaException(ResultCode.ERROR, "not supported yet: setting this pragma");
    }
    return one(current);
  }

  /** SQLite reads a pragma's integer argument with its integer prefix rules. */
  private static long integer(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static List<List<Value>> write(Connection conn, IntConsumer setter, String value) {
    conn.writeAtomically(() -> {
      setter.accept((int) integer(value));
      return null;
    });
    return List.of();
  }

  private static List<List<Value>> journalMode(Connection conn, String value) {
    String current = conn.db().file().journal().modeName();
    if (value != null && !value.equalsIgnoreCase(current)) {
      throw new PagodaException(
          ResultCode.ERROR, "not supported yet: journal_mode=" + value.toLowerCase(Locale.ROOT));
    }
    return List.of(List.of(Value.of(current)));
  }

  private static List<List<Value>> integrityCheck(Connection conn, int maxErrors) {
    SchemaCatalog catalog = conn.catalog();
    List<IntegrityChecker.Root> roots = new ArrayList<>();
    for (TableSchema t : catalog.tables()) {
      if (t.rootPage() > 1) {
        roots.add(IntegrityChecker.Root.table(t.rootPage()));
      }
      for (IndexSchema i : catalog.indexes(t.name())) {
        roots.add(i.columns().isEmpty()
            ? IntegrityChecker.Root.index(i.rootPage())
            : IntegrityChecker.Root.index(i.rootPage(), RecordComparator.forIndex(i)));
      }
    }
    List<String> errors = IntegrityChecker.check(conn.pager(), roots, Math.max(1, maxErrors));
    List<List<Value>> rows = new ArrayList<>();
    if (errors.isEmpty()) {
      rows.add(List.of(Value.of("ok")));
    }
    for (String e : errors) {
      rows.add(List.of(Value.of(e)));
    }
    return rows;
  }
}
