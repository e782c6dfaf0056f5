/** The soak's faults: their kinds, the seeded schedule, what was struck when, and how long each took to recover from. */
package io.logriver.launcher.soak.fault;
