package dev.pagoda.executor;

import dev.pagoda.pager.Pager;

/**
 * What one run of a compiled statement shares with its operators and evaluators: the pager it reads
 * through, the connection's {@link Session}, and a run number that tells results cached by an earlier run from this run's.
 */
final class RunContext {
  private final Session session;
  private Pager pager;
  private long run;
  private java.time.Instant now;
  private final RunContext clock;
  private final java.util.Map<Object, OperatorFactory> shared = new java.util.IdentityHashMap<>();

  RunContext() {
    this(Session.NONE);
  }

  RunContext(Session session) {
    this(session, null);
  }

  /**
   * A run context whose clock is {@code clock}'s: a trigger program's, so that 'now' in a
   * trigger is the firing statement's.
   */
  RunContext(Session session, RunContext clock) {
    this.session = session;
    this.clock = clock;
  }

  /** The connection's counters. */
  Session session() {
    return session;
  }

  /** Starts a run on {@code pager}. */
  void begin(Pager pager) {
    this.pager = pager;
    run++;
    now = null;
  }

  /** The time 'now' means in this run: read from the clock once, at its first use. */
  java.time.Instant now() {
    if (clock != null) {
      return clock.now();
    }
    if (now == null) {
      now = java.time.Instant.now();
    }
    return now;
  }

  Pager pager() {
    if (pager == null) {
      throw new IllegalStateException("no run has begun");
    }
    return pager;
  }

  /** The number of the current run: a cache filled in another run is stale. */
  long run() {
    return run;
  }

  /** The factory compiled earlier for the very plan node {@code node}, or null. */
  OperatorFactory sharedFactory(Object node) {
    return shared.get(node);
  }

  /** Remembers the factory of a plan node that may be reached again (compile time). */
  void shareFactory(Object node, OperatorFactory factory) {
    shared.put(node, factory);
  }
}
