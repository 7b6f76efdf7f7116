package dev.pagoda.parser.ast;

/** A parsed SQL statement. */
public sealed interface Statement
    permits Begin,
        Commit,
        CreateIndex,
        CreateTable,
        DropIndex,
        DropTable,
        DropTrigger,
        DropView,
        Explain,
        Insert,
        Pragma,
        Release,
        Rollback,
        Savepoint,
        Select {}
