package dev.pagoda.planner;

import dev.pagoda.parser.ParsedStatement;
import dev.pagoda.parser.Parser;

/**
 * The text SQLite stores in {@code sqlite_schema.sql} for a CREATE TABLE: {@code "CREATE TABLE "}
 * followed by the statement's own text from the (unqualified) table name to its end. So {@code
 * create temp table if not exists main.t(a)} is stored as {@code CREATE TABLE t(a)}.
 */
final class CreateText {
  private CreateText() {}

  static String stored(ParsedStatement parsed, String source) {
    int name = Parser.createTableNameOffset(source, parsed);
    return "CREATE TABLE " + source.substring(name, parsed.end());
  }
}
