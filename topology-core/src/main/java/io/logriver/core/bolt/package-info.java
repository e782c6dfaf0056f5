/**
 * The core topology's components: thin bolts over the logic, checkpointed state, the clock spout and the end-of-input
 * marker.
 */
package io.logriver.core.bolt;
