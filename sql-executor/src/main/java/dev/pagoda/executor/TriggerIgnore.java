package dev.pagoda.executor;

/**
 * {@code RAISE(IGNORE)}: thrown out of the trigger program to the statement whose row fired it,
 * which skips that row and goes on with the next. Carries no stack trace.
 */
final class TriggerIgnore extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TriggerIgnore() {
    super("RAISE(IGNORE)", null, false, false);
  }
}
