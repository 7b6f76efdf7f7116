/** TODO */
package dev.pagoda;
