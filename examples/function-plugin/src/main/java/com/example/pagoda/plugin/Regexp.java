package com.example.pagoda.plugin;

import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.Arity;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.FunctionFlag;
import dev.pagoda.spi.ScalarFunction;
import dev.pagoda.spi.SqlException;
import dev.pagoda.spi.Value;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code regexp(pattern, text)}: 1 when {@code text} contains a match of {@code pattern}, else 0;
 * NULL when either is NULL. SQLite reads {@code text REGEXP pattern} as this call, as its own
 * {@code ext/misc/regexp.c} extension defines it (unanchored search: use {@code ^...$} to match
 * the whole text). Numbers are matched as their text.
 *
 * <p>Differs from SQLite's extension on purpose: the pattern is a {@link java.util.regex.Pattern}
 * (Java's syntax, a superset of the extension's), and a bad pattern's error message is Java's
 * description of it. It is not flagged {@link FunctionFlag#INNOCUOUS} as the extension is: Java's
 * backtracking matcher can take exponential time on a hostile pattern, so a database file from an
 * untrusted source must not get to run it from its schema.
 *
 * <p>The compiled pattern is kept as the call site's auxiliary data for argument 0, so a constant
 * pattern is compiled once per statement, not once per row.
 */
public final class Regexp implements ScalarFunction {
  @Override
  public String name() {
    return "regexp";
  }

  @Override
  public Arity arity() {
    return Arity.exactly(2);
  }

  @Override
  public Set<FunctionFlag> flags() {
    return Set.of(FunctionFlag.DETERMINISTIC);
  }

  @Override
  public Value call(FunctionContext ctx, Arguments args) {
    if (args.isNull(0) || args.isNull(1)) {
      return Value.NULL;
    }
    Pattern pattern = (Pattern) ctx.auxData(0);
    if (pattern == null) {
      pattern = compile(args.getText(0));
      ctx.setAuxData(0, pattern);
    }
    return Value.of(pattern.matcher(args.getText(1)).find() ? 1 : 0);
  }

  private static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw SqlException.error(
          "invalid regular expression: " + e.getDescription() + " near index " + e.getIndex());
    }
  }
}
