package dev.pagoda.parser.ast;

/** A parsed SQL statement. */
public sealed interface Statement permits CreateTable, DropTable, Insert, Select {}
