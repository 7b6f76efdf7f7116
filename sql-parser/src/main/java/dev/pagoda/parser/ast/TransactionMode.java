package dev.pagoda.parser.ast;

/** How {@code BEGIN} starts a transaction; parse.y's {@code transtype}, DEFERRED when absent. */
public enum TransactionMode {
  DEFERRED,
  IMMEDIATE,
  EXCLUSIVE
}
