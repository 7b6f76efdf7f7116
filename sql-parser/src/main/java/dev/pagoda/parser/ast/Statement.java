package dev.pagoda.parser.ast;

/** A parsed SQL statement. */
public sealed interface Statement
    permits CreateIndex, CreateTable, DropIndex, DropTable, DropTrigger, DropView, Insert, Select {}
