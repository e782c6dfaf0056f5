/** The core topology (record at a time): its spouts, thin bolts over the logic, Redis checkpoints, and its builder. */
package io.logriver.core;
