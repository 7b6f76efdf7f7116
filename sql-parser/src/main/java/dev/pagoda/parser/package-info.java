/** TODO */
package dev.pagoda.parser;
