/** Clocks: the wall clock the rules read, and the host clock of the timestamps tuples carry between executors. */
package io.logriver.logic.time;
