/** TODO */
package dev.pagoda.executor;
