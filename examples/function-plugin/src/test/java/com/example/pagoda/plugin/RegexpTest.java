package com.example.pagoda.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.Value;
import dev.pagoda.spi.DetachedContext;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RegexpTest {
  /** A context that counts how often aux data is set. */
  private static final class CountingContext implements FunctionContext {
    private final DetachedContext inner =
        FunctionContext.detached(Instant.EPOCH, java.time.ZoneOffset.UTC);
    int sets;

    @Override
    public Object auxData(int arg) {
      return inner.auxData(arg);
    }

    @Override
    public void setAuxData(int arg, Object data) {
      sets++;
      inner.setAuxData(arg, data);
    }

    @Override
    public Instant statementTime() {
      return inner.statementTime();
    }

    @Override
    public ZoneId timeZone() {
      return inner.timeZone();
    }

    @Override
    public long changes() {
      return 0;
    }

    @Override
    public long totalChanges() {
      return 0;
    }

    @Override
    public long lastInsertRowid() {
      return 0;
    }
  }

  @Test
  void call_manyRowsOneCallSite_compilesThePatternOnce() {
    Regexp regexp = new Regexp();
    CountingContext ctx = new CountingContext();
    String[] texts = {"abc", "xbz", "zzz", "b"};
    long[] expected = {1, 1, 0, 1};
    for (int i = 0; i < texts.length; i++) {
      Arguments args = Arguments.of(Value.of("b"), Value.of(texts[i]));
      ctx.inner.arguments(args);
      Value v = regexp.call(ctx, args);
      assertEquals(Value.of(expected[i]), v, texts[i]);
    }
    assertEquals(1, ctx.sets);
    // A new pattern is compiled again: the aux data was for the old one.
    Arguments other = Arguments.of(Value.of("z"), Value.of("zzz"));
    ctx.inner.arguments(other);
    assertEquals(Value.of(1L), regexp.call(ctx, other));
    assertEquals(2, ctx.sets);
  }
}
