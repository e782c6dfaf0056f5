/** The Trident topology (micro-batches) on the same logic classes, and its exactly-once states in Redis. */
package io.logriver.trident;
