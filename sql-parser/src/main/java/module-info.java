/** Tokenizer, parser and immutable AST for SQLite's dialect of SQL. Depends on nothing. */
module dev.pagoda.parser {
  exports dev.pagoda.parser;
  exports dev.pagoda.parser.ast;
}
