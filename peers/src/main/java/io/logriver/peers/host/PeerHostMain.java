package io.logriver.peers.host;

import io.logriver.peers.Peer;
import io.logriver.peers.PeerSettings;
import io.logriver.peers.flink.FlinkPeer;
import io.logriver.peers.kstreams.KStreamsPeer;

/**
 * The peers in a JVM of their own ({@code PeerHostMain PARENT_PID}): an {@link EngineHost} whose jobs are the
 * Kafka Streams ({@code kstreams}) and Flink ({@code flink}) peers. A peer does not count what it filters: its
 * finished requests are those applied to their windows (the bench adds those the generator knows no window takes).
 */
public final class PeerHostMain {
    /** The logging of a peer's JVM: a resource of the peers module. */
    public static final String LOG4J = "log4j2-flink-peer.xml";

    private PeerHostMain() {
    }

    public static void main(String[] args) {
        EngineHost.serve(args, (engine, settings) -> start(peer(engine, settings)));
    }

    static Peer peer(String engine, PeerSettings s) {
        return switch (engine) {
            case "kstreams" -> new KStreamsPeer(s);
            case "flink" -> new FlinkPeer(s);
            default -> throw new IllegalArgumentException("no peer " + engine + " (kstreams or flink)");
        };
    }

    private static EngineHost.Job start(Peer peer) throws InterruptedException {
        long before = peer.latencies().applied();
        peer.start();
        return new EngineHost.Job() {
            @Override
            public long finished() {
                return peer.latencies().applied() - before;
            }

            @Override
            public void close() {
                peer.close();
            }
        };
    }
}
