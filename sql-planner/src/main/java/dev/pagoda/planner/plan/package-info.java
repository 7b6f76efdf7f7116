/** Physical plans. */
package dev.pagoda.planner.plan;
