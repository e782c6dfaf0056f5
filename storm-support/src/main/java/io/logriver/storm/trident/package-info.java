/**
 * Storm's opaque Trident Kafka spout, guarded: batches start only when there is something to read, out-of-order batches
 * leave no gap, and spare tasks emit empty batches.
 */
package io.logriver.storm.trident;
