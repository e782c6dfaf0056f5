package io.logriver.launcher.bench;

import io.logriver.peers.Peer;
import io.logriver.peers.PeerSettings;
import io.logriver.peers.flink.FlinkProcessPeer;
import io.logriver.peers.kstreams.KStreamsPeer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's peers: logriver's job on the engines people would pick instead (the {@code peers} module). They are
 * engines of the benchmark, not Storm modes: each runs on its own, beside the broker, after the local cluster is gone.
 */
enum PeerEngine {
    /** One KafkaStreams instance in this JVM, at least once, as Kafka Streams runs by default. */
    KSTREAMS("Kafka Streams 4.1.0", "1 stream thread", "in this JVM: one KafkaStreams instance with one stream thread",
            "at least once (`processing.guarantee` at_least_once, set by the bench; exactly_once_v2 is one setting"
                    + " away); window state in RocksDB, backed by changelog topics",
            "its `Aggregator` has added the record to the window's `DurationStats` (before the record cache)"),
    /** Flink's MiniCluster in a JVM of its own, so that its CPU and GC are its own and measured apart. */
    FLINK("Flink 2.2.1", "own JVM", "in a JVM of its own (`FlinkProcessPeer`): a MiniCluster, parallelism 1",
            "window state exactly once through checkpoints every 5 s (in memory: survives a task failure, not the"
                    + " JVM); output at least once (`KafkaSink` AT_LEAST_ONCE, no transactions)",
            "`StatsAggregate.add` has added the record to its window's accumulator (heap state of the window operator)");

    private final String engine;
    private final String setting;
    private final String where;
    private final String guarantee;
    private final String applied;

    PeerEngine(String engine, String setting, String where, String guarantee, String applied) {
        this.engine = engine;
        this.setting = setting;
        this.where = where;
        this.guarantee = guarantee;
        this.applied = applied;
    }

    /** As in {@code --mode} and in the report. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The engine and its version. */
    String engine() {
        return engine;
    }

    /** The setting of its points in the report (no comma: it is a field of the CSV). */
    String setting() {
        return setting;
    }

    /** Where the job runs, and with how many threads or tasks. */
    String where() {
        return where;
    }

    /** What the bench runs it with, as the report states it. */
    String guarantee() {
        return guarantee;
    }

    /** The point at which a record counts as applied to its window (the end of both latencies). */
    String applied() {
        return applied;
    }

    /** The peer for one point of the sweep, with the settings the report states. */
    Peer create(PeerSettings s) {
        return this == KSTREAMS ? new KStreamsPeer(s.withEngine("processing.guarantee", "at_least_once"))
                : new FlinkProcessPeer(s);
    }

    /**
     * Whether each point starts a new JVM, whose JIT has compiled nothing: then the JIT warm-up is part of every
     * point's warm-up, not a run of its own before the sweep.
     */
    boolean freshJvmPerPoint() {
        return this == FLINK;
    }

    /** The CPU time of the peer's own JVM so far; null when it runs in this one (the flight recording sees it). */
    Duration ownJvmCpu(Peer peer) {
        return peer instanceof FlinkProcessPeer f ? f.cpuTime() : null;
    }

    /** The topics the engine creates for itself on the broker (Kafka Streams' repartition and changelog topics). */
    List<String> internalTopics(String id) {
        return this == KSTREAMS ? List.of(id + "-by-org-url-repartition", id + "-windows-changelog",
                id + "-until-closed-store-changelog") : List.of();
    }
}
