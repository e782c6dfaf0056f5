/** The same job on other engines, for the benchmark: what the Kafka Streams and Flink versions share. */
package io.logriver.peers;
