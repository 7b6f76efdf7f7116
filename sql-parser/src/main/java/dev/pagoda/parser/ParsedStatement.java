package dev.pagoda.parser;

import static java.util.Objects.requireNonNull;

import dev.pagoda.parser.ast.Statement;
import java.util.Map;

/**
 * One parsed statement and where it sits in the source. {@code sql.substring(start, end)} is the
 * statement from its first token through its last, without the {@code ;}; {@code tailOffset} is
 * just past the {@code ;} (or the end of input), where the next statement may begin, like {@code
 * sqlite3_prepare}'s {@code pzTail}.
 *
 * <p>{@code parameterCount} is the largest parameter index used ({@code
 * sqlite3_bind_parameter_count}); {@code parameterNames} maps an index to its name as written for
 * named parameters and {@code ?NNN} ({@code sqlite3_bind_parameter_name}); bare {@code ?} have none.
 */
public record ParsedStatement(
    Statement statement,
    int start,
    int end,
    int tailOffset,
    int parameterCount,
    Map<Integer, String> parameterNames) {
  public ParsedStatement {
    requireNonNull(statement, "statement");
    parameterNames = Map.copyOf(parameterNames);
  }
}
