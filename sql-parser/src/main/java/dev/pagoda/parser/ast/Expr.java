package dev.pagoda.parser.ast;

/** An expression. Parentheses leave no node: {@code (a)} is the node for {@code a}. */
public sealed interface Expr
    permits Literal,
        ColumnRef,
        Parameter,
        Unary,
        Binary,
        Collate,
        Cast,
        Case,
        Between,
        InList,
        InSelect,
        InTable,
        Like,
        IsNull,
        FunctionCall,
        Exists,
        Subquery,
        RowValue,
        Raise {}
