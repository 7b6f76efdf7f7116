/** TODO */
package dev.pagoda.wal;
