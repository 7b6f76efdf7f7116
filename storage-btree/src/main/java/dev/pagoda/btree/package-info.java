/** TODO */
package dev.pagoda.btree;
