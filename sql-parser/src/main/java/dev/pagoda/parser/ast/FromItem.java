package dev.pagoda.parser.ast;

/** One item of a FROM clause: a table, a subquery, a table-valued function or a join. */
public sealed interface FromItem permits TableRef, TableFunctionRef, SubqueryRef, Join {}
