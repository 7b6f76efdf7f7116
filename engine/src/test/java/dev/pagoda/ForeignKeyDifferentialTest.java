package dev.pagoda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scripts with foreign keys enforced ({@code PRAGMA foreign_keys=ON}) run on Pagoda and on SQLite
 * (sqlite-jdbc), each on its own file: every statement must succeed alike (the same change count,
 * the same rows for a query) or fail with the same extended result code and message; at the end
 * both files, read by SQLite, hold the same tables with the same rows, and Pagoda's file passes
 * SQLite's integrity check.
 */
class ForeignKeyDifferentialTest {
  @TempDir Path dir;

  private static final String ON = "PRAGMA foreign_keys = ON\n";
  private static final String PC = ON
      + "CREATE TABLE p(id INTEGER PRIMARY KEY, name TEXT UNIQUE)\n"
      + "INSERT INTO p VALUES (1, 'a'), (2, 'b'), (3, 'c')\n";

  static Stream<String> scripts() {
    return Stream.of(
        // the pragma itself
        "PRAGMA foreign_keys\nPRAGMA foreign_keys = 1\nPRAGMA foreign_keys\nPRAGMA foreign_keys = no\n"
            + "PRAGMA foreign_keys\nPRAGMA foreign_keys = 'true'\nPRAGMA foreign_keys\n"
            + "PRAGMA foreign_keys = off\nPRAGMA foreign_keys = yes\nPRAGMA foreign_keys",
        "PRAGMA foreign_keys = ON\nBEGIN\nPRAGMA foreign_keys = OFF\nPRAGMA foreign_keys\nCOMMIT\n"
            + "PRAGMA foreign_keys\nPRAGMA foreign_keys = 0\nBEGIN\nPRAGMA foreign_keys = 1\n"
            + "PRAGMA foreign_keys\nROLLBACK\nPRAGMA foreign_keys",
        "PRAGMA defer_foreign_keys\nPRAGMA defer_foreign_keys = ON\nPRAGMA defer_foreign_keys\n"
            + "BEGIN\nCOMMIT\nPRAGMA defer_foreign_keys",
        // off: nothing is enforced
        "CREATE TABLE p(id INTEGER PRIMARY KEY)\nCREATE TABLE c(x REFERENCES p)\n"
            + "INSERT INTO c VALUES (5)\nPRAGMA foreign_keys = ON\nINSERT INTO c VALUES (6)\n"
            + "DELETE FROM c WHERE x = 5\nSELECT * FROM c",
        // child side: rowid parent, NULLs, affinity of the lookup
        PC + "CREATE TABLE c(x REFERENCES p)\nINSERT INTO c VALUES (1)\nINSERT INTO c VALUES (4)\n"
            + "INSERT INTO c VALUES (NULL)\nINSERT INTO c VALUES ('2')\nINSERT INTO c VALUES (2.0)\n"
            + "INSERT INTO c VALUES ('x')\nINSERT INTO c VALUES (1), (9)\nSELECT * FROM c",
        PC + "CREATE TABLE c(x TEXT REFERENCES p(id))\nINSERT INTO c VALUES ('3')\n"
            + "INSERT INTO c VALUES (' 3')\nUPDATE c SET x = '7'\nUPDATE c SET x = '1'\n"
            + "SELECT x, typeof(x) FROM c",
        // child side through a UNIQUE index, with the parent's affinity and collation
        PC + "CREATE TABLE c(n REFERENCES p(name))\nINSERT INTO c VALUES ('a')\n"
            + "INSERT INTO c VALUES ('A')\nINSERT INTO c VALUES ('z')\nUPDATE c SET n = 'b'\n"
            + "UPDATE c SET n = 'q'",
        ON + "CREATE TABLE p(k TEXT COLLATE NOCASE UNIQUE)\nCREATE TABLE c(k REFERENCES p(k))\n"
            + "INSERT INTO p VALUES ('Abc')\nINSERT INTO c VALUES ('aBC')\nINSERT INTO c VALUES ('x')\n"
            + "DELETE FROM p\nUPDATE p SET k = 'ABC'\nSELECT * FROM c",
        ON + "CREATE TABLE p(k INTEGER UNIQUE)\nCREATE TABLE c(k TEXT REFERENCES p(k))\n"
            + "INSERT INTO p VALUES (12)\nINSERT INTO c VALUES ('12')\nINSERT INTO c VALUES ('12.0')\n"
            + "INSERT INTO c VALUES ('x12')\nDELETE FROM p\nSELECT * FROM c",
        // composite keys
        ON + "CREATE TABLE p(a, b, PRIMARY KEY (a, b))\n"
            + "CREATE TABLE c(x, y, FOREIGN KEY (x, y) REFERENCES p)\n"
            + "INSERT INTO p VALUES (1, 1), (1, 2)\nINSERT INTO c VALUES (1, 2)\n"
            + "INSERT INTO c VALUES (2, 1)\nINSERT INTO c VALUES (2, NULL)\nINSERT INTO c VALUES (NULL, 9)\n"
            + "DELETE FROM p WHERE b = 2\nUPDATE p SET b = 5 WHERE b = 1\nSELECT * FROM c",
        ON + "CREATE TABLE p(a, b, c, UNIQUE (c, a))\n"
            + "CREATE TABLE ch(u, v, FOREIGN KEY (u, v) REFERENCES p(a, c) ON DELETE CASCADE "
            + "ON UPDATE CASCADE)\n"
            + "INSERT INTO p VALUES (1, 0, 10), (2, 0, 20)\nINSERT INTO ch VALUES (1, 10), (2, 20)\n"
            + "INSERT INTO ch VALUES (1, 20)\nUPDATE p SET c = 11 WHERE a = 1\nDELETE FROM p WHERE a = 2\n"
            + "SELECT * FROM ch",
        // mismatch and missing parents
        ON + "CREATE TABLE p(a, b)\nCREATE TABLE c(x REFERENCES p(a))\nINSERT INTO p VALUES (1, 2)\n"
            + "INSERT INTO c VALUES (1)\nINSERT INTO c VALUES (NULL)\nDELETE FROM p\nUPDATE p SET b = 3\n"
            + "UPDATE p SET a = 3\nUPDATE c SET x = 1\nSELECT * FROM c",
        ON + "CREATE TABLE p(a)\nCREATE TABLE c(x REFERENCES p)\nINSERT INTO p VALUES (1)\n"
            + "INSERT INTO c VALUES (1)\nDELETE FROM p",
        ON + "CREATE TABLE p(a, b, PRIMARY KEY (a, b))\nCREATE TABLE c(x REFERENCES p)\n"
            + "INSERT INTO c VALUES (1)",
        ON + "CREATE TABLE p(a UNIQUE, b)\nCREATE TABLE c(x, y, FOREIGN KEY (x, y) REFERENCES p(a, b))\n"
            + "INSERT INTO c VALUES (1, 2)",
        ON + "CREATE TABLE p(a)\nCREATE UNIQUE INDEX pa ON p(a) WHERE a > 0\n"
            + "CREATE TABLE c(x REFERENCES p(a))\nINSERT INTO c VALUES (1)",
        ON + "CREATE TABLE p(a TEXT)\nCREATE UNIQUE INDEX pa ON p(a COLLATE NOCASE)\n"
            + "CREATE TABLE c(x REFERENCES p(a))\nINSERT INTO c VALUES ('1')",
        ON + "CREATE TABLE p(a TEXT)\nCREATE UNIQUE INDEX pa ON p(a)\nCREATE TABLE c(x REFERENCES p(a))\n"
            + "INSERT INTO p VALUES ('k')\nINSERT INTO c VALUES ('k')\nINSERT INTO c VALUES ('j')",
        ON + "CREATE TABLE c(x REFERENCES nowhere)\nINSERT INTO c VALUES (NULL)\n"
            + "INSERT INTO c VALUES (1)\nUPDATE c SET x = 2\nDELETE FROM c\nSELECT * FROM c",
        ON + "CREATE TABLE p(a PRIMARY KEY)\nCREATE TABLE c(x REFERENCES p(zz))\nINSERT INTO c VALUES (1)",
        // NO ACTION: the statement's own count
        PC + "CREATE TABLE c(x REFERENCES p)\nINSERT INTO c VALUES (1), (2)\nDELETE FROM p WHERE id = 1\n"
            + "DELETE FROM p WHERE id = 3\nUPDATE p SET id = 9 WHERE id = 2\nUPDATE p SET name = 'zz'\n"
            + "SELECT * FROM p",
        PC + "CREATE TABLE c(x REFERENCES p)\nINSERT INTO c VALUES (1)\n"
            + "UPDATE p SET id = id + 10\nUPDATE p SET id = CASE id WHEN 1 THEN 1 ELSE id + 10 END\n"
            + "SELECT * FROM p",
        // a statement that breaks and then mends a key
        PC + "CREATE TABLE c(x REFERENCES p)\nINSERT INTO c VALUES (1)\n"
            + "INSERT INTO p SELECT 10 + id, NULL FROM p\n"
            + "INSERT INTO c SELECT 99 UNION ALL SELECT 3\n"
            + "CREATE TABLE s(id INTEGER PRIMARY KEY, up REFERENCES s)\n"
            + "INSERT INTO s VALUES (2, 1), (1, NULL)\nINSERT INTO s VALUES (3, 4)\n"
            + "INSERT INTO s VALUES (5, 5)\nSELECT * FROM s",
        // RESTRICT
        PC + "CREATE TABLE c(x REFERENCES p ON DELETE RESTRICT ON UPDATE RESTRICT)\n"
            + "INSERT INTO c VALUES (1)\nDELETE FROM p WHERE id = 1\nUPDATE p SET id = 5 WHERE id = 1\n"
            + "UPDATE p SET id = 1 WHERE id = 1\nDELETE FROM p WHERE id = 2\nSELECT * FROM p",
        PC + "CREATE TABLE c(x REFERENCES p ON DELETE RESTRICT)\nINSERT INTO c VALUES (1)\nBEGIN\n"
            + "DELETE FROM p WHERE id = 1\nPRAGMA defer_foreign_keys = ON\nDELETE FROM p WHERE id = 1\n"
            + "COMMIT\nINSERT INTO p VALUES (1, 'a')\nCOMMIT\nSELECT * FROM p",
        // CASCADE
        PC + "CREATE TABLE c(x REFERENCES p ON DELETE CASCADE, v)\n"
            + "INSERT INTO c VALUES (1, 'a'), (1, 'b'), (2, 'c'), (NULL, 'd')\n"
            + "DELETE FROM p WHERE id = 1\nSELECT * FROM c\nDELETE FROM p\nSELECT * FROM c",
        PC + "CREATE TABLE c(x REFERENCES p ON UPDATE CASCADE, v)\nINSERT INTO c VALUES (1, 'a'), (2, 'b')\n"
            + "UPDATE p SET id = id * 10\nSELECT * FROM c\nUPDATE p SET name = 'q' WHERE id = 10\n"
            + "SELECT * FROM c",
        PC + "CREATE TABLE c(n REFERENCES p(name) ON UPDATE CASCADE ON DELETE CASCADE)\n"
            + "INSERT INTO c VALUES ('a'), ('b'), ('a')\nUPDATE p SET name = upper(name)\n"
            + "SELECT * FROM c\nDELETE FROM p WHERE name = 'A'\nSELECT * FROM c",
        // several levels and fan-out
        ON + "CREATE TABLE a(id INTEGER PRIMARY KEY)\n"
            + "CREATE TABLE b(id INTEGER PRIMARY KEY, a REFERENCES a ON DELETE CASCADE)\n"
            + "CREATE TABLE c(id INTEGER PRIMARY KEY, b REFERENCES b ON DELETE CASCADE)\n"
            + "CREATE TABLE d(id INTEGER PRIMARY KEY, c REFERENCES c ON DELETE SET NULL)\n"
            + "INSERT INTO a VALUES (1), (2)\nINSERT INTO b VALUES (10, 1), (11, 1), (20, 2)\n"
            + "INSERT INTO c VALUES (100, 10), (101, 11), (200, 20)\n"
            + "INSERT INTO d VALUES (1000, 100), (1001, 101), (2000, 200)\n"
            + "DELETE FROM a WHERE id = 1\nSELECT * FROM b\nSELECT * FROM c\nSELECT * FROM d",
        ON + "CREATE TABLE a(id INTEGER PRIMARY KEY)\n"
            + "CREATE TABLE b(id INTEGER PRIMARY KEY, a REFERENCES a ON DELETE CASCADE)\n"
            + "CREATE TABLE c(id INTEGER PRIMARY KEY, b REFERENCES b)\n"
            + "INSERT INTO a VALUES (1)\nINSERT INTO b VALUES (10, 1)\nINSERT INTO c VALUES (100, 10)\n"
            + "DELETE FROM a\nDELETE FROM c\nDELETE FROM a\nSELECT * FROM b",
        ON + "CREATE TABLE a(k PRIMARY KEY)\n"
            + "CREATE TABLE b(k PRIMARY KEY REFERENCES a ON UPDATE CASCADE)\n"
            + "CREATE TABLE c(k REFERENCES b ON UPDATE CASCADE)\n"
            + "INSERT INTO a VALUES ('x'), ('y')\nINSERT INTO b VALUES ('x'), ('y')\n"
            + "INSERT INTO c VALUES ('x'), ('y'), ('x')\nUPDATE a SET k = k || k\n"
            + "SELECT * FROM b\nSELECT * FROM c",
        // SET NULL and SET DEFAULT
        PC + "CREATE TABLE c(x REFERENCES p ON DELETE SET NULL ON UPDATE SET NULL, v)\n"
            + "INSERT INTO c VALUES (1, 'a'), (2, 'b')\nDELETE FROM p WHERE id = 1\n"
            + "UPDATE p SET id = 20 WHERE id = 2\nSELECT * FROM c",
        PC + "CREATE TABLE c(x NOT NULL REFERENCES p ON DELETE SET NULL)\nINSERT INTO c VALUES (1)\n"
            + "DELETE FROM p WHERE id = 1\nSELECT * FROM c",
        PC + "CREATE TABLE c(x DEFAULT 3 REFERENCES p ON DELETE SET DEFAULT ON UPDATE SET DEFAULT)\n"
            + "INSERT INTO c VALUES (1), (2)\nDELETE FROM p WHERE id = 1\nSELECT * FROM c\n"
            + "DELETE FROM p WHERE id = 3\nUPDATE p SET id = 30 WHERE id = 2\nSELECT * FROM c",
        PC + "CREATE TABLE c(x DEFAULT 42 REFERENCES p ON DELETE SET DEFAULT)\nINSERT INTO c VALUES (1)\n"
            + "DELETE FROM p WHERE id = 1\nINSERT INTO p VALUES (42, 'z')\nDELETE FROM p WHERE id = 1\n"
            + "SELECT * FROM c",
        PC + "CREATE TABLE c(x REFERENCES p ON DELETE SET DEFAULT)\nINSERT INTO c VALUES (2)\n"
            + "DELETE FROM p WHERE id = 2\nSELECT * FROM c",
        ON + "CREATE TABLE p(a, b, UNIQUE (a, b))\n"
            + "CREATE TABLE c(x DEFAULT 0, y DEFAULT 0, FOREIGN KEY (x, y) REFERENCES p(a, b) "
            + "ON DELETE SET DEFAULT ON UPDATE SET NULL)\n"
            + "INSERT INTO p VALUES (0, 0), (1, 1), (2, 2)\nINSERT INTO c VALUES (1, 1), (2, 2)\n"
            + "DELETE FROM p WHERE a = 1\nUPDATE p SET b = 9 WHERE a = 2\nSELECT * FROM c\n"
            + "DELETE FROM p WHERE a = 0",
        // self-referencing tables
        ON + "CREATE TABLE t(id INTEGER PRIMARY KEY, up REFERENCES t ON DELETE CASCADE)\n"
            + "INSERT INTO t VALUES (1, NULL), (2, 1), (3, 2), (4, 3), (5, 1), (6, NULL)\n"
            + "DELETE FROM t WHERE id = 2\nSELECT * FROM t\nDELETE FROM t WHERE id = 1\nSELECT * FROM t",
        ON + "CREATE TABLE t(id INTEGER PRIMARY KEY, up REFERENCES t)\n"
            + "INSERT INTO t VALUES (1, 1)\nINSERT INTO t VALUES (2, 3)\nINSERT INTO t VALUES (3, 2)\n"
            + "DELETE FROM t WHERE id = 1\nINSERT INTO t VALUES (2, 1), (3, 2)\nDELETE FROM t WHERE id = 2\n"
            + "DELETE FROM t\nSELECT * FROM t",
        ON + "CREATE TABLE t(k TEXT PRIMARY KEY, up REFERENCES t ON UPDATE CASCADE ON DELETE SET NULL)\n"
            + "INSERT INTO t VALUES ('a', NULL), ('b', 'a'), ('c', 'b')\nUPDATE t SET k = 'A' WHERE k = 'a'\n"
            + "SELECT * FROM t\nUPDATE t SET k = 'B' WHERE k = 'b'\nSELECT * FROM t\n"
            + "DELETE FROM t WHERE k = 'A'\nSELECT * FROM t",
        ON + "CREATE TABLE t(id INTEGER PRIMARY KEY, up REFERENCES t)\nINSERT INTO t VALUES (1, NULL)\n"
            + "UPDATE t SET up = 1\nUPDATE t SET id = 2\nUPDATE t SET id = 2, up = 2\nSELECT * FROM t",
        // deferred keys
        PC + "CREATE TABLE c(x REFERENCES p DEFERRABLE INITIALLY DEFERRED)\nINSERT INTO c VALUES (9)\n"
            + "BEGIN\nINSERT INTO c VALUES (9)\nSELECT * FROM c\nCOMMIT\nINSERT INTO p VALUES (9, 'z')\n"
            + "COMMIT\nSELECT * FROM c",
        PC + "CREATE TABLE c(x REFERENCES p DEFERRABLE INITIALLY DEFERRED)\nINSERT INTO c VALUES (1)\n"
            + "BEGIN\nDELETE FROM p WHERE id = 1\nCOMMIT\nROLLBACK\nSELECT * FROM p\nBEGIN\n"
            + "DELETE FROM p WHERE id = 1\nDELETE FROM c\nCOMMIT\nSELECT * FROM p",
        PC + "CREATE TABLE c(x REFERENCES p DEFERRABLE INITIALLY DEFERRED)\nBEGIN\n"
            + "INSERT INTO c VALUES (7)\nUPDATE c SET x = 1\nCOMMIT\nSELECT * FROM c",
        PC + "CREATE TABLE c(x REFERENCES p DEFERRABLE INITIALLY IMMEDIATE)\nBEGIN\n"
            + "INSERT INTO c VALUES (7)\nCOMMIT",
        PC + "CREATE TABLE c(x REFERENCES p NOT DEFERRABLE INITIALLY DEFERRED)\nBEGIN\n"
            + "INSERT INTO c VALUES (7)\nCOMMIT",
        PC + "CREATE TABLE c(x REFERENCES p DEFERRABLE INITIALLY DEFERRED)\nBEGIN\n"
            + "INSERT INTO c VALUES (7)\nINSERT INTO c VALUES (1, 2)\nCOMMIT\nDELETE FROM c WHERE x = 7\n"
            + "COMMIT\nSELECT * FROM c",
        PC + "CREATE TABLE c(x REFERENCES p DEFERRABLE INITIALLY DEFERRED, y REFERENCES p)\nBEGIN\n"
            + "INSERT INTO c VALUES (7, 1)\nINSERT INTO c VALUES (1, 7)\nINSERT INTO p VALUES (7, 'q')\n"
            + "COMMIT\nSELECT * FROM c",
        // PRAGMA defer_foreign_keys
        PC + "CREATE TABLE c(x REFERENCES p)\nBEGIN\nPRAGMA defer_foreign_keys = 1\n"
            + "INSERT INTO c VALUES (5)\nCOMMIT\nINSERT INTO p VALUES (5, 'e')\nCOMMIT\n"
            + "PRAGMA defer_foreign_keys\nINSERT INTO c VALUES (6)\nSELECT * FROM c",
        PC + "CREATE TABLE c(x REFERENCES p)\nINSERT INTO c VALUES (1)\nPRAGMA defer_foreign_keys = 1\n"
            + "DELETE FROM p WHERE id = 1\nPRAGMA defer_foreign_keys\nBEGIN\nPRAGMA defer_foreign_keys = 1\n"
            + "DELETE FROM p WHERE id = 1\nROLLBACK\nSELECT * FROM p",
        // REPLACE deletes rows, with their keys
        PC + "CREATE TABLE c(x REFERENCES p)\nINSERT INTO c VALUES (1)\n"
            + "INSERT OR REPLACE INTO p VALUES (1, 'new')\nREPLACE INTO p VALUES (5, 'a')\nSELECT * FROM p",
        PC + "CREATE TABLE c(x REFERENCES p ON DELETE CASCADE)\nINSERT INTO c VALUES (1), (2)\n"
            + "REPLACE INTO p VALUES (1, 'n')\nSELECT * FROM c\nINSERT OR REPLACE INTO p VALUES (7, 'b')\n"
            + "SELECT * FROM c\nSELECT * FROM p",
        PC + "CREATE TABLE c(n REFERENCES p(name) ON DELETE SET NULL)\nINSERT INTO c VALUES ('a')\n"
            + "UPDATE OR REPLACE p SET name = 'a' WHERE id = 2\nSELECT * FROM c\nSELECT * FROM p",
        // conflict clauses do not change a key failure
        PC + "CREATE TABLE c(x REFERENCES p)\nINSERT OR IGNORE INTO c VALUES (8)\n"
            + "INSERT OR FAIL INTO c VALUES (1), (8)\nINSERT OR ROLLBACK INTO c VALUES (8)\nBEGIN\n"
            + "INSERT INTO c VALUES (2)\nINSERT OR ROLLBACK INTO c VALUES (8)\nCOMMIT\nSELECT * FROM c",
        PC + "CREATE TABLE c(x REFERENCES p)\nINSERT INTO c VALUES (1), (2)\n"
            + "UPDATE OR IGNORE c SET x = x + 1\nUPDATE OR FAIL c SET x = x + 2\nSELECT * FROM c",
        // OR FAIL keeps the rows before the failure, and their deferred counts; immediate
        // violations among them turn the failure into an ABORT with the key's error
        PC + "CREATE TABLE c(x REFERENCES p DEFERRABLE INITIALLY DEFERRED, u UNIQUE)\nBEGIN\n"
            + "INSERT OR FAIL INTO c VALUES (9, 1), (9, 1)\nSELECT * FROM c\nCOMMIT\nDELETE FROM c\n"
            + "COMMIT\nSELECT * FROM c",
        PC + "CREATE TABLE c(x REFERENCES p, u UNIQUE)\nBEGIN\nINSERT OR FAIL INTO c VALUES (9, 1), (9, 1)\n"
            + "INSERT OR FAIL INTO c VALUES (1, 2), (1, 2)\nSELECT * FROM c\nCOMMIT\n"
            + "INSERT OR FAIL INTO c VALUES (2, 3), (7, 4)\nSELECT * FROM c",
        // statements inside a transaction: a failure undoes only itself
        PC + "CREATE TABLE c(x REFERENCES p)\nBEGIN\nINSERT INTO c VALUES (1)\nINSERT INTO c VALUES (2), (5)\n"
            + "DELETE FROM p WHERE id = 1\nINSERT INTO c VALUES (3)\nCOMMIT\nSELECT * FROM c",
        PC + "CREATE TABLE c(x REFERENCES p DEFERRABLE INITIALLY DEFERRED)\nBEGIN\n"
            + "INSERT INTO c VALUES (8)\nSAVEPOINT s\nINSERT INTO c VALUES (9)\nROLLBACK TO s\n"
            + "INSERT INTO p VALUES (8, 'h')\nCOMMIT\nSELECT * FROM c",
        // DROP TABLE
        PC + "CREATE TABLE c(x REFERENCES p)\nINSERT INTO c VALUES (1)\nDROP TABLE p\nDELETE FROM c\n"
            + "DROP TABLE p\nINSERT INTO c VALUES (1)\nSELECT * FROM c",
        PC + "CREATE TABLE c(x REFERENCES p ON DELETE CASCADE)\nINSERT INTO c VALUES (1), (2)\n"
            + "DROP TABLE p\nSELECT * FROM c",
        PC + "CREATE TABLE c(x REFERENCES p ON DELETE SET NULL)\nINSERT INTO c VALUES (1), (2)\n"
            + "DROP TABLE p\nSELECT * FROM c",
        PC + "CREATE TABLE c(x REFERENCES p)\nINSERT INTO c VALUES (1)\nDROP TABLE c\nDROP TABLE p\n"
            + "SELECT name FROM sqlite_schema",
        PC + "CREATE TABLE c(x REFERENCES p DEFERRABLE INITIALLY DEFERRED)\nINSERT INTO c VALUES (1)\n"
            + "BEGIN\nDROP TABLE p\nCOMMIT\nDROP TABLE c\nCOMMIT\nSELECT name FROM sqlite_schema",
        PC + "CREATE TABLE c(x REFERENCES p)\nINSERT INTO c VALUES (1)\nBEGIN\n"
            + "PRAGMA defer_foreign_keys = ON\nDROP TABLE p\nCOMMIT\nROLLBACK\nSELECT name FROM sqlite_schema",
        ON + "CREATE TABLE t(id INTEGER PRIMARY KEY, up REFERENCES t)\nINSERT INTO t VALUES (1, NULL), (2, 1)\n"
            + "DROP TABLE t\nSELECT name FROM sqlite_schema",
        // keys named in mixed case, column and table constraints together
        ON + "CREATE TABLE Par(Id INTEGER PRIMARY KEY, Code UNIQUE)\n"
            + "CREATE TABLE ch(a REFERENCES PAR, b, FOREIGN KEY (B) REFERENCES par(CODE) ON DELETE CASCADE)\n"
            + "INSERT INTO Par VALUES (1, 'x')\nINSERT INTO ch VALUES (1, 'x')\nINSERT INTO ch VALUES (1, 'y')\n"
            + "INSERT INTO ch VALUES (2, 'x')\nDELETE FROM par\nSELECT * FROM ch",
        // a child row changed only in other columns is not checked again
        ON + "CREATE TABLE p(id INTEGER PRIMARY KEY)\nCREATE TABLE c(x REFERENCES p, v)\n"
            + "PRAGMA foreign_keys = OFF\nINSERT INTO c VALUES (5, 0)\nPRAGMA foreign_keys = ON\n"
            + "UPDATE c SET v = 1\nUPDATE c SET x = 6\nDELETE FROM c\nSELECT * FROM c",
        // an existing violation from before ON is fixed by inserting its parent
        ON + "CREATE TABLE p(id INTEGER PRIMARY KEY)\nCREATE TABLE c(x REFERENCES p)\n"
            + "PRAGMA foreign_keys = OFF\nINSERT INTO c VALUES (5)\nPRAGMA foreign_keys = ON\n"
            + "INSERT INTO p VALUES (5)\nDELETE FROM p\nDELETE FROM c\nDELETE FROM p\nSELECT * FROM p",
        // UPDATE of the rowid of a parent with ON UPDATE CASCADE
        PC + "CREATE TABLE c(x REFERENCES p(id) ON UPDATE CASCADE)\nINSERT INTO c VALUES (1), (3)\n"
            + "UPDATE p SET rowid = rowid + 100\nSELECT * FROM c\nUPDATE p SET id = NULL WHERE id = 101\n"
            + "SELECT * FROM c",
        // a cascade that hits a UNIQUE or CHECK-free NOT NULL constraint in the child
        PC + "CREATE TABLE c(x UNIQUE REFERENCES p ON UPDATE CASCADE)\nINSERT INTO c VALUES (1), (2)\n"
            + "UPDATE p SET id = 2 WHERE id = 1\nUPDATE p SET id = 4 WHERE id = 3\nSELECT * FROM c",
        PC + "CREATE TABLE c(x REFERENCES p ON UPDATE SET NULL ON DELETE CASCADE, y NOT NULL)\n"
            + "INSERT INTO c VALUES (1, 1)\nUPDATE p SET id = 11 WHERE id = 1\nSELECT * FROM c\n"
            + "DELETE FROM p\nSELECT * FROM c",
        // cascaded rows count in total_changes(), not in changes(); child CHECKs hold
        PC + "CREATE TABLE c(x REFERENCES p ON DELETE CASCADE)\nINSERT INTO c VALUES (1), (1), (2)\n"
            + "SELECT total_changes()\nDELETE FROM p WHERE id = 1\nSELECT changes(), total_changes()",
        PC + "CREATE TABLE c(x REFERENCES p ON UPDATE CASCADE ON DELETE SET NULL "
            + "CHECK (x IS NOT NULL AND x < 10))\nINSERT INTO c VALUES (1), (2)\n"
            + "UPDATE p SET id = 20 WHERE id = 2\nUPDATE p SET id = 5 WHERE id = 2\nDELETE FROM p WHERE id = 1\n"
            + "SELECT * FROM c",
        // the child key is the child's INTEGER PRIMARY KEY
        PC + "CREATE TABLE c(id INTEGER PRIMARY KEY REFERENCES p ON UPDATE CASCADE, v)\n"
            + "INSERT INTO c VALUES (1, 'one'), (2, 'two')\nINSERT INTO c VALUES (8, 'x')\n"
            + "UPDATE p SET id = 7 WHERE id = 2\nSELECT rowid, * FROM c",
        // PRAGMA foreign_key_check, per table
        "CREATE TABLE p(id INTEGER PRIMARY KEY, k UNIQUE)\n"
            + "CREATE TABLE c(a REFERENCES p, b REFERENCES p(k), c REFERENCES q)\n"
            + "INSERT INTO c VALUES (1, 'x', 5), (NULL, NULL, NULL), ('z', 3, NULL)\n"
            + "INSERT INTO p VALUES (3, 'y')\nPRAGMA foreign_key_check(c)\nPRAGMA foreign_key_check('c')\n"
            + "PRAGMA foreign_key_check(p)\nPRAGMA foreign_key_check(nosuch)\n"
            + "INSERT INTO p VALUES (1, 'x')\nPRAGMA foreign_key_check(c)",
        "CREATE TABLE p(a, b)\nCREATE TABLE c(x REFERENCES p(a))\nINSERT INTO c VALUES (1)\n"
            + "PRAGMA foreign_key_check(c)\nPRAGMA foreign_key_check",
        "CREATE TABLE p(a, b, PRIMARY KEY (a, b))\nCREATE TABLE c(x, y, FOREIGN KEY (y, x) REFERENCES p)\n"
            + "INSERT INTO p VALUES (1, 2)\nINSERT INTO c VALUES (1, 2), (2, 1), (NULL, 1)\n"
            + "PRAGMA foreign_key_check\nPRAGMA foreign_key_check(c)",
        // child rows found through an index on the child key
        PC + "CREATE TABLE c(x INTEGER REFERENCES p ON DELETE CASCADE, v)\nCREATE INDEX cx ON c(x)\n"
            + "INSERT INTO c VALUES (1, 'a'), ('1', 'b'), (2, 'c'), (1.0, 'd')\n"
            + "DELETE FROM p WHERE id = 1\nSELECT * FROM c",
        PC + "CREATE TABLE c(n TEXT REFERENCES p(name) ON UPDATE CASCADE, v)\nCREATE INDEX cn ON c(n, v)\n"
            + "INSERT INTO c VALUES ('a', 1), ('b', 2), ('a', 3)\nUPDATE p SET name = 'A' WHERE id = 1\n"
            + "SELECT * FROM c\nDELETE FROM p WHERE id = 2",
        ON + "CREATE TABLE p(k TEXT COLLATE NOCASE PRIMARY KEY)\nCREATE TABLE c(k REFERENCES p)\n"
            + "CREATE INDEX ck ON c(k)\nCREATE INDEX ck2 ON c(k COLLATE NOCASE)\n"
            + "INSERT INTO p VALUES ('abc')\nINSERT INTO c VALUES ('ABC'), ('abc'), ('Abc')\n"
            + "DELETE FROM p\nUPDATE p SET k = 'zzz'\nSELECT * FROM c",
        ON + "CREATE TABLE p(k INTEGER PRIMARY KEY)\nCREATE TABLE c(k TEXT REFERENCES p ON DELETE CASCADE)\n"
            + "CREATE INDEX ck ON c(k)\nINSERT INTO p VALUES (5)\nINSERT INTO c VALUES ('5'), (5)\n"
            + "DELETE FROM p\nSELECT * FROM c",
        ON + "CREATE TABLE p(a, b, UNIQUE (a, b))\n"
            + "CREATE TABLE c(x, y, z, FOREIGN KEY (x, y) REFERENCES p(a, b) ON DELETE SET NULL)\n"
            + "CREATE INDEX cyx ON c(y, x, z)\nINSERT INTO p VALUES (1, 2), (2, 1)\n"
            + "INSERT INTO c VALUES (1, 2, 0), (2, 1, 0), (1, 2, 1)\nDELETE FROM p WHERE a = 1\n"
            + "SELECT * FROM c",
        // two keys from one child to the same parent
        PC + "CREATE TABLE e(src REFERENCES p ON DELETE CASCADE, dst REFERENCES p ON DELETE SET NULL)\n"
            + "INSERT INTO e VALUES (1, 2), (2, 1), (3, 3), (2, 2)\nDELETE FROM p WHERE id = 2\n"
            + "SELECT * FROM e\nDELETE FROM p WHERE id = 3\nSELECT * FROM e");
  }

  @ParameterizedTest
  @MethodSource("scripts")
  void sameOutcomes(String script) throws Exception {
    compare(script.lines().filter(l -> !l.isBlank()).toList());
  }

  /** Random writes across a parent, a cascading child, a restricting child and a grandchild. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void randomWrites(long seed) throws Exception {
    Random random = new Random(seed);
    List<String> script = new ArrayList<>(List.of(ON,
        "CREATE TABLE p(id INTEGER PRIMARY KEY, k UNIQUE)",
        "CREATE TABLE c(id INTEGER PRIMARY KEY, pid REFERENCES p ON DELETE CASCADE ON UPDATE CASCADE,"
            + " pk REFERENCES p(k) ON DELETE SET NULL ON UPDATE CASCADE)",
        "CREATE TABLE r(pid REFERENCES p ON DELETE RESTRICT, cid REFERENCES c ON DELETE CASCADE)",
        "CREATE TABLE d(cid REFERENCES c DEFERRABLE INITIALLY DEFERRED)"));
    for (int i = 0; i < 90; i++) {
      int a = random.nextInt(12);
      int b = random.nextInt(12);
      script.add(switch (random.nextInt(12)) {
        case 0, 1 -> "INSERT INTO p VALUES (" + a + ", 'k" + b + "')";
        case 2, 3 -> "INSERT INTO c(pid, pk) VALUES (" + a + ", " + (b < 3 ? "NULL" : "'k" + b + "'")
            + ")";
        case 4 -> "INSERT INTO r VALUES (" + (b < 4 ? "NULL" : a) + ", " + b + ")";
        case 5 -> "INSERT INTO d VALUES (" + a + ")";
        case 6 -> "DELETE FROM p WHERE id = " + a;
        case 7 -> "UPDATE p SET id = id + " + (b - 6) + " WHERE id = " + a;
        case 8 -> "UPDATE p SET k = 'k" + b + "' WHERE id = " + a;
        case 9 -> "DELETE FROM c WHERE id % 4 = " + (a % 4);
        case 10 -> "REPLACE INTO p VALUES (" + a + ", 'k" + b + "')";
        default -> random.nextBoolean() ? "BEGIN" : "COMMIT";
      });
    }
    script.add("COMMIT");
    compare(script);
  }

  private void compare(List<String> script) throws Exception {
    ScriptComparison.compare(dir, script, ScriptComparison.Codes.EXTENDED);
  }
}
