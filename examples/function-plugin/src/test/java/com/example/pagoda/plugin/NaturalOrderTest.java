package com.example.pagoda.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {
  private final NaturalOrder natsort = new NaturalOrder();

  private List<String> sorted(String... values) {
    List<String> list = new ArrayList<>(List.of(values));
    list.sort(natsort::compare);
    return list;
  }

  @Test
  void compare_digitRuns_orderByValue() {
    assertEquals(List.of("file1", "file2", "file10", "file10b", "file11"),
        sorted("file10", "file2", "file11", "file1", "file10b"));
  }

  @Test
  void compare_numbersLongerThanALong_orderByValue() {
    assertEquals(List.of("n99999999999999999999", "n100000000000000000000"),
        sorted("n100000000000000000000", "n99999999999999999999"));
  }

  @Test
  void compare_leadingZeros_tieBrokenByCodePoints() {
    assertTrue(natsort.compare("a01", "a1") < 0);
    assertTrue(natsort.compare("a1", "a01") > 0);
    assertTrue(natsort.compare("a01", "a2") < 0);
  }

  @Test
  void compare_numberAgainstLetters_sitsWhereDigitsDo() {
    assertEquals(List.of("a-", "a9", "a10", "aa", "a\u00e9"), sorted("aa", "a10", "a\u00e9", "a-", "a9"));
  }

  @Test
  void compare_supplementaryCharacters_inCodePointOrder() {
    // U+FF5E sorts before U+1F600 by code point, though its UTF-16 unit is larger.
    assertTrue(natsort.compare("\uFF5E", "\uD83D\uDE00") < 0);
  }
}
