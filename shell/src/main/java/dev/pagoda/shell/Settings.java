package dev.pagoda.shell;

/** What the user can change while the shell runs: output mode, headers, NULL text, bail. */
final class Settings {
  OutputMode mode = OutputMode.LIST;
  boolean headers;
  String nullValue = "";
  boolean bail;
}
