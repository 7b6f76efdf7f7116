/** TODO */
package dev.pagoda.jdbc;
