package dev.pagoda.executor;

import dev.pagoda.spi.Arguments;
import dev.pagoda.spi.FunctionContext;
import dev.pagoda.spi.Value;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The {@link FunctionContext} of one call site in one compiled statement: its auxiliary data
 * (kept per argument while that argument's value stays the same), the run's clock and the
 * connection's counters.
 */
final class CallContext implements FunctionContext {
  private final RunContext run;
  private Object[] aux;
  private Value[] auxKeys;
  private Arguments current;

  CallContext(RunContext run) {
    this.run = run;
  }

  /** Sets the arguments of the call about to be made, against which aux data is checked. */
  void arguments(Arguments args) {
    this.current = args;
  }

  @Override
  public Object auxData(int arg) {
    if (aux == null || arg < 0 || arg >= aux.length || aux[arg] == null) {
      return null;
    }
    if (current == null || arg >= current.size() || !auxKeys[arg].equals(current.get(arg))) {
      aux[arg] = null;
      auxKeys[arg] = null;
      return null;
    }
    return aux[arg];
  }

  @Override
  public void setAuxData(int arg, Object data) {
    if (current == null || arg < 0 || arg >= current.size()) {
      return;
    }
    if (aux == null || arg >= aux.length) {
      int n = Math.max(arg + 1, current.size());
      aux = aux == null ? new Object[n] : java.util.Arrays.copyOf(aux, n);
      auxKeys = auxKeys == null ? new Value[n] : java.util.Arrays.copyOf(auxKeys, n);
    }
    aux[arg] = data;
    auxKeys[arg] = data == null ? null : current.get(arg);
  }

  @Override
  public Instant statementTime() {
    return run.now();
  }

  @Override
  public ZoneId timeZone() {
    return run.session().timeZone();
  }

  @Override
  public long changes() {
    return run.session().changes();
  }

  @Override
  public long totalChanges() {
    return run.session().totalChanges();
  }

  @Override
  public long lastInsertRowid() {
    return run.session().lastInsertRowid();
  }
}
