/**
 * A sqllogictest runner: {@link dev.pagoda.conformance.slt.SltReader} reads a script into {@link
 * dev.pagoda.conformance.slt.SltRecord}s, {@link dev.pagoda.conformance.slt.SltRunner} runs them
 * against a fresh in-memory Pagoda database the way SQLite's {@code sqllogictest} does for the
 * engine name {@code sqlite}, with {@link dev.pagoda.conformance.slt.ResultFormat} turning values
 * into the strings it compares; {@link dev.pagoda.conformance.slt.SltMain} is the command.
 */
package dev.pagoda.conformance.slt;
