/** AST. */
package dev.pagoda.parser.ast;
