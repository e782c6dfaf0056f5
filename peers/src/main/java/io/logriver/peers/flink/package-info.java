/** The job on Apache Flink, in a JVM of its own. */
package io.logriver.peers.flink;
