package dev.pagoda.parser.ast;

import java.util.Objects;

/**
 * A function call's OVER clause: {@code OVER windowName} (definition null) or {@code OVER
 * (definition)} (windowName null). {@code OVER (w)} is a definition whose base is {@code w}, which
 * SQLite treats differently from {@code OVER w}.
 */
public record Over(String windowName, WindowDefinition definition) {
  public Over {
    if ((windowName == null) == (definition == null)) {
      throw new IllegalArgumentException("OVER takes a window name or a definition");
    }
  }

  public static Over named(String windowName) {
    return new Over(windowName, null);
  }

  public static Over of(WindowDefinition definition) {
    return new Over(null, definition);
  }

  /** Component-wise; written out to keep deep trees within a thread's stack (see Unary). */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof Over that
            && Objects.equals(windowName, that.windowName)
            && Objects.equals(definition, that.definition));
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(windowName);
    h = 31 * h + Objects.hashCode(definition);
    return h;
  }
}
