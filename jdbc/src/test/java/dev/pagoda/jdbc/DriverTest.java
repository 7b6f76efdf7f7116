package dev.pagoda.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverTest {
  @TempDir Path dir;

  @Test
  void acceptsUrl_pagodaUrls_true() {
    PagodaDriver driver = new PagodaDriver();
    assertTrue(driver.acceptsURL("jdbc:pagoda:demo.db"));
    assertTrue(driver.acceptsURL("jdbc:pagoda::memory:"));
    assertTrue(driver.acceptsURL("jdbc:pagoda:"));
    assertTrue(driver.acceptsURL("JDBC:PAGODA:demo.db"));
  }

  @Test
  void acceptsUrl_otherUrls_false() {
    PagodaDriver driver = new PagodaDriver();
    assertFalse(driver.acceptsURL("jdbc:sqlite:demo.db"));
    assertFalse(driver.acceptsURL("jdbc:pagod"));
    assertFalse(driver.acceptsURL(null));
  }

  @Test
  void connect_otherUrl_returnsNull() throws SQLException {
    assertNull(new PagodaDriver().connect("jdbc:h2:mem:x", new Properties()));
  }

  @Test
  void jdbcUrl_parse_namesMemoryAndFiles() throws SQLException {
    assertTrue(JdbcUrl.parse("jdbc:pagoda:").isMemory());
    assertTrue(JdbcUrl.parse("jdbc:pagoda::memory:").isMemory());
    JdbcUrl file = JdbcUrl.parse("jdbc:pagoda:/tmp/x.db");
    assertFalse(file.isMemory());
    assertEquals("/tmp/x.db", file.name());
  }

  @Test
  void getConnection_fileUrl_opensThroughDriverManager() throws SQLException {
    Path file = dir.resolve("demo.db");
    try (Connection conn = DriverManager.getConnection("jdbc:pagoda:" + file)) {
      assertInstanceOf(PagodaConnection.class, conn);
      assertFalse(conn.isClosed());
    }
    assertTrue(Files.exists(file));
  }

  @Test
  void getConnection_memoryUrls_open() throws SQLException {
    for (String url : List.of("jdbc:pagoda::memory:", "jdbc:pagoda:")) {
      try (Connection conn = DriverManager.getConnection(url)) {
        assertInstanceOf(PagodaConnection.class, conn);
        assertEquals(url, conn.getMetaData().getURL());
      }
    }
  }

  @Test
  void getDriver_pagodaUrl_findsRegisteredDriver() throws SQLException {
    assertInstanceOf(PagodaDriver.class, DriverManager.getDriver("jdbc:pagoda::memory:"));
  }

  @Test
  void versions_comeFromTheBuild() {
    PagodaDriver driver = new PagodaDriver();
    assertFalse(driver.jdbcCompliant());
    assertEquals(DriverVersion.MAJOR, driver.getMajorVersion());
    assertEquals(DriverVersion.MINOR, driver.getMinorVersion());
    assertTrue(DriverVersion.VERSION.matches("\\d+\\.\\d+.*"), DriverVersion.VERSION);
    assertFalse(DriverVersion.VERSION.equals("0.0.0"), "version.properties was not filtered");
  }

  @Test
  void getPropertyInfo_listsSqliteJdbcNamesWithDescriptionsAndChoices() throws SQLException {
    Properties given = new Properties();
    given.setProperty("journal_mode", "wal");
    DriverPropertyInfo[] info = new PagodaDriver().getPropertyInfo("jdbc:pagoda:x.db", given);
    List<String> names = new ArrayList<>();
    for (DriverPropertyInfo p : info) {
      names.add(p.name);
      assertFalse(p.description == null || p.description.isBlank(), p.name);
    }
    assertEquals(
        List.of("journal_mode", "synchronous", "busy_timeout", "foreign_keys", "transaction_mode",
            "open_mode", PagodaDriver.READ_ONLY),
        names);
    assertEquals("wal", info[0].value);
    assertEquals(List.of("delete", "truncate", "persist", "memory", "wal", "off"),
        List.of(info[0].choices));
    assertNull(info[1].value);
  }

  @Test
  void getPropertyInfo_urlValuesWin() throws SQLException {
    Properties given = new Properties();
    given.setProperty("busy_timeout", "10");
    DriverPropertyInfo[] info =
        new PagodaDriver().getPropertyInfo("jdbc:pagoda:x.db?busy_timeout=20&readOnly=true", given);
    assertEquals("busy_timeout", info[2].name);
    assertEquals("20", info[2].value);
    assertEquals(PagodaDriver.READ_ONLY, info[6].name);
    assertEquals("true", info[6].value);
  }

  @Test
  void serviceLoader_findsPagodaDriver() {
    List<Class<?>> drivers = new ArrayList<>();
    for (Driver driver : ServiceLoader.load(Driver.class)) {
      drivers.add(driver.getClass());
    }
    assertTrue(drivers.contains(PagodaDriver.class), drivers.toString());
  }

  @Test
  void moduleInfoProvides_matchesMetaInfServices() throws IOException {
    Path module = moduleFolder();
    String moduleInfo =
        Files.readString(module.resolve("src/main/java/module-info.java"), StandardCharsets.UTF_8);
    Matcher provides =
        Pattern.compile("provides\\s+java\\.sql\\.Driver\\s+with\\s+([\\w.\\s,]+);")
            .matcher(moduleInfo);
    assertTrue(provides.find(), "module-info.java provides no java.sql.Driver");
    List<String> fromModuleInfo = new ArrayList<>();
    for (String name : provides.group(1).split(",", -1)) {
      fromModuleInfo.add(name.strip());
    }
    List<String> fromServices = new ArrayList<>();
    Path services = module.resolve("src/main/resources/META-INF/services/java.sql.Driver");
    for (String line : Files.readAllLines(services, StandardCharsets.UTF_8)) {
      String name = line.replaceFirst("#.*", "").strip();
      if (!name.isEmpty()) {
        fromServices.add(name);
      }
    }
    assertEquals(fromModuleInfo, fromServices);
    assertEquals(List.of(PagodaDriver.class.getName()), fromServices);
  }

  /** The jdbc module folder: Maven runs tests there; an IDE may run them from the reactor root. */
  private static Path moduleFolder() {
    Path here = Path.of("").toAbsolutePath();
    Path candidate =
        Files.exists(here.resolve("src/main/java/module-info.java")) ? here : here.resolve("jdbc");
    assertTrue(Files.isDirectory(candidate.resolve("src/main")), "no jdbc module at " + candidate);
    return candidate;
  }
}
