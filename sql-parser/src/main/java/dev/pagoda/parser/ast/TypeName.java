package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/**
 * A declared type. {@code text} is the source text from the first word through the closing
 * parenthesis, spacing and quotes kept, which is what SQLite stores as the column's declared type
 * (SQLite dequotes it when it starts with a quote; see {@link #declaredType()}). {@code name} is
 * the words alone, spacing kept ({@code "DOUBLE  PRECISION"}); {@code size1} and {@code size2} are
 * the optional signed numbers as written ({@code "-10"}, {@code "+5"}), or null.
 */
public record TypeName(String text, String name, String size1, String size2) {
  public TypeName {
    requireNonNull(text, "text");
    requireNonNull(name, "name");
    if (size1 == null && size2 != null) {
      throw new IllegalArgumentException("size2 without size1");
    }
  }

  /** A type with no size, e.g. {@code TypeName.of("INTEGER")}. */
  public static TypeName of(String name) {
    return new TypeName(name, name, null, null);
  }

  /**
   * The declared type as SQLite records it for affinity and {@code PRAGMA table_info}: the text,
   * dequoted up to its first closing quote when it starts with a quote character.
   */
  public String declaredType() {
    if (text.isEmpty()) {
      return text;
    }
    char q = text.charAt(0);
    if (q != '"' && q != '\'' && q != '`' && q != '[') {
      return text;
    }
    char close = q == '[' ? ']' : q;
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == close) {
        if (i + 1 < text.length() && text.charAt(i + 1) == close && q != '[') {
          sb.append(c);
          i++;
          continue;
        }
        break;
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
