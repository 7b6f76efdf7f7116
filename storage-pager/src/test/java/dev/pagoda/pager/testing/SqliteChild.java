package dev.pagoda.pager.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The parent's end of a {@link SqliteLockChild}: a child JVM holding one sqlite-jdbc connection, so
 * that its POSIX locks really come from another process. {@link #send} writes one command and
 * waits (bounded) for its answer line.
 */
public final class SqliteChild implements AutoCloseable {
  private static final long ANSWER_SECONDS = 20;

  private final Process process;
  private final Writer in;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
  private final Path stderr;

  private SqliteChild(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  answers.add(line);
                }
              } catch (IOException e) {
                answers.add("err EOF " + e);
              }
              answers.add("err EOF child's stdout closed");
            },
            "sqlite-child-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the child JVM and waits until it is ready; its stderr goes to {@code stderr}. */
  public static SqliteChild start(Path stderr) throws IOException, InterruptedException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xshare:auto",
            "-XX:+DisplayVMOutputToStderr",
            "-cp",
            System.getProperty("java.class.path"),
            SqliteLockChild.class.getName());
    pb.redirectError(stderr.toFile());
    SqliteChild c = new SqliteChild(pb.start(), stderr);
    String hello = c.answer();
    if (!hello.equals("ready")) {
      c.close();
      throw new IllegalStateException("child did not start: " + hello + "; " + c.stderr());
    }
    return c;
  }

  /** Sends one command, returns its answer: "ok", "ok VALUE" or "err CODE MESSAGE". */
  public String send(String command) throws IOException, InterruptedException {
    submit(command);
    return answer();
  }

  /** Sends one command without waiting; {@link #answer()} then waits for its answer. */
  public void submit(String command) throws IOException {
    in.write(command + "\n");
    in.flush();
  }

  /** Whether an answer is waiting (the last command submitted has finished). */
  public boolean answered() {
    return !answers.isEmpty();
  }

  /** Sends a command that must succeed; returns the value after "ok " (or ""). */
  public String ok(String command) throws IOException, InterruptedException {
    String a = send(command);
    if (!a.equals("ok") && !a.startsWith("ok ")) {
      throw new AssertionError("child: " + command + " -> " + a);
    }
    return a.length() > 3 ? a.substring(3) : "";
  }

  /** The result code of a command that must fail ("SQLITE_BUSY", ...). */
  public String error(String command) throws IOException, InterruptedException {
    String a = send(command);
    if (!a.startsWith("err ")) {
      throw new AssertionError("child: " + command + " succeeded: " + a);
    }
    int sp = a.indexOf(' ', 4);
    return sp < 0 ? a.substring(4) : a.substring(4, sp);
  }

  /** Waits (bounded) for the next answer line. */
  public String answer() throws InterruptedException {
    String a = answers.poll(ANSWER_SECONDS, TimeUnit.SECONDS);
    if (a == null) {
      throw new AssertionError("child did not answer within " + ANSWER_SECONDS + " s; " + stderr());
    }
    return a;
  }

  private String stderr() {
    try {
      return "stderr: " + Files.readString(stderr);
    } catch (IOException e) {
      return "stderr unreadable: " + e;
    }
  }

  @Override
  public void close() {
    try {
      in.write("exit\n");
      in.close();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
