package dev.pagoda.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The context for calling functions outside the engine keeps aux data as the engine does. */
class DetachedContextTest {
  @Test
  void auxData_keptWhileArgumentUnchanged_droppedWhenItChanges() {
    DetachedContext ctx = FunctionContext.detached(Instant.EPOCH, ZoneOffset.UTC);
    Object data = new Object();
    ctx.arguments(Arguments.of(Value.of("p"), Value.of(1L)));
    ctx.setAuxData(0, data);
    ctx.arguments(Arguments.of(Value.of("p"), Value.of(2L)));
    assertSame(data, ctx.auxData(0));
    assertNull(ctx.auxData(1));
    ctx.arguments(Arguments.of(Value.of("q"), Value.of(2L)));
    assertNull(ctx.auxData(0));
    ctx.arguments(Arguments.of(Value.of("p"), Value.of(2L)));
    assertNull(ctx.auxData(0), "once dropped, it stays dropped");
  }

  @Test
  void call_passesArgumentsAndFixedClock() {
    ScalarFunction secs = ScalarFunction.of("secs", Arity.exactly(1),
        (ctx, args) -> Value.of(ctx.statementTime().getEpochSecond() + args.getLong(0)));
    DetachedContext ctx = FunctionContext.detached(Instant.ofEpochSecond(100), ZoneOffset.UTC);
    assertEquals(Value.of(142L), ctx.call(secs, Value.of("42")));
    assertEquals(ZoneOffset.UTC, ctx.timeZone());
    assertEquals(0, ctx.changes() + ctx.totalChanges() + ctx.lastInsertRowid());
  }
}
