package dev.pagoda.pager.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.sqlite.SQLiteException;

/**
 * A child process for the tests of locks between processes (ProcessLockInteropTest, the engine's ProcessInteropTest): one sqlite-jdbc connection (busy_timeout 0),
 * driven by one command per line on stdin, one answer line per command on stdout:
 *
 * <pre>
 * open PATH     (re)opens the connection on PATH (closing any open one)   -&gt; ok
 * exec SQL      runs SQL                                                 -&gt; ok
 * query SQL     runs SQL, answers the first column of the first row      -&gt; ok VALUE
 * close         closes the connection                                    -&gt; ok
 * exit          closes and exits                                          -&gt; ok
 * any failure                                                            -&gt; err CODE MESSAGE
 * </pre>
 *
 * CODE is sqlite-jdbc's result code name (SQLITE_BUSY, ...), or the exception's class name.
 */
public final class SqliteLockChild {
  private SqliteLockChild() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Connection c = null;
    out.println("ready");
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      int sp = line.indexOf(' ');
      String cmd = sp < 0 ? line : line.substring(0, sp);
      String arg = sp < 0 ? "" : line.substring(sp + 1);
      try {
        switch (cmd) {
          case "open" -> {
            if (c != null) {
              c.close();
            }
            Properties p = new Properties();
            p.setProperty("busy_timeout", "0");
            c = DriverManager.getConnection("jdbc:sqlite:" + arg, p);
            try (Statement s = c.createStatement()) {
              s.execute("PRAGMA busy_timeout = 0");
            }
            out.println("ok");
          }
          case "exec" -> {
            try (Statement s = c.createStatement()) {
              s.execute(arg);
            }
            out.println("ok");
          }
          case "query" -> {
            String answer;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(arg)) {
              answer = rs.next() ? "ok " + rs.getString(1) : "ok";
            }
            out.println(answer); // after the close: the statement's locks are gone by now
          }
          case "close" -> {
            if (c != null) {
              c.close();
              c = null;
            }
            out.println("ok");
          }
          case "exit" -> {
            if (c != null) {
              c.close();
            }
            out.println("ok");
            return;
          }
          default -> out.println("err UNKNOWN " + cmd);
        }
      } catch (SQLiteException e) {
        out.println("err " + e.getResultCode().name() + " " + oneLine(e.getMessage()));
      } catch (SQLException | RuntimeException e) {
        out.println("err " + e.getClass().getSimpleName() + " " + oneLine(e.getMessage()));
      }
    }
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ');
  }
}
