package dev.pagoda.parser;

/**
 * Token kinds. The keyword constants are SQLite's 147 keywords ({@code TEMPORARY} is spelled
 * {@link #TEMP}), with the classes SQLite's grammar gives them.
 */
enum TokenType {
  /** End of input (also a NUL character, as in SQLite). */
  EOF(K.SPECIAL),
  /** A bad token; the parser reports {@code unrecognized token} when it reaches it. */
  ILLEGAL(K.SPECIAL),
  /** An identifier, possibly quoted with {@code ""}, {@code []} or backticks. */
  ID(K.SPECIAL),
  STRING(K.SPECIAL),
  INTEGER(K.SPECIAL),
  FLOAT(K.SPECIAL),
  /** A number with {@code _} digit separators. */
  QNUMBER(K.SPECIAL),
  BLOB(K.SPECIAL),
  VARIABLE(K.SPECIAL),
  LP(K.SPECIAL),
  RP(K.SPECIAL),
  SEMI(K.SPECIAL),
  COMMA(K.SPECIAL),
  DOT(K.SPECIAL),
  PLUS(K.SPECIAL),
  MINUS(K.SPECIAL),
  STAR(K.SPECIAL),
  SLASH(K.SPECIAL),
  REM(K.SPECIAL),
  EQ(K.SPECIAL),
  NE(K.SPECIAL),
  LT(K.SPECIAL),
  LE(K.SPECIAL),
  GT(K.SPECIAL),
  GE(K.SPECIAL),
  LSHIFT(K.SPECIAL),
  RSHIFT(K.SPECIAL),
  BITAND(K.SPECIAL),
  BITOR(K.SPECIAL),
  BITNOT(K.SPECIAL),
  CONCAT(K.SPECIAL),
  /** {@code ->} or {@code ->>}. */
  PTR(K.SPECIAL),
  ABORT(K.FALLBACK),
  ACTION(K.FALLBACK),
  ADD(K.RESERVED),
  AFTER(K.FALLBACK),
  ALL(K.RESERVED),
  ALTER(K.RESERVED),
  ALWAYS(K.FALLBACK),
  ANALYZE(K.FALLBACK),
  AND(K.RESERVED),
  AS(K.RESERVED),
  ASC(K.FALLBACK),
  ATTACH(K.FALLBACK),
  AUTOINCREMENT(K.RESERVED),
  BEFORE(K.FALLBACK),
  BEGIN(K.FALLBACK),
  BETWEEN(K.RESERVED),
  BY(K.FALLBACK),
  CASCADE(K.FALLBACK),
  CASE(K.RESERVED),
  CAST(K.FALLBACK),
  CHECK(K.RESERVED),
  COLLATE(K.RESERVED),
  COLUMN(K.FALLBACK),
  COMMIT(K.RESERVED),
  CONFLICT(K.FALLBACK),
  CONSTRAINT(K.RESERVED),
  CREATE(K.RESERVED),
  CROSS(K.JOIN_KW),
  CURRENT(K.FALLBACK),
  CURRENT_DATE(K.FALLBACK),
  CURRENT_TIME(K.FALLBACK),
  CURRENT_TIMESTAMP(K.FALLBACK),
  DATABASE(K.FALLBACK),
  DEFAULT(K.RESERVED),
  DEFERRABLE(K.RESERVED),
  DEFERRED(K.FALLBACK),
  DELETE(K.RESERVED),
  DESC(K.FALLBACK),
  DETACH(K.FALLBACK),
  DISTINCT(K.RESERVED),
  DO(K.FALLBACK),
  DROP(K.RESERVED),
  EACH(K.FALLBACK),
  ELSE(K.RESERVED),
  END(K.FALLBACK),
  ESCAPE(K.RESERVED),
  EXCEPT(K.RESERVED),
  EXCLUDE(K.FALLBACK),
  EXCLUSIVE(K.FALLBACK),
  EXISTS(K.RESERVED),
  EXPLAIN(K.FALLBACK),
  FAIL(K.FALLBACK),
  /** Contextual: the cursor makes it an ID unless SQLite's tokenizer would keep it. */
  FILTER(K.RESERVED),
  FIRST(K.FALLBACK),
  FOLLOWING(K.FALLBACK),
  FOR(K.FALLBACK),
  FOREIGN(K.RESERVED),
  FROM(K.RESERVED),
  FULL(K.JOIN_KW),
  GENERATED(K.FALLBACK),
  GLOB(K.FALLBACK),
  GROUP(K.RESERVED),
  GROUPS(K.FALLBACK),
  HAVING(K.RESERVED),
  IF(K.FALLBACK),
  IGNORE(K.FALLBACK),
  IMMEDIATE(K.FALLBACK),
  IN(K.RESERVED),
  INDEX(K.RESERVED),
  INDEXED(K.RESERVED),
  INITIALLY(K.FALLBACK),
  INNER(K.JOIN_KW),
  INSERT(K.RESERVED),
  INSTEAD(K.FALLBACK),
  INTERSECT(K.RESERVED),
  INTO(K.RESERVED),
  IS(K.RESERVED),
  ISNULL(K.RESERVED),
  JOIN(K.RESERVED),
  KEY(K.FALLBACK),
  LAST(K.FALLBACK),
  LEFT(K.JOIN_KW),
  LIKE(K.FALLBACK),
  LIMIT(K.RESERVED),
  MATCH(K.FALLBACK),
  MATERIALIZED(K.FALLBACK),
  NATURAL(K.JOIN_KW),
  NO(K.FALLBACK),
  NOT(K.RESERVED),
  NOTHING(K.RESERVED),
  NOTNULL(K.RESERVED),
  NULL(K.RESERVED),
  NULLS(K.FALLBACK),
  OF(K.FALLBACK),
  OFFSET(K.FALLBACK),
  ON(K.RESERVED),
  OR(K.RESERVED),
  ORDER(K.RESERVED),
  OTHERS(K.FALLBACK),
  OUTER(K.JOIN_KW),
  /** Contextual: the cursor makes it an ID unless SQLite's tokenizer would keep it. */
  OVER(K.RESERVED),
  PARTITION(K.FALLBACK),
  PLAN(K.FALLBACK),
  PRAGMA(K.FALLBACK),
  PRECEDING(K.FALLBACK),
  PRIMARY(K.RESERVED),
  QUERY(K.FALLBACK),
  RAISE(K.FALLBACK),
  RANGE(K.FALLBACK),
  RECURSIVE(K.FALLBACK),
  REFERENCES(K.RESERVED),
  REGEXP(K.FALLBACK),
  REINDEX(K.FALLBACK),
  RELEASE(K.FALLBACK),
  RENAME(K.FALLBACK),
  REPLACE(K.FALLBACK),
  RESTRICT(K.FALLBACK),
  RETURNING(K.RESERVED),
  RIGHT(K.JOIN_KW),
  ROLLBACK(K.FALLBACK),
  ROW(K.FALLBACK),
  ROWS(K.FALLBACK),
  SAVEPOINT(K.FALLBACK),
  SELECT(K.RESERVED),
  SET(K.RESERVED),
  TABLE(K.RESERVED),
  TEMP(K.FALLBACK),
  THEN(K.RESERVED),
  TIES(K.FALLBACK),
  TO(K.RESERVED),
  TRANSACTION(K.RESERVED),
  TRIGGER(K.FALLBACK),
  UNBOUNDED(K.FALLBACK),
  UNION(K.RESERVED),
  UNIQUE(K.RESERVED),
  UPDATE(K.RESERVED),
  USING(K.RESERVED),
  VACUUM(K.FALLBACK),
  VALUES(K.RESERVED),
  VIEW(K.FALLBACK),
  VIRTUAL(K.FALLBACK),
  WHEN(K.RESERVED),
  WHERE(K.RESERVED),
  /** Contextual: the cursor makes it an ID unless SQLite's tokenizer would keep it. */
  WINDOW(K.RESERVED),
  WITH(K.FALLBACK),
  WITHOUT(K.FALLBACK);

  /** Flag bits (a nested class, since enum constants may not use the enum's own statics). */
  private static final class K {
    static final int SPECIAL = 0;
    static final int RESERVED = 1;
    /** Usable as an identifier wherever the keyword itself is not valid (%fallback ID). */
    static final int FALLBACK = 2 | RESERVED;
    /** A join keyword: usable as a name ({@code nm}) but not as an alias. */
    static final int JOIN_KW = 4 | RESERVED;
  }

  private final int flags;

  TokenType(int flags) {
    this.flags = flags;
  }

  boolean isKeyword() {
    return (flags & K.RESERVED) != 0;
  }

  /** SQLite's {@code %fallback ID}: the keyword may serve as an identifier. */
  boolean isFallback() {
    return (flags & K.FALLBACK) == K.FALLBACK;
  }

  boolean isJoinKeyword() {
    return (flags & K.JOIN_KW) == K.JOIN_KW;
  }

  /** The keyword's spelling, e.g. {@code "SELECT"}. */
  String keywordText() {
    return name();
  }
}
