/** The job on Apache Flink (a MiniCluster; in a JVM of its own through {@link io.logriver.peers.host.PeerHostMain}). */
package io.logriver.peers.flink;
