/** TODO */
package dev.pagoda.planner;
