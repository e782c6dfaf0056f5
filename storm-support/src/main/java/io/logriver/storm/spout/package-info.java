/**
 * Storm's KafkaSpout, made to replay a partition in order (RewindingKafkaSpout) and safe against being closed while
 * still in use (ShutdownSafeKafkaSpout).
 */
package io.logriver.storm.spout;
