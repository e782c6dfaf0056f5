/**
 * Event-time windows: keys, per-window statistics and percentiles, lateness and watermarks, and the merge of
 * partitions' shares into final window records.
 */
package io.logriver.logic.window;
