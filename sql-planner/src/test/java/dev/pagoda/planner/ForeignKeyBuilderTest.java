package dev.pagoda.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.parser.Parser;
import dev.pagoda.parser.ast.CreateTable;
import dev.pagoda.parser.ast.ForeignKeyAction;
import dev.pagoda.spi.SqlException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The foreign keys {@link SchemaBuilder} gives a table. The expected orders and errors are those
 * of SQLite 3.40 ({@code PRAGMA foreign_key_list}, CREATE TABLE errors).
 */
class ForeignKeyBuilderTest {
  private static TableSchema schema(String sql) {
    return SchemaBuilder.fromCreateTable((CreateTable) Parser.parseFirst(sql).statement(), sql, 2);
  }

  @Test
  void foreignKeys_columnAndTableConstraints_lastDeclaredFirst() {
    TableSchema t = schema("CREATE TABLE c(x REFERENCES p, y, z REFERENCES p(a) ON DELETE CASCADE,"
        + " FOREIGN KEY(y, Z) REFERENCES p(b, c) ON UPDATE SET NULL MATCH FULL"
        + " DEFERRABLE INITIALLY DEFERRED, FOREIGN KEY(x) REFERENCES q)");
    List<ForeignKey> keys = t.foreignKeys();
    assertEquals(4, keys.size());
    assertEquals("q", keys.get(0).parentTable());
    assertEquals(List.of("y", "z"), keys.get(1).childNames());
    assertEquals(List.of(1, 2), keys.get(1).childColumns());
    assertEquals(List.of("b", "c"), keys.get(1).parentColumns());
    assertEquals(ForeignKeyAction.SET_NULL, keys.get(1).onUpdate());
    assertEquals(ForeignKeyAction.NO_ACTION, keys.get(1).onDelete());
    assertEquals("FULL", keys.get(1).match().toUpperCase(java.util.Locale.ROOT));
    assertTrue(keys.get(1).deferred());
    assertEquals(ForeignKeyAction.CASCADE, keys.get(2).onDelete());
    assertEquals(List.of("a"), keys.get(2).parentColumns());
    assertTrue(keys.get(3).referencesPrimaryKey());
    assertFalse(keys.get(3).deferred());
    assertNull(keys.get(3).match());
  }

  @Test
  void foreignKeys_laterDeferrabilityClause_appliesToLastKey() {
    TableSchema t = schema("CREATE TABLE c(x REFERENCES p DEFERRABLE INITIALLY DEFERRED"
        + " NOT DEFERRABLE, y REFERENCES p, z DEFERRABLE INITIALLY DEFERRED)");
    assertTrue(t.foreignKeys().get(0).deferred());
    assertFalse(t.foreignKeys().get(1).deferred());
  }

  @Test
  void foreignKeys_onlyInitiallyDeferred_defers() {
    TableSchema t = schema("CREATE TABLE c(x REFERENCES p NOT DEFERRABLE INITIALLY DEFERRED,"
        + " y REFERENCES p DEFERRABLE, z REFERENCES p DEFERRABLE INITIALLY IMMEDIATE)");
    for (ForeignKey key : t.foreignKeys()) {
      assertFalse(key.deferred());
    }
  }

  @Test
  void foreignKeys_none_isEmpty() {
    assertEquals(List.of(), schema("CREATE TABLE t(a, b)").foreignKeys());
  }

  @Test
  void foreignKeys_badDefinitions_failWithSqliteWords() {
    assertEquals("foreign key on x should reference only one column of table p",
        assertThrows(SqlException.class,
            () -> schema("CREATE TABLE c(x REFERENCES p(a, b))")).getMessage());
    assertEquals("unknown column \"y\" in foreign key definition",
        assertThrows(SqlException.class,
            () -> schema("CREATE TABLE c(x, FOREIGN KEY(y) REFERENCES p)")).getMessage());
    assertEquals("number of columns in foreign key does not match the number of columns in the"
        + " referenced table", assertThrows(SqlException.class,
            () -> schema("CREATE TABLE c(x, FOREIGN KEY(x) REFERENCES p(a, b))")).getMessage());
  }

  @Test
  void withRootPage_keepsForeignKeys() {
    TableSchema t = schema("CREATE TABLE c(x REFERENCES p)");
    assertEquals(t.foreignKeys(), t.withRootPage(9).foreignKeys());
  }
}
