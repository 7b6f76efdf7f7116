package dev.pagoda.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.jdbc.CreateTableSql.ForeignKey;
import java.sql.DatabaseMetaData;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreateTableSqlTest {
  private static final int NOT = DatabaseMetaData.importedKeyNotDeferrable;
  private static final int DEFERRED = DatabaseMetaData.importedKeyInitiallyDeferred;
  private static final int IMMEDIATE = DatabaseMetaData.importedKeyInitiallyImmediate;

  @Test
  void parse_namedTablePrimaryKey_givesItsName() {
    CreateTableSql sql =
        CreateTableSql.parse("CREATE TABLE t (a, b, CONSTRAINT \"my pk\" PRIMARY KEY (a, b))");
    assertEquals("my pk", sql.primaryKeyName());
    assertEquals(List.of(), sql.foreignKeys());
  }

  @Test
  void parse_constraintNameOfAnotherConstraint_isNotThePrimaryKeys() {
    CreateTableSql sql =
        CreateTableSql.parse("CREATE TABLE t (a INT CONSTRAINT nn NOT NULL PRIMARY KEY, b)");
    assertNull(sql.primaryKeyName());
    CreateTableSql column = CreateTableSql.parse("CREATE TABLE t (a INT CONSTRAINT pk PRIMARY KEY)");
    assertEquals("pk", column.primaryKeyName());
  }

  @Test
  void parse_foreignKeys_inDeclarationOrderWithNamesAndDeferrability() {
    CreateTableSql sql =
        CreateTableSql.parse(
            "CREATE TABLE c (x REFERENCES p ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,"
                + " y CONSTRAINT fy REFERENCES q(id) NOT DEFERRABLE,"
                + " CONSTRAINT fz FOREIGN KEY (x, y) REFERENCES r (a, b) ON UPDATE SET DEFAULT"
                + " DEFERRABLE INITIALLY IMMEDIATE,"
                + " FOREIGN KEY (y) REFERENCES s DEFERRABLE)");
    assertEquals(
        List.of(
            new ForeignKey(null, DEFERRED),
            new ForeignKey("fy", NOT),
            new ForeignKey("fz", IMMEDIATE),
            new ForeignKey(null, IMMEDIATE)),
        sql.foreignKeys());
    assertEquals(new ForeignKey(null, IMMEDIATE), sql.foreignKey(0));
    assertEquals(new ForeignKey(null, DEFERRED), sql.foreignKey(3));
    assertNull(sql.foreignKey(4));
  }

  @Test
  void parse_keywordsInStringsCommentsAndQuotedNames_areIgnored() {
    CreateTableSql sql =
        CreateTableSql.parse(
            "CREATE TABLE t (\"REFERENCES\" TEXT DEFAULT 'CONSTRAINT x PRIMARY KEY',"
                + " -- FOREIGN KEY (a) REFERENCES b\n"
                + " [AUTOINCREMENT] INT /* AUTOINCREMENT */ CHECK (x IN ('PRIMARY')))");
    assertNull(sql.primaryKeyName());
    assertEquals(List.of(), sql.foreignKeys());
    assertFalse(sql.autoincrement());
  }

  @Test
  void parse_autoincrement_isSeen() {
    assertTrue(
        CreateTableSql.parse("create table t (id integer primary key autoincrement, v)")
            .autoincrement());
  }

  @Test
  void parse_null_isNone() {
    assertEquals(CreateTableSql.NONE, CreateTableSql.parse(null));
  }
}
