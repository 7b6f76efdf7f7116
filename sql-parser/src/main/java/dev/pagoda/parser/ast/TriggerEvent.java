package dev.pagoda.parser.ast;

/** The statement kind that fires a trigger. */
public enum TriggerEvent {
  DELETE,
  INSERT,
  UPDATE
}
