package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagoda.spi.ResultCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The foreign key pragmas and switches of a connection, beyond what the differential test shows. */
class ForeignKeyPragmasTest {
  @TempDir Path dir;

  @Test
  void bool_readsSqliteBooleans() {
    for (String on : new String[] {"1", "ON", "yes", "'true'", "\"on\"", "2", "-1", "7abc"}) {
      assertTrue(ForeignKeyPragmas.bool(on), on);
    }
    for (String off : new String[] {"0", "OFF", "no", "false", "'off'", "abc", "", "00"}) {
      assertFalse(ForeignKeyPragmas.bool(off), off);
    }
  }

  @Test
  void setForeignKeys_insideTransaction_doesNothing() {
    try (Database db = Database.open(dir.resolve("a.db")); Connection c = db.connect()) {
      assertFalse(c.foreignKeys());
      c.execute("BEGIN");
      c.setForeignKeys(true);
      assertFalse(c.foreignKeys());
      c.execute("COMMIT");
      c.setForeignKeys(true);
      assertTrue(c.foreignKeys());
    }
  }

  @Test
  void foreignKeys_perConnection() {
    try (Database db = Database.open(dir.resolve("b.db")); Connection on = db.connect();
        Connection off = db.connect()) {
      on.execute("PRAGMA foreign_keys = ON; CREATE TABLE p(id INTEGER PRIMARY KEY);"
          + " CREATE TABLE c(x REFERENCES p)");
      off.execute("INSERT INTO c VALUES (1)");
      PagodaException e = assertThrows(PagodaException.class,
          () -> on.execute("INSERT INTO c VALUES (2)"));
      assertEquals(ResultCode.CONSTRAINT_FOREIGNKEY, e.code());
      assertEquals("FOREIGN KEY constraint failed", e.getMessage());
    }
  }

  @Test
  void commit_withDeferredViolation_failsAndStaysOpen() {
    try (Database db = Database.open(dir.resolve("c.db")); Connection c = db.connect()) {
      c.execute("PRAGMA foreign_keys = ON; CREATE TABLE p(id INTEGER PRIMARY KEY);"
          + " CREATE TABLE c(x REFERENCES p DEFERRABLE INITIALLY DEFERRED); BEGIN;"
          + " INSERT INTO c VALUES (3)");
      assertThrows(PagodaException.class, () -> c.execute("COMMIT"));
      assertFalse(c.isAutoCommit());
      c.execute("INSERT INTO p VALUES (3); COMMIT");
      assertTrue(c.isAutoCommit());
    }
  }
}
