/** TODO */
package dev.pagoda.conformance;
