package dev.pagoda.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternsTest {
  /** Patterns.like agrees with SQLite's LIKE ... ESCAPE '\' on every pair. */
  @Test
  void like_agreesWithSqlite() throws SQLException {
    List<String> patterns =
        List.of("main", "MAIN", "%", "m%", "%n", "m_in", "m\\_in", "_", "____", "%a%", "ma%n",
            "", "m%%", "\\%", "mai", "mainx", "%i_");
    List<String> texts = List.of("main", "m_in", "mAin", "", "%", "maiin");
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        PreparedStatement ps = sqlite.prepareStatement("SELECT ? LIKE ? ESCAPE '\\'")) {
      for (String pattern : patterns) {
        for (String text : texts) {
          ps.setString(1, text);
          ps.setString(2, pattern);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals(
                rs.getInt(1) == 1, Patterns.like(pattern, 0, text, 0), text + " LIKE " + pattern);
          }
        }
      }
    }
  }

  @Test
  void schemaArguments_selectMainOnly() {
    assertTrue(Patterns.matchesMain(null));
    assertTrue(Patterns.matchesMain(""));
    assertTrue(Patterns.matchesMain("m%"));
    assertFalse(Patterns.matchesMain("temp"));
    assertTrue(Patterns.isMain("Main"));
    assertFalse(Patterns.isMain("m%"));
  }
}
