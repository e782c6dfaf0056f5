/**
 * The soak's independent check: the reference computed from what Kafka took, the window records the topologies wrote,
 * the lag between the two, and the verdict per window.
 */
package io.logriver.launcher.soak.check;
