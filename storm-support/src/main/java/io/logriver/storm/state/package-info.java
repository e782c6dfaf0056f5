/**
 * Storm's stateful bolts, with the checkpoint's writes to the state store taken off the executor's thread
 * (BackgroundCheckpointExecutor, BackgroundCheckpointTopologyBuilder).
 */
package io.logriver.storm.state;
