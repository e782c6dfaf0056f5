/** The job on Kafka Streams. */
package io.logriver.peers.kstreams;
