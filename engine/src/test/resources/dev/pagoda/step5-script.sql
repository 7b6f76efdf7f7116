-- Step 5's features, statement by statement; ScriptDifferentialTest runs each on Pagoda and on
-- sqlite-jdbc and compares rows (with storage classes) or errors. Queries without a total ORDER
-- BY are compared as multisets.

-- schema: affinities, constraints, defaults
CREATE TABLE emp(id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE, dept TEXT,
  salary REAL CHECK (salary >= 0), bonus NUMERIC DEFAULT 0, tag BLOB, code TEXT COLLATE RTRIM,
  UNIQUE (name, dept));
CREATE TABLE dept(code TEXT PRIMARY KEY, title TEXT DEFAULT 'untitled', floor INTEGER);
CREATE TABLE note(k INTEGER, v);
CREATE INDEX emp_dept ON emp(dept, salary DESC);
CREATE UNIQUE INDEX emp_code ON emp(code);
CREATE INDEX emp_lower ON emp(lower(name));
CREATE INDEX emp_rich ON emp(salary) WHERE salary > 5000;
CREATE INDEX note_kv ON note(k, v);

-- INSERT forms and affinity on insert
INSERT INTO dept VALUES ('eng', 'Engineering', 3), ('ops', 'Operations', 1);
INSERT INTO dept(code) VALUES ('hr');
INSERT INTO dept DEFAULT VALUES;
INSERT INTO emp(name, dept, salary, bonus, tag, code) VALUES
  ('Ada', 'eng', '7000', '12.0', x'01', 'a1'),
  ('bob', 'eng', 4200.5, '1e3', NULL, 'b1  '),
  ('Cy', 'ops', 3100, 'abc', x'', 'c1'),
  ('dee', NULL, 0, NULL, 'text', 'd1'),
  ('Eve', 'hr', 9100, 5, NULL, NULL);
INSERT INTO emp(id, name, dept, salary) VALUES (100, 'Fay', 'ops', 5500);
INSERT INTO emp(name, dept, salary) VALUES ('gus', 'eng', 5000.0);
INSERT INTO note SELECT id, name FROM emp WHERE salary > 4000;
INSERT INTO note VALUES (1, 1), (1, '1'), (1, 1.0), (2, x'61'), (NULL, NULL), (3, 'x'), (-7, 2.5);
SELECT id, typeof(salary), salary, typeof(bonus), bonus, typeof(tag) FROM emp ORDER BY id;
SELECT * FROM dept ORDER BY rowid;
SELECT k, v, typeof(v) FROM note ORDER BY rowid;

-- constraint violations: SQLite's errors, nothing changed
INSERT INTO emp(name, dept, salary) VALUES (NULL, 'eng', 1);
INSERT INTO emp(name, dept, salary) VALUES ('ada', 'eng', 1);
INSERT INTO emp(name, dept, salary) VALUES ('Zed', 'eng', -1);
INSERT INTO emp(id, name) VALUES (100, 'dup');
INSERT INTO emp(name, code) VALUES ('h1', 'zz'), ('h2', 'zz');
INSERT INTO emp(name, code) VALUES ('h3', 'a1  ');
UPDATE emp SET code = 'a1' WHERE id > 1;
UPDATE emp SET salary = salary - 5000;
INSERT INTO nosuch VALUES (1);
INSERT INTO emp(nosuch) VALUES (1);
INSERT INTO dept VALUES (1, 2);
SELECT count(*) FROM emp;

-- conflict clauses
INSERT OR IGNORE INTO emp(id, name, dept, salary) VALUES (100, 'Ign', 'ops', 1), (101, 'New', 'ops', 2);
INSERT OR REPLACE INTO emp(id, name, dept, salary, code) VALUES (2, 'Bob', 'eng', 4300, 'b2');
REPLACE INTO emp(name, dept, salary, code) VALUES ('Rep', 'hr', 10, 'c1');
INSERT OR FAIL INTO note VALUES (9, 9);
UPDATE OR IGNORE emp SET code = 'd1' WHERE id = 1;
UPDATE OR REPLACE emp SET code = 'd1' WHERE id = 101;
SELECT id, name, code FROM emp ORDER BY id;
WITH src(k, v) AS (VALUES (20, 'w1'), (21, 'w2')) INSERT INTO note SELECT k, v FROM src;
WITH gone AS (SELECT 21 AS k) DELETE FROM note WHERE k IN (SELECT k FROM gone);
WITH big AS (SELECT max(k) AS m FROM note) UPDATE note SET v = 'max' WHERE k = (SELECT m FROM big);
SELECT k, v FROM note WHERE k >= 20;

-- UPDATE and DELETE keep every index in step
UPDATE emp SET salary = salary * 1.1, bonus = bonus + 1 WHERE dept = 'eng';
UPDATE emp SET id = id + 1000 WHERE name = 'gus';
UPDATE emp SET (dept, code) = ('ops', 'x9') WHERE name = 'Eve';
DELETE FROM note WHERE k = 1 AND v = '1';
DELETE FROM note WHERE v IS NULL OR k < 0;
SELECT id, name, dept, salary, bonus FROM emp ORDER BY id;
SELECT name FROM emp WHERE lower(name) = 'ada';
SELECT name FROM emp WHERE salary > 6000 ORDER BY name;
SELECT k, v FROM note ORDER BY k, v;
REINDEX;
REINDEX emp;

-- binder: aliases, qualified names, *, t.*, rowid, correlated references, errors
SELECT e.name AS n, d.title FROM emp AS e JOIN dept d ON d.code = e.dept ORDER BY n;
SELECT e.*, d.floor FROM emp e, dept d WHERE e.dept = d.code ORDER BY e.id;
SELECT rowid, oid, _rowid_, id FROM emp ORDER BY 1;
SELECT name FROM emp WHERE salary > (SELECT avg(salary) FROM emp AS x WHERE x.dept = emp.dept);
SELECT nosuch FROM emp;
SELECT name FROM emp, dept;
SELECT code FROM emp, dept;
SELECT id FROM emp WHERE count(*) > 1;
SELECT sum(salary) FROM emp GROUP BY sum(salary);
SELECT emp.x FROM emp;
SELECT * FROM nosuch;

-- value semantics: comparisons, collations, arithmetic, conversions
SELECT 1 = 1.0, '1' = 1, 'a' < 'b', 'B' < 'a', x'00' > 'zzz', NULL = NULL, NULL IS NULL;
SELECT 'abc' = 'ABC' COLLATE NOCASE, 'a  ' = 'a' COLLATE RTRIM, name = 'ADA' FROM emp WHERE id = 1;
SELECT code FROM emp WHERE code = 'b2   ';
SELECT 9223372036854775807 + 1, -9223372036854775808 - 1, 5 / 2, 5 / 2.0, 7 % 3, -7 % 3, 7.5 % 2;
SELECT 5 / 0, 5 % 0, '3' + '4', '3x' + 1, 'x' * 2, 1 || 2, 1.5 || 'a', NULL || 'a';
SELECT CAST('12abc' AS INTEGER), CAST(3.9 AS INTEGER), CAST('1e3' AS NUMERIC), CAST(x'3132' AS TEXT), CAST(12 AS BLOB);
SELECT CASE WHEN 1 THEN 'y' ELSE 'n' END, CASE 2 WHEN 1 THEN 'a' WHEN 2 THEN 'b' END, CASE NULL WHEN NULL THEN 1 ELSE 0 END;
SELECT 'abc' LIKE 'A%', 'a_c' LIKE 'a\_c' ESCAPE '\', 'abc' GLOB 'a*', 'abc' GLOB 'A*', 'b' BETWEEN 'a' AND 'c';
SELECT 3 IN (1, 2, 3), 3 IN (1, NULL), 3 NOT IN (1, NULL), NULL IN (), 2 IN (SELECT k FROM note);
SELECT EXISTS (SELECT 1 FROM note WHERE k = 3), NOT EXISTS (SELECT 1 FROM note WHERE k = 99), (SELECT v FROM note ORDER BY k DESC);
SELECT NULL AND 0, NULL OR 1, NOT NULL, 1 AND NULL, 0 OR NULL;
SELECT abs(-3), coalesce(NULL, 'x'), length('héllo'), upper('abc'), substr('hello', -3, 2), round(2.5), typeof(1e0);

-- queries: DISTINCT, joins, subqueries, compound, ordering, limits, grouping
SELECT DISTINCT dept FROM emp;
SELECT DISTINCT k FROM note ORDER BY k DESC;
SELECT e.name, d.title FROM emp e LEFT JOIN dept d ON e.dept = d.code ORDER BY e.name;
SELECT e.name, d.title FROM emp e LEFT JOIN dept d ON e.dept = d.code AND d.floor > 1 ORDER BY e.name;
SELECT * FROM emp e CROSS JOIN dept d WHERE e.id = 1 ORDER BY d.code;
SELECT * FROM (SELECT dept AS code FROM emp) NATURAL JOIN dept ORDER BY 1, 2;
SELECT title, name FROM dept JOIN (SELECT dept AS code, name FROM emp) USING (code) ORDER BY 1, 2;
SELECT name FROM emp WHERE dept IN (SELECT code FROM dept WHERE floor >= 1) ORDER BY 1;
SELECT code FROM dept WHERE NOT EXISTS (SELECT 1 FROM emp WHERE emp.dept = dept.code) ORDER BY 1;
SELECT dept FROM emp UNION SELECT code FROM dept;
SELECT dept FROM emp UNION ALL SELECT code FROM dept ORDER BY 1;
SELECT dept FROM emp INTERSECT SELECT code FROM dept;
SELECT code FROM dept EXCEPT SELECT dept FROM emp;
SELECT name, salary FROM emp ORDER BY salary DESC NULLS LAST, name LIMIT 3 OFFSET 1;
SELECT name FROM emp ORDER BY name COLLATE BINARY;
SELECT name FROM emp ORDER BY 1 DESC LIMIT 2;
SELECT dept, count(*), sum(salary), avg(salary), min(name), max(name), total(bonus) FROM emp GROUP BY dept ORDER BY 1;
SELECT dept, count(DISTINCT k) FROM emp JOIN note ON note.k = emp.id GROUP BY dept HAVING count(*) >= 1 ORDER BY 1;
SELECT count(*) FILTER (WHERE salary > 5000), group_concat(name, ';') FILTER (WHERE dept = 'eng') FROM emp;
SELECT max(salary), name FROM emp;
SELECT dept, group_concat(name) FROM (SELECT * FROM emp ORDER BY name) GROUP BY dept ORDER BY 1;
SELECT count(*), sum(x) FROM (SELECT 1 AS x WHERE 0);
WITH rich(n, s) AS (SELECT name, salary FROM emp WHERE salary > 4000) SELECT n FROM rich WHERE s < 9000 ORDER BY n;
WITH a AS (SELECT 1 AS x), b AS (SELECT x + 1 AS y FROM a) SELECT * FROM a, b;
VALUES (1, 'one'), (2, NULL);
WITH RECURSIVE cnt(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM cnt WHERE x < 10) SELECT sum(x), count(*) FROM cnt;
WITH RECURSIVE chain(n, s) AS (SELECT 1, 'a' UNION SELECT n + 1, s || 'b' FROM chain LIMIT 4) SELECT * FROM chain ORDER BY n;
SELECT e.name, d.code FROM emp e RIGHT JOIN dept d ON e.dept = d.code ORDER BY d.code, e.name;
SELECT e.name, d.code FROM emp e FULL JOIN dept d ON e.dept = d.code ORDER BY d.code, e.name;
SELECT (1, 2) = (1, 2), (1, 2) < (1, 3), (k, v) IN (SELECT k, v FROM note) FROM note WHERE k = 3;
SELECT * FROM (VALUES (3), (1), (2)) ORDER BY column1;
SELECT 1 ORDER BY 2;
SELECT a FROM (SELECT 1 AS a) UNION SELECT 1, 2;

-- views
CREATE VIEW v_emp(n, d) AS SELECT name, dept FROM emp WHERE salary > 1000;
SELECT * FROM v_emp ORDER BY n;
SELECT v.d, count(*) FROM v_emp v JOIN dept ON dept.code = v.d GROUP BY v.d ORDER BY 1;
CREATE VIEW v_emp AS SELECT 1;
INSERT INTO v_emp VALUES (1, 2);
DROP TABLE v_emp;
DROP VIEW v_emp;
DROP VIEW v_emp;
DROP VIEW IF EXISTS v_emp;

-- triggers, changes(), last_insert_rowid()
CREATE TABLE audit(id INTEGER PRIMARY KEY, what TEXT, k, old_v, new_v);
CREATE TRIGGER note_ins AFTER INSERT ON note WHEN NEW.k > 0 BEGIN
  INSERT INTO audit(what, k, new_v) VALUES ('ins', NEW.k, NEW.v);
END;
CREATE TRIGGER note_upd BEFORE UPDATE OF v ON note BEGIN
  INSERT INTO audit(what, k, old_v, new_v) VALUES ('upd', OLD.k, OLD.v, NEW.v);
END;
CREATE TRIGGER note_del AFTER DELETE ON note BEGIN
  DELETE FROM audit WHERE k = OLD.k AND what = 'ins';
END;
CREATE TRIGGER note_guard BEFORE INSERT ON note WHEN NEW.k = 666 BEGIN
  SELECT RAISE(ABORT, 'no devils');
END;
INSERT INTO note VALUES (30, 'a'), (-30, 'b');
SELECT changes(), last_insert_rowid() = (SELECT max(rowid) FROM note);
UPDATE note SET v = 'A' WHERE k = 30;
SELECT changes();
UPDATE note SET k = 31 WHERE k = 30;
INSERT INTO note VALUES (666, 'x');
DELETE FROM note WHERE k = 31;
SELECT changes(), total_changes() > 0;
SELECT what, k, old_v, new_v FROM audit ORDER BY id;
CREATE VIEW v_note AS SELECT k, v FROM note;
CREATE TRIGGER v_note_ins INSTEAD OF INSERT ON v_note BEGIN
  INSERT INTO note VALUES (NEW.k * 10, NEW.v);
END;
INSERT INTO v_note VALUES (4, 'via view');
SELECT k, v FROM note WHERE k = 40;
CREATE TRIGGER note_ins AFTER INSERT ON note BEGIN SELECT 1; END;
CREATE TRIGGER bad INSTEAD OF INSERT ON note BEGIN SELECT 1; END;
DROP TRIGGER nosuch;
DROP TRIGGER note_guard;
INSERT INTO note VALUES (666, 'now fine');
BEGIN;
INSERT INTO note VALUES (50, 'in txn');
INSERT OR ROLLBACK INTO emp(id, name) VALUES (1, 'dup');
SELECT count(*) FROM note WHERE k = 50;
INSERT INTO emp(name) VALUES ('after rollback');
SELECT count(*) FROM emp WHERE name = 'after rollback';

-- schema changes
CREATE TABLE t2 AS SELECT 1;
CREATE TABLE t4 AS SELECT id, name, salary * 2 AS "double pay", bonus, tag, name AS name, 'x' || code AS "select" FROM emp WHERE id < 5;
SELECT sql FROM sqlite_schema WHERE name IN ('t2', 't4') ORDER BY name;
SELECT * FROM t4 ORDER BY id;
CREATE TABLE t3(a INTEGER PRIMARY KEY, b UNIQUE, c DEFAULT (1 + 2));
INSERT INTO t3(b) VALUES ('p'), ('q');
CREATE TABLE log(id INTEGER PRIMARY KEY, at DEFAULT CURRENT_TIMESTAMP, d DEFAULT CURRENT_DATE, n DEFAULT (1 + 1), s DEFAULT 'x');
INSERT INTO log(id) VALUES (1);
SELECT id, length(at), typeof(at), substr(at, 5, 1), length(d), n, s FROM log;
SELECT * FROM t3 ORDER BY a;
DROP INDEX emp_rich;
DROP INDEX emp_rich;
DROP TABLE t3;
SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name;
SELECT type, name, tbl_name FROM sqlite_schema ORDER BY name;
-- Step 6: function flags in schema objects (SQLite refuses non-deterministic index expressions and
-- partial-index conditions, but allows random() in a CHECK).
CREATE INDEX nd_expr ON emp(id + random());
CREATE INDEX nd_where ON emp(id) WHERE random() > 0;
CREATE INDEX d_expr ON emp(abs(id));
CREATE TABLE ck(x CHECK (random() <> 0));
INSERT INTO ck VALUES (1);
SELECT count(*) FROM ck;
DROP INDEX d_expr;
DROP TABLE ck;
