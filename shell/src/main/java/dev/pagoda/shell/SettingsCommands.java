package dev.pagoda.shell;

import dev.pagoda.shell.DotCommands.Next;
import java.util.List;
import java.util.Locale;

/**
 * The dot-commands that change how results look and what is printed around them: {@code
 * .headers}, {@code .nullvalue}, {@code .separator}, {@code .width}, {@code .show}, and the
 * switches {@code .bail}, {@code .echo}, {@code .eqp}, {@code .timer}, {@code .changes}. Messages
 * are sqlite3's.
 */
final class SettingsCommands {
  private SettingsCommands() {}

  private static Boolean onOff(List<String> args, Session session, String usage) {
    if (args.size() != 1) {
      session.error("Usage: " + usage);
      return null;
    }
    return DotCommands.parseBoolean(args.get(0), session);
  }

  static Next bail(List<String> args, Session session) {
    Boolean on = onOff(args, session, ".bail on|off");
    if (on != null) {
      session.settings().bail = on;
    }
    return Next.CONTINUE;
  }

  static Next changes(List<String> args, Session session) {
    Boolean on = onOff(args, session, ".changes on|off");
    if (on != null) {
      session.settings().changes = on;
    }
    return Next.CONTINUE;
  }

  static Next echo(List<String> args, Session session) {
    Boolean on = onOff(args, session, ".echo on|off");
    if (on != null) {
      session.settings().echo = on;
    }
    return Next.CONTINUE;
  }

  static Next timer(List<String> args, Session session) {
    Boolean on = onOff(args, session, ".timer on|off");
    if (on != null) {
      session.settings().timer = on;
    }
    return Next.CONTINUE;
  }

  /** {@code .eqp on|off|full|trigger}: full and trigger are taken as on (no VDBE listing here). */
  static Next eqp(List<String> args, Session session) {
    if (args.size() != 1) {
      return DotCommands.usage(session, "Usage: .eqp off|on|trigger|full");
    }
    String word = args.get(0).toLowerCase(Locale.ROOT);
    session.settings().eqp = word.equals("full") || word.equals("trigger")
        || DotCommands.parseBoolean(args.get(0), session);
    return Next.CONTINUE;
  }

  static Next headers(List<String> args, Session session) {
    Boolean on = onOff(args, session, ".headers on|off");
    if (on != null) {
      session.settings().headers = on;
      session.settings().headersSet = true;
    }
    return Next.CONTINUE;
  }

  static Next nullValue(List<String> args, Session session) {
    if (args.size() != 1) {
      return DotCommands.usage(session, "Usage: .nullvalue STRING");
    }
    session.settings().nullValue = args.get(0);
    return Next.CONTINUE;
  }

  static Next separator(List<String> args, Session session) {
    if (args.isEmpty() || args.size() > 2) {
      return DotCommands.usage(session, "Usage: .separator COL ?ROW?");
    }
    session.settings().columnSeparator = args.get(0);
    if (args.size() == 2) {
      session.settings().rowSeparator = args.get(1);
    }
    return Next.CONTINUE;
  }

  static Next width(List<String> args, Session session) {
    int[] widths = new int[args.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = (int) DotCommands.integerValue(args.get(i));
    }
    session.settings().widths = widths;
    return Next.CONTINUE;
  }

  /** {@code .show}: sqlite3's settings listing, names right-aligned in 12 columns. */
  static Next show(List<String> args, Session session) {
    if (!args.isEmpty()) {
      return DotCommands.usage(session, "Usage: .show");
    }
    Settings s = session.settings();
    StringBuilder out = new StringBuilder();
    line(out, "echo", onOff(s.echo));
    line(out, "eqp", onOff(s.eqp));
    line(out, "explain", "auto");
    line(out, "headers", onOff(s.headers));
    line(out, "mode", ModeCommand.describe(s));
    line(out, "nullvalue", cString(s.nullValue));
    line(out, "output", session.output().name());
    line(out, "colseparator", cString(s.columnSeparator));
    line(out, "rowseparator", cString(s.rowSeparator));
    line(out, "stats", "off");
    StringBuilder widths = new StringBuilder();
    for (int w : s.widths) {
      widths.append(w).append(' ');
    }
    line(out, "width", widths.toString());
    line(out, "filename", session.filename());
    session.out().print(out);
    return Next.CONTINUE;
  }

  private static String onOff(boolean on) {
    return on ? "on" : "off";
  }

  private static void line(StringBuilder out, String name, String value) {
    out.append(" ".repeat(12 - name.length())).append(name).append(": ").append(value).append('\n');
  }

  /** shell.c's {@code output_c_string}: in double quotes, C escapes, octal for the unprintable. */
  static String cString(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (byte b : Cells.utf8(s)) {
      int c = b & 0xff;
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c >= 0x7f) {
            out.append(String.format(Locale.ROOT, "\\%03o", c));
          } else {
            out.append((char) c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
