package dev.pagoda.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every PreparedStatement setter, with many values, on sqlite-jdbc and on Pagoda: what is bound
 * ({@code typeof} and {@code quote} of the parameter, alone and stored in columns of several
 * affinities), what ParameterMetaData says about it, and what reading it back gives; under each
 * date setting ({@code date_class}, {@code date_precision}, {@code date_string_format}).
 */
class ParameterConformanceTest {
  /** A setter call on parameter 1. */
  @FunctionalInterface
  interface Bind {
    void bind(PreparedStatement ps) throws Exception;
  }

  /**
   * @param oracle the setter whose sqlite-jdbc outcome this one's Pagoda outcome must equal: itself,
   *     or for the N-variants sqlite-jdbc does not implement (setNString, setNCharacterStream,
   *     setNClob), the plain variant
   */
  record Setter(String name, Bind bind, Bind oracle) {
    Setter(String name, Bind bind) {
      this(name, bind, bind);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final long MILLIS = 1706704496789L; // 2024-01-31 12:34:56.789 UTC
  private static final Calendar TOKYO = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));

  /** The connection settings each setter runs under. */
  static final List<String> SETTINGS = List.of(
      "", "date_class=TEXT", "date_class=REAL", "date_precision=SECONDS",
      "date_class=text;date_string_format=yyyy/MM/dd HH:mm", "date_class=INTEGER");

  private static final List<Connection> SQLITE = new ArrayList<>();
  private static final List<Connection> PAGODA = new ArrayList<>();

  @BeforeAll
  static void open() throws SQLException {
    for (String setting : SETTINGS) {
      Properties props = new Properties();
      for (String pair : setting.split(";", -1)) {
        if (!pair.isEmpty()) {
          String[] kv = pair.split("=", 2);
          props.setProperty(kv[0], kv[1]);
        }
      }
      SQLITE.add(prepare(DriverManager.getConnection("jdbc:sqlite::memory:", props)));
      PAGODA.add(prepare(DriverManager.getConnection("jdbc:pagoda::memory:", props)));
    }
  }

  private static Connection prepare(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE t(n, i INTEGER, r REAL, x TEXT, num NUMERIC, b BLOB)");
    }
    return c;
  }

  @AfterAll
  static void close() throws SQLException {
    for (Connection c : SQLITE) {
      c.close();
    }
    for (Connection c : PAGODA) {
      c.close();
    }
  }

  static List<Setter> setters() {
    List<Setter> s = new ArrayList<>();
    for (int type : new int[] {Types.NULL, Types.INTEGER, Types.VARCHAR, Types.BLOB, Types.DATE}) {
      s.add(new Setter("setNull " + type, ps -> ps.setNull(1, type)));
    }
    s.add(new Setter("setNull typeName", ps -> ps.setNull(1, Types.STRUCT, "POINT")));
    for (boolean b : new boolean[] {true, false}) {
      s.add(new Setter("setBoolean " + b, ps -> ps.setBoolean(1, b)));
    }
    for (long v : new long[] {0, -1, 127, -128, 32767, Integer.MAX_VALUE, Integer.MIN_VALUE,
        Long.MAX_VALUE, Long.MIN_VALUE, 3000000000L}) {
      s.add(new Setter("setByte " + v, ps -> ps.setByte(1, (byte) v)));
      s.add(new Setter("setShort " + v, ps -> ps.setShort(1, (short) v)));
      s.add(new Setter("setInt " + v, ps -> ps.setInt(1, (int) v)));
      s.add(new Setter("setLong " + v, ps -> ps.setLong(1, v)));
    }
    for (double v : new double[] {0.0, -0.0, 1.5, 0.1, 1e300, -2.5e-10, 3.0, Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      s.add(new Setter("setFloat " + v, ps -> ps.setFloat(1, (float) v)));
      s.add(new Setter("setDouble " + v, ps -> ps.setDouble(1, v)));
    }
    for (String v : new String[] {"1.50", "0", "-12345678901234567890.123456789", "1E+5", "42"}) {
      s.add(new Setter("setBigDecimal " + v, ps -> ps.setBigDecimal(1, new BigDecimal(v))));
    }
    s.add(new Setter("setBigDecimal null", ps -> ps.setBigDecimal(1, null)));
    for (String v : new String[] {"", "abc", "42", " 42", "1.5", "héllo ☃", "0x10", "12e2"}) {
      s.add(new Setter("setString '" + v + "'", ps -> ps.setString(1, v)));
      s.add(new Setter("setNString '" + v + "'", ps -> ps.setNString(1, v),
          ps -> ps.setString(1, v)));
    }
    s.add(new Setter("setString null", ps -> ps.setString(1, null)));
    s.add(new Setter("setBytes", ps -> ps.setBytes(1, new byte[] {0, 1, -1, 65})));
    s.add(new Setter("setBytes empty", ps -> ps.setBytes(1, new byte[0])));
    s.add(new Setter("setBytes null", ps -> ps.setBytes(1, null)));
    streams(s);
    dates(s);
    objects(s);
    return s;
  }

  private static void streams(List<Setter> s) {
    byte[] bytes = "stream\u00e9".getBytes(StandardCharsets.UTF_8);
    s.add(new Setter("setBinaryStream",
        ps -> ps.setBinaryStream(1, new ByteArrayInputStream(bytes))));
    s.add(new Setter("setBinaryStream int",
        ps -> ps.setBinaryStream(1, new ByteArrayInputStream(bytes), 3)));
    s.add(new Setter("setBinaryStream long",
        ps -> ps.setBinaryStream(1, new ByteArrayInputStream(bytes), 4L)));
    s.add(new Setter("setAsciiStream",
        ps -> ps.setAsciiStream(1, new ByteArrayInputStream("ascii".getBytes()))));
    s.add(new Setter("setAsciiStream int",
        ps -> ps.setAsciiStream(1, new ByteArrayInputStream("ascii".getBytes()), 3)));
    s.add(new Setter("setAsciiStream long",
        ps -> ps.setAsciiStream(1, new ByteArrayInputStream("ascii".getBytes()), 2L)));
    s.add(new Setter("setCharacterStream",
        ps -> ps.setCharacterStream(1, new StringReader("chars"))));
    s.add(new Setter("setCharacterStream int",
        ps -> ps.setCharacterStream(1, new StringReader("chars"), 5)));
    s.add(new Setter("setCharacterStream long",
        ps -> ps.setCharacterStream(1, new StringReader("chars"), 3L)));
    s.add(new Setter("setNCharacterStream",
        ps -> ps.setNCharacterStream(1, new StringReader("nchars")),
        ps -> ps.setCharacterStream(1, new StringReader("nchars"))));
    s.add(new Setter("setNCharacterStream long",
        ps -> ps.setNCharacterStream(1, new StringReader("nchars"), 2L),
        ps -> ps.setCharacterStream(1, new StringReader("nchars"), 2L)));
    s.add(new Setter("setBlob stream", ps -> ps.setBlob(1, new ByteArrayInputStream(bytes))));
    s.add(new Setter("setBlob stream long",
        ps -> ps.setBlob(1, new ByteArrayInputStream(bytes), 2L)));
    s.add(new Setter("setClob reader", ps -> ps.setClob(1, new StringReader("clob"))));
    s.add(new Setter("setClob reader long",
        ps -> ps.setClob(1, new StringReader("clob"), 2L)));
    s.add(new Setter("setNClob reader", ps -> ps.setNClob(1, new StringReader("nclob")),
        ps -> ps.setClob(1, new StringReader("nclob"))));
    s.add(new Setter("setNClob reader long",
        ps -> ps.setNClob(1, new StringReader("nclob"), 3L),
        ps -> ps.setClob(1, new StringReader("nclob"), 3L)));
  }

  private static void dates(List<Setter> s) {
    for (long ms : new long[] {MILLIS, 0, -86400000L * 365 * 500, 1000, 4102444799999L}) {
      s.add(new Setter("setDate " + ms, ps -> ps.setDate(1, new java.sql.Date(ms))));
      s.add(new Setter("setTime " + ms, ps -> ps.setTime(1, new Time(ms))));
      s.add(new Setter("setTimestamp " + ms, ps -> ps.setTimestamp(1, new Timestamp(ms))));
      s.add(new Setter("setDate cal " + ms, ps -> ps.setDate(1, new java.sql.Date(ms), TOKYO)));
      s.add(new Setter("setTime cal " + ms, ps -> ps.setTime(1, new Time(ms), TOKYO)));
      s.add(new Setter("setTimestamp cal " + ms,
          ps -> ps.setTimestamp(1, new Timestamp(ms), TOKYO)));
    }
    s.add(new Setter("setDate null", ps -> ps.setDate(1, null)));
    s.add(new Setter("setTimestamp null cal", ps -> ps.setTimestamp(1, null, TOKYO)));
  }

  private static void objects(List<Setter> s) {
    List<Object> objects = List.of(
        42, -7L, (short) 3, (byte) 5, 1.25f, 2.5d, true, false, new BigDecimal("9.99"),
        new BigInteger("123456789012345678901234567890"), BigInteger.TEN, "text", 'c',
        new byte[] {9, 8}, new java.sql.Date(MILLIS), new Time(MILLIS), new Timestamp(MILLIS),
        new java.util.Date(MILLIS), LocalDate.of(2024, 1, 31),
        LocalDateTime.of(2024, 1, 31, 12, 34, 56, 789_000_000), LocalTime.of(12, 34, 56),
        OffsetDateTime.of(2024, 1, 31, 12, 0, 0, 0, ZoneOffset.ofHours(2)),
        Instant.ofEpochMilli(MILLIS), UUID.fromString("00000000-0000-0000-0000-00000000002a"));
    for (Object o : objects) {
      String name = o.getClass().getSimpleName();
      s.add(new Setter("setObject " + name, ps -> ps.setObject(1, o)));
      s.add(new Setter("setObject VARCHAR " + name, ps -> ps.setObject(1, o, Types.VARCHAR)));
      s.add(new Setter("setObject INTEGER,2 " + name,
          ps -> ps.setObject(1, o, Types.INTEGER, 2)));
    }
    s.add(new Setter("setObject null", ps -> ps.setObject(1, null)));
    s.add(new Setter("setObject null INTEGER", ps -> ps.setObject(1, null, Types.INTEGER)));
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Setter setter : setters()) {
      for (int i = 0; i < SETTINGS.size(); i++) {
        cases.add(Arguments.of(setter, i));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} under setting #{1}")
  @MethodSource("cases")
  void setter_bindsAsSqliteJdbc(Setter setter, int setting) throws SQLException {
    assertEquals(transcript(SQLITE.get(setting), setter.oracle()),
        transcript(PAGODA.get(setting), setter.bind()));
  }

  private static String transcript(Connection c, Bind setter) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT typeof(?1), quote(?1), ?1")) {
      out.add("bind: " + Outcomes.of(() -> {
        setter.bind(ps);
        return "ok";
      }));
      ParameterMetaData md = ps.getParameterMetaData();
      out.add("meta: " + Outcomes.of(() -> md.getParameterType(1)) + ", "
          + Outcomes.of(() -> md.getParameterTypeName(1)) + ", "
          + Outcomes.of(() -> md.getParameterClassName(1)) + ", "
          + Outcomes.of(md::getParameterCount) + ", " + Outcomes.of(() -> md.isNullable(1)));
      out.add("select: " + Outcomes.of(() -> {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getString(1) + " " + rs.getString(2) + " " + Outcomes.describe(rs.getObject(3));
        }
      }));
    }
    try (Statement st = c.createStatement()) {
      st.execute("DELETE FROM t");
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?1, ?1, ?1, ?1, ?1, ?1)")) {
      out.add("insert: " + Outcomes.of(() -> {
        setter.bind(ps);
        return ps.executeUpdate();
      }));
    }
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT typeof(n) || ' ' || quote(n), typeof(i) || ' '"
            + " || quote(i), typeof(r) || ' ' || quote(r), typeof(x) || ' ' || quote(x),"
            + " typeof(num) || ' ' || quote(num), typeof(b) || ' ' || quote(b), n, x FROM t")) {
      while (rs.next()) {
        for (int i = 1; i <= 6; i++) {
          out.add(rs.getString(i));
        }
        out.add("read back: " + Outcomes.of(() -> rs.getTimestamp(7)) + " "
            + Outcomes.of(() -> rs.getDate(8)) + " " + Outcomes.of(() -> rs.getTime(7, TOKYO)));
      }
    }
    return String.join("\n", out);
  }
}
