package dev.pagoda;

import dev.pagoda.btree.IntegrityChecker;
import dev.pagoda.executor.RecordComparator;
import dev.pagoda.pager.Checkpoint;
import dev.pagoda.pager.CheckpointMode;
import dev.pagoda.pager.Pager;
import dev.pagoda.pager.PagerFile;
import dev.pagoda.pager.Synchronous;
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
 * The PRAGMAs Pagoda answers so far, with SQLite's result columns: a dispatcher over the settings
 * below and the introspection pragmas of {@link IntrospectionPragma}. As in SQLite, an unknown
 * pragma is not an error: it does nothing and returns no rows.
 *
 * <ul>
 *   <li>{@code [schema.]table_info(T)}, {@code table_xinfo(T)}, {@code table_list[(T)]}: columns
 *       of a table or view, the tables and views ({@link SchemaPragmas}).
 *   <li>{@code index_list(T)}, {@code index_info(I)}, {@code index_xinfo(I)} ({@link
 *       IndexPragmas}).
 *   <li>{@code database_list}, {@code function_list} ({@link FunctionListPragma}), {@code
 *       compile_options} ({@link CompileOptions}).
 *   <li>each of those also as a table-valued function {@code pragma_NAME} ({@link
 *       PragmaFunctions}).
 *   <li>{@code integrity_check[(N)]}, {@code quick_check[(N)]}: Pagoda's structural checker over
 *       every table and index ({@code ok}, or up to N messages; default 100). SQLite also checks
 *       that each index entry matches its row; Pagoda does not yet.
 *   <li>{@code user_version}, {@code application_id}: read and set (setting is a write).
 *   <li>{@code schema_version}, {@code page_size}, {@code page_count}, {@code freelist_count}:
 *       read.
 *   <li>{@code cache_size}: read and set, with SQLite's meaning (negative: KiB).
 *   <li>{@code journal_mode}: read, and set to delete, truncate, persist or wal ({@link
 *       JournalModes}); {@code memory} for in-memory databases.
 *   <li>{@code synchronous}: read (0..3) and set (number or name) for the database file: unlike
 *       SQLite, where it is per connection, the level is the file's and all its connections'.
 *   <li>{@code wal_checkpoint[(PASSIVE|FULL|RESTART|TRUNCATE)]}: busy, log, checkpointed.
 *   <li>{@code wal_autocheckpoint}: read and set (pages; 0 or less turns it off).
 *   <li>{@code busy_timeout}: read and set, per connection (milliseconds).
 *   <li>{@code foreign_keys}, {@code defer_foreign_keys}, {@code foreign_key_check[(table)]}:
 *       {@link ForeignKeyPragmas}.
 *   <li>{@code query_only}: read and set, per connection; when on, every change (a TEMP view or
 *       BEGIN IMMEDIATE included) fails with READONLY "attempt to write a readonly database".
 *   <li>{@code case_sensitive_like = B}: set only, per connection ({@link CaseSensitiveLike}).
 *   <li>{@code recursive_triggers}: reads 0; only OFF can be set.
 * </ul>
 */
final class Pragmas {
  private Pragmas() {}

  /** The result column of pragma {@code p}, or none when it returns no rows. */
  static List<String> columns(Pragma p) {
    String name = name(p);
    IntrospectionPragma introspection = IntrospectionPragma.named(name);
    if (introspection != null) {
      return introspection.columns();
    }
    boolean setting = p.value() != null;
    return switch (name) {
      case "integrity_check", "quick_check", "journal_mode", "wal_autocheckpoint" -> List.of(name);
      case "busy_timeout" -> List.of("timeout");
      case "foreign_keys", "defer_foreign_keys", "foreign_key_check" ->
          ForeignKeyPragmas.columns(name, setting);
      case "wal_checkpoint" -> List.of("busy", "log", "checkpointed");
      case "user_version", "application_id", "schema_version", "page_size", "page_count",
          "freelist_count", "cache_size", "synchronous", "recursive_triggers", "query_only" ->
          setting ? List.of() : List.of(name);
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
    IntrospectionPragma introspection = IntrospectionPragma.named(name);
    if (introspection != null) {
      return conn.withRead(() -> introspection.rows(conn, p.name().schema(), value));
    }
    switch (name) {
      case "journal_mode":
        if (value != null) {
          return List.of(List.of(Value.of(JournalModes.change(conn, stripQuotes(value)))));
        }
        break;
      case "wal_checkpoint":
        return checkpoint(conn, value);
      case "foreign_keys", "defer_foreign_keys", "foreign_key_check":
        return ForeignKeyPragmas.run(conn, name, value);
      case "busy_timeout":
        if (value != null) {
          conn.setBusyTimeout(Math.max(0, integer(value)));
        }
        return one(conn.busyTimeout());
      case "wal_autocheckpoint":
        if (value != null) {
          conn.db().setAutoCheckpoint((int) integer(value));
        }
        return one(conn.db().autoCheckpoint());
      case "synchronous":
        if (value != null) {
          conn.db().file().journal().setSynchronous(synchronous(value));
          return List.of();
        }
        return one(conn.db().file().journal().synchronous().ordinal());
      case "query_only":
        if (value != null) {
          conn.setQueryOnly(bool(value));
          return List.of();
        }
        return one(conn.isQueryOnly() ? 1 : 0);
      case "case_sensitive_like":
        if (value != null) { // set-only, as in SQLite
          CaseSensitiveLike.set(conn, bool(value));
        }
        return List.of();
      default:
        break;
    }
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
      case "cache_size":
        if (value == null) {
          return one(pager.cacheSize());
        }
        pager.setCacheSize((int) integer(value));
        return List.of();
      case "journal_mode":
        return journalMode(conn);
      case "recursive_triggers":
        // SQLite's default, OFF, is the only setting Pagoda has: refuse ON rather than ignore it
        if (value == null) {
          return one(0);
        }
        String v = stripQuotes(value).toLowerCase(Locale.ROOT);
        if (!List.of("0", "off", "false", "no").contains(v)) {
          throw new PagodaException(ResultCode.ERROR,
              "not supported yet: PRAGMA recursive_triggers = " + value);
        }
        return List.of();
      default:
        return List.of();
    }
  }

  /** {@code PRAGMA wal_checkpoint[(mode)]}: SQLite's three columns; not WAL: 0, -1, -1. */
  private static List<List<Value>> checkpoint(Connection conn, String value) {
    CheckpointMode mode = CheckpointMode.PASSIVE;
    if (value != null) {
      try {
        mode = CheckpointMode.valueOf(stripQuotes(value).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        mode = CheckpointMode.PASSIVE; // SQLite treats an unknown mode as PASSIVE
      }
    }
    PagerFile file = conn.db().file();
    Checkpoint cp = file.journal().checkpoint(file.file(), mode, conn.busyTimeout());
    return List.of(List.of(Value.of(cp.busy() ? 1 : 0), Value.of(cp.logFrames()),
        Value.of(cp.checkpointedFrames())));
  }

  /** A synchronous level by number (0..3) or name, as SQLite reads it; unknown: FULL. */
  private static Synchronous synchronous(String value) {
    String v = stripQuotes(value).toUpperCase(Locale.ROOT);
    for (Synchronous s : Synchronous.values()) {
      if (s.name().equals(v)) {
        return s;
      }
    }
    Synchronous byLevel = Synchronous.ofLevel((int) integer(v));
    return byLevel == null ? Synchronous.FULL : byLevel;
  }

  /**
   * A boolean setting as SQLite's {@code sqlite3GetBoolean} reads it: on, yes, true, normal, full,
   * extra or a non-zero integer are true; anything else false.
   */
  private static boolean bool(String value) {
    String v = stripQuotes(value).toLowerCase(Locale.ROOT);
    return switch (v) {
      case "on", "yes", "true", "normal", "full", "extra" -> true;
      case "off", "no", "false" -> false;
      default -> integer(v) != 0;
    };
  }

  private static String stripQuotes(String v) {
    String t = v.strip();
    if (t.length() >= 2 && (t.charAt(0) == '\'' || t.charAt(0) == '"')
        && t.charAt(t.length() - 1) == t.charAt(0)) {
      return t.substring(1, t.length() - 1);
    }
    return t;
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

  private static List<List<Value>> journalMode(Connection conn) {
    return List.of(List.of(Value.of(conn.db().file().journal().modeName())));
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
