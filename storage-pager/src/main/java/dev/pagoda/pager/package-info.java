/** TODO */
package dev.pagoda.pager;
