package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

/**
 * {@code [schema.]table [[AS] alias] [INDEXED BY index | NOT INDEXED]}; absent parts are null.
 */
public record TableRef(QualifiedName name, String alias, String indexedBy, boolean notIndexed)
    implements FromItem {
  public TableRef {
    requireNonNull(name, "name");
    if (indexedBy != null && notIndexed) {
      throw new IllegalArgumentException("INDEXED BY and NOT INDEXED");
    }
  }

  public TableRef(QualifiedName name, String alias) {
    this(name, alias, null, false);
  }
}
