/**
 * An engine in a JVM of its own, driven by the JVM that started it over its standard input and output: the child's
 * command loop ({@link io.logriver.peers.host.EngineHost}), the parent's handle ({@link
 * io.logriver.peers.host.EngineProcess}), the line protocol between them, and the peers' host
 * ({@link io.logriver.peers.host.PeerHostMain}). The benchmark runs every engine this way, so that each has its own
 * heap, collector and CPU account, and none shares a JVM with the generator or with another engine.
 */
package io.logriver.peers.host;
