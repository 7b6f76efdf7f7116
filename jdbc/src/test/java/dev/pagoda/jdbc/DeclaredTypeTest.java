package dev.pagoda.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeclaredTypeTest {
  private static final List<String> TYPES =
      List.of("INTEGER", "int", "MEDIUMINT", "BOOLEAN", "INT8", "VARCHAR(255)", "nchar(5)",
          "TEXT", "CLOB", "BLOB", "REAL", "DOUBLE PRECISION", "FLOAT", "NUMERIC", "DECIMAL(10)",
          "DECIMAL(10, 5)", "NUMERIC(7,0)", "DATE", "DATETIME", "TIMESTAMP", "", "UUID",
          "CHARINT", "POINT(3)");

  /** TYPE_NAME, DATA_TYPE and DECIMAL_DIGITS as sqlite-jdbc's getColumns gives them. */
  @Test
  void of_nameTypeAndDigits_matchSqliteJdbc() throws SQLException {
    StringBuilder ddl = new StringBuilder("CREATE TABLE t (");
    for (int i = 0; i < TYPES.size(); i++) {
      ddl.append(i > 0 ? ", c" : "c").append(i).append(' ').append(TYPES.get(i));
    }
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement st = sqlite.createStatement()) {
      st.execute(ddl.append(')').toString());
      try (ResultSet rs = sqlite.getMetaData().getColumns(null, null, "t", null)) {
        for (String declared : TYPES) {
          rs.next();
          DeclaredType type = DeclaredType.of(declared);
          assertEquals(rs.getString("TYPE_NAME"), type.typeName(), declared);
          assertEquals(rs.getInt("DATA_TYPE"), type.dataType(), declared);
          assertEquals(rs.getInt("DECIMAL_DIGITS"), type.decimalDigits(), declared);
        }
      }
    }
  }

  /** The javadoc's COLUMN_SIZE: the precision, not sqlite-jdbc's precision + scale. */
  @Test
  void of_precisionAndScale_sizeIsThePrecision() {
    assertEquals(new DeclaredType("DECIMAL", Types.FLOAT, 10, 5), DeclaredType.of("decimal(10,5)"));
    assertEquals(new DeclaredType("VARCHAR", Types.VARCHAR, 40, 0), DeclaredType.of("VARCHAR(40)"));
    assertEquals(
        new DeclaredType("", Types.VARCHAR, DeclaredType.NO_SIZE, 10), DeclaredType.of(null));
  }
}
