/** TODO */
package dev.pagoda.shell;
