package dev.pagoda.shell;

import java.util.ArrayList;
import java.util.List;

/** Splits text at runs of spaces (no regular expressions, no empty words). */
final class Words {
  private Words() {}

  static List<String> of(String text) {
    List<String> words = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == ' ') {
        i++;
        continue;
      }
      int end = text.indexOf(' ', i);
      end = end < 0 ? text.length() : end;
      words.add(text.substring(i, end));
      i = end;
    }
    return words;
  }
}
