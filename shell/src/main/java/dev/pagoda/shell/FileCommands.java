package dev.pagoda.shell;

import dev.pagoda.Database;
import dev.pagoda.PagodaException;
import dev.pagoda.shell.DotCommands.Next;
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The dot-commands that open files: {@code .open ?--new? ?--readonly? ?FILE?}, {@code .output
 * ?FILE?}, {@code .once FILE} and {@code .read FILE} (which may nest). Messages are sqlite3's;
 * pipes ({@code |command}) and the editor/spreadsheet options are not supported.
 */
final class FileCommands {
  static final String ONCE_HELP = """
      .once ?OPTIONS? ?FILE?   Output for the next SQL command only to FILE""";
  static final String OPEN_HELP = """
      .open ?OPTIONS? ?FILE?   Close existing database and reopen FILE
           Options:
              --new           Initialize FILE to an empty database
              --readonly      Open FILE readonly""";
  static final String OUTPUT_HELP = """
      .output ?FILE?           Send output to FILE or stdout if FILE is omitted""";

  private FileCommands() {}

  static Next output(List<String> args, Session session) {
    return redirect(args, session, false);
  }

  static Next once(List<String> args, Session session) {
    return redirect(args, session, true);
  }

  private static Next redirect(List<String> args, Session session, boolean once) {
    if (args.size() > 1) {
      String usage = once ? ONCE_HELP : OUTPUT_HELP;
      session.out().print("ERROR: extra parameter: \"" + args.get(1) + "\".  Usage:\n" + usage
          + "\n");
      return DotCommands.usage(session, null);
    }
    Output output = session.output();
    if (args.isEmpty() || args.get(0).equals("stdout")) {
      output.reset();
      return Next.CONTINUE;
    }
    String name = args.get(0);
    PrintStream file;
    try {
      file = new PrintStream(new FileOutputStream(name), false, StandardCharsets.UTF_8);
    } catch (IOException | SecurityException e) {
      output.reset();
      session.error("Error: cannot open \"" + name + "\"");
      return DotCommands.usage(session, "Error: cannot write to \"" + name + "\"");
    }
    if (once) {
      output.once(file, name);
    } else {
      output.redirect(file, name);
    }
    return Next.CONTINUE;
  }

  /** {@code .read FILE}: runs the file's lines as input (errors count; {@code .quit} ends it). */
  static Next read(List<String> args, Session session) {
    if (args.size() != 1) {
      return DotCommands.usage(session, "Usage: .read FILE");
    }
    String name = args.get(0);
    try (BufferedReader in = Files.newBufferedReader(Path.of(name), StandardCharsets.UTF_8)) {
      session.process(in);
    } catch (IOException | InvalidPathException e) {
      return DotCommands.usage(session, "Error: cannot open \"" + name + "\"");
    }
    return session.shouldStop() ? Next.STOP : Next.CONTINUE;
  }

  /**
   * {@code .open}: closes the database and opens FILE ({@code --new}: emptied first; {@code
   * --readonly}), or a new in-memory database without one. When FILE cannot be opened, the error
   * is printed and an in-memory database is used, as sqlite3 does.
   */
  static Next open(List<String> args, Session session) {
    boolean readOnly = false;
    boolean fresh = false;
    String file = null;
    for (String arg : args) {
      if (arg.equals("--readonly") || arg.equals("-readonly")) {
        readOnly = true;
      } else if (arg.equals("--new") || arg.equals("-new")) {
        fresh = true;
      } else if (arg.startsWith("-")) {
        return DotCommands.usage(session, "unknown option: " + arg);
      } else if (file == null) {
        file = arg;
      } else {
        return DotCommands.usage(session, "extra argument: \"" + arg + "\"");
      }
    }
    Database next;
    try {
      next = openDatabase(file, readOnly, fresh);
    } catch (PagodaException | IOException | InvalidPathException e) {
      session.warn("Error: unable to open database \"" + file + "\": " + e.getMessage());
      session.replaceDatabase(Database.openInMemory(), ":memory:");
      return Next.CONTINUE;
    }
    session.replaceDatabase(next, file == null ? ":memory:" : file);
    return Next.CONTINUE;
  }

  static Database openDatabase(String file, boolean readOnly, boolean fresh) throws IOException {
    if (file == null || file.equals(":memory:") || file.isEmpty()) {
      return Database.openInMemory();
    }
    Path path = Path.of(file);
    if (fresh) {
      Files.deleteIfExists(path);
    }
    return readOnly ? Database.openReadOnly(path) : Database.open(path);
  }
}
