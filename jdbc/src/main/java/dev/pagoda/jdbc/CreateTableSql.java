package dev.pagoda.jdbc;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the schema pragmas do not tell about a table, read from its {@code CREATE TABLE} text in
 * {@code sqlite_schema}: the name of its PRIMARY KEY constraint, the name and deferrability of each
 * foreign key, and whether it uses AUTOINCREMENT. Only the top level of the column and constraint
 * list is read (what is inside parentheses there, such as CHECK expressions or key column lists,
 * is skipped), after a tokenizer that knows SQLite's quoting and comments, so a keyword inside a
 * string, a quoted name or a comment is never taken for a constraint.
 *
 * @param primaryKeyName the {@code CONSTRAINT name} of the PRIMARY KEY, or null
 * @param foreignKeys the foreign keys in declaration order (SQLite's {@code foreign_key_list}
 *     numbers them the other way round: its id 0 is the last one declared)
 * @param autoincrement whether the INTEGER PRIMARY KEY is declared AUTOINCREMENT
 */
record CreateTableSql(String primaryKeyName, List<ForeignKey> foreignKeys, boolean autoincrement) {

  /**
   * A foreign key as declared.
   *
   * @param name its {@code CONSTRAINT name}, or null
   * @param deferrability one of {@link DatabaseMetaData}'s {@code importedKey...Deferred}, {@code
   *     importedKeyInitiallyImmediate} or {@code importedKeyNotDeferrable}
   */
  record ForeignKey(String name, int deferrability) {}

  /** Nothing known: for views, virtual tables and tables whose text is missing. */
  static final CreateTableSql NONE = new CreateTableSql(null, List.of(), false);

  CreateTableSql {
    foreignKeys = List.copyOf(foreignKeys);
  }

  /** The foreign key that {@code foreign_key_list} numbers {@code id}, or null if unknown. */
  ForeignKey foreignKey(int id) {
    int index = foreignKeys.size() - 1 - id;
    return index >= 0 && index < foreignKeys.size() ? foreignKeys.get(index) : null;
  }

  /** Reads {@code sql}, a CREATE TABLE statement (null gives {@link #NONE}). */
  static CreateTableSql parse(String sql) {
    if (sql == null) {
      return NONE;
    }
    List<Token> tokens = tokenize(sql);
    String primaryKeyName = null;
    List<ForeignKey> foreignKeys = new ArrayList<>();
    boolean autoincrement = false;
    String pendingName = null; // CONSTRAINT name, waiting for the constraint it names
    int foreignKey = -1; // index in foreignKeys of the clause being read, or -1
    boolean awaitingReferences = false; // FOREIGN KEY (...) read, its REFERENCES not yet
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.is("(")) {
        depth++;
      } else if (token.is(")")) {
        depth--;
      } else if (depth != 1) {
        continue;
      } else if (token.is(",")) {
        pendingName = null;
        foreignKey = -1;
        awaitingReferences = false;
      } else if (token.isWord("CONSTRAINT") && i + 1 < tokens.size()) {
        pendingName = tokens.get(++i).name();
      } else if (token.isWord("PRIMARY")) {
        primaryKeyName = pendingName;
        pendingName = null;
      } else if (token.isWord("FOREIGN") || token.isWord("REFERENCES")) {
        if (!awaitingReferences) {
          foreignKeys.add(new ForeignKey(pendingName, DatabaseMetaData.importedKeyNotDeferrable));
          foreignKey = foreignKeys.size() - 1;
        }
        awaitingReferences = token.isWord("FOREIGN");
        pendingName = null;
      } else if (token.isWord("DEFERRABLE") && foreignKey >= 0) {
        boolean not = tokens.get(i - 1).isWord("NOT");
        ForeignKey declared = foreignKeys.get(foreignKey);
        foreignKeys.set(foreignKey, new ForeignKey(declared.name(), deferrability(not, tokens, i)));
      } else if (token.isWord("AUTOINCREMENT")) {
        autoincrement = true;
      } else if (startsOtherConstraint(token)) {
        pendingName = null;
      }
    }
    return new CreateTableSql(primaryKeyName, foreignKeys, autoincrement);
  }

  /** The words that start a constraint other than PRIMARY KEY and a foreign key. */
  private static boolean startsOtherConstraint(Token token) {
    return token.isWord("UNIQUE")
        || token.isWord("CHECK")
        || token.isWord("DEFAULT")
        || token.isWord("COLLATE")
        || token.isWord("GENERATED")
        || token.isWord("AS")
        || token.isWord("NULL")
        || token.isWord("NOT");
  }

  /** [NOT] DEFERRABLE [INITIALLY DEFERRED | INITIALLY IMMEDIATE], DEFERRABLE at {@code at}. */
  private static int deferrability(boolean not, List<Token> tokens, int at) {
    if (not) {
      return DatabaseMetaData.importedKeyNotDeferrable;
    }
    boolean deferred =
        at + 2 < tokens.size()
            && tokens.get(at + 1).isWord("INITIALLY")
            && tokens.get(at + 2).isWord("DEFERRED");
    return deferred
        ? DatabaseMetaData.importedKeyInitiallyDeferred
        : DatabaseMetaData.importedKeyInitiallyImmediate;
  }

  /**
   * A token: {@code text} as written and, for names, {@code name} with quotes removed. Punctuation
   * and operators are one-character tokens.
   */
  private record Token(String text, String name, boolean word) {
    boolean is(String punctuation) {
      return !word && text.equals(punctuation);
    }

    boolean isWord(String keyword) {
      return word && text.equalsIgnoreCase(keyword);
    }
  }

  private static List<Token> tokenize(String sql) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '"' || c == '`' || c == '\'' || c == '[') {
        char close = c == '[' ? ']' : c;
        int end = i + 1;
        StringBuilder name = new StringBuilder();
        while (end < n) {
          char d = sql.charAt(end);
          if (d == close) {
            if (close != ']' && end + 1 < n && sql.charAt(end + 1) == close) {
              name.append(close);
              end += 2;
              continue;
            }
            break;
          }
          name.append(d);
          end++;
        }
        // a quoted name is a name token; a string literal is only skipped past
        tokens.add(new Token(sql.substring(i, Math.min(end + 1, n)), name.toString(), c != '\''));
        i = end + 1;
      } else if (isWordChar(c)) {
        int end = i;
        while (end < n && isWordChar(sql.charAt(end))) {
          end++;
        }
        String word = sql.substring(i, end);
        tokens.add(new Token(word.toUpperCase(Locale.ROOT), word, true));
        i = end;
      } else {
        tokens.add(new Token(String.valueOf(c), null, false));
        i++;
      }
    }
    return tokens;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80;
  }
}
