package dev.pagoda.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A column definition in CREATE TABLE; {@code type} is null when no type is written. */
public record ColumnDef(String name, TypeName type, List<ColumnConstraint> constraints) {
  public ColumnDef {
    requireNonNull(name, "name");
    constraints = List.copyOf(constraints);
  }
}
