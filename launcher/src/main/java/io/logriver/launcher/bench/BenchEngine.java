package io.logriver.launcher.bench;

import io.logriver.config.LogriverConfig;
import io.logriver.launcher.bench.host.StormHostMain;
import io.logriver.launcher.bench.report.EngineInfo;
import io.logriver.launcher.cli.Home;
import io.logriver.peers.host.PeerHostMain;
import io.logriver.topology.Mode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An engine of the benchmark: logriver's two Storm modes, and the peers (the same job on Kafka Streams and Flink).
 * Each runs in a JVM of its own (the Storm modes in a local cluster there), started with the same options, and is set
 * up per guarantee class so that engines are compared only at the same guarantee.
 */
enum BenchEngine {
    CORE("Storm 2.8.3, core", "the partition stage has added the record to its partition's share of its window"),
    TRIDENT("Storm 2.8.3, Trident", "the partition stage has written the record's batch to its state (commit phase)"),
    KSTREAMS("Kafka Streams 4.1.0", "its `Aggregator` has added the record to the window's `DurationStats`"),
    FLINK("Flink 2.2.1", "`StatsAggregate.add` has added the record to its window's accumulator");

    private final String engine;
    private final String applied;

    BenchEngine(String engine, String applied) {
        this.engine = engine;
        this.applied = applied;
    }

    /** As in {@code --mode} and in the report. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean storm() {
        return this == CORE || this == TRIDENT;
    }

    Mode mode() {
        return Mode.named(id());
    }

    /**
     * Whether its finished requests must be completed by the generator's count of those no window takes: the peers do
     * not count what they filter.
     */
    boolean countsOnlyApplied() {
        return !storm();
    }

    /** The module whose class path its host runs on, and the host's main class and logging. */
    String module() {
        return storm() ? "launcher" : "peers";
    }

    String hostMain() {
        return storm() ? StormHostMain.class.getName() : PeerHostMain.class.getName();
    }

    String log4j() {
        return storm() ? Home.dir().resolve("resources/log4j2.xml").toString() : PeerHostMain.LOG4J;
    }

    /** logriver's configuration keys for a class: the Storm modes' state backend. */
    Map<String, Object> overrides(StateClass state) {
        return storm() ? Map.of(LogriverConfig.STATE_BACKEND.name(), state.backend().id()) : Map.of();
    }

    /**
     * The peer's own settings for a class (none for the Storm modes). Flink checkpoints at core's checkpoint interval,
     * in the JobManager's memory (memory) or to files (durable); Kafka Streams runs at least once (memory) or
     * exactly once (durable).
     */
    Map<String, String> engineSettings(StateClass state, LogriverConfig c, Path checkpoints) {
        Map<String, String> m = new LinkedHashMap<>();
        if (this == KSTREAMS) {
            m.put("processing.guarantee", state == StateClass.DURABLE ? "exactly_once_v2" : "at_least_once");
        } else if (this == FLINK) {
            m.put("execution.checkpointing.interval", checkpointIntervalMs(c) + " ms");
            m.put("execution.checkpointing.storage", state == StateClass.DURABLE ? "filesystem" : "jobmanager");
            if (state == StateClass.DURABLE) {
                m.put("execution.checkpointing.dir", checkpoints.toUri().toString());
            }
        }
        return m;
    }

    /** Core's checkpoint interval ({@code logriver.core.topology.state.checkpoint.interval.ms}), which Flink uses. */
    static long checkpointIntervalMs(LogriverConfig c) {
        Object ms = c.stormFor(Mode.CORE.profile()).get("topology.state.checkpoint.interval.ms");
        return ms == null ? 1000 : ((Number) ms).longValue();
    }

    /** The topics the engine creates for itself on the broker (Kafka Streams' repartition and changelog topics). */
    List<String> internalTopics(String id) {
        return this == KSTREAMS ? List.of(id + "-by-org-url-repartition", id + "-windows-changelog",
                id + "-until-closed-store-changelog") : List.of();
    }

    /** What the report says of it in a class. */
    EngineInfo info(StateClass state, String setting, LogriverConfig c) {
        return new EngineInfo(id(), state.id(), setting, engine + ", " + where(), guarantee(state, c), applied);
    }

    private String where() {
        return switch (this) {
            case CORE, TRIDENT -> "a local cluster in a JVM of its own";
            case KSTREAMS -> "one KafkaStreams instance, one stream thread, in a JVM of its own";
            case FLINK -> "a MiniCluster, parallelism 1, in a JVM of its own";
        };
    }

    private String guarantee(StateClass state, LogriverConfig c) {
        boolean durable = state == StateClass.DURABLE;
        long interval = checkpointIntervalMs(c);
        return switch (this) {
            case CORE, TRIDENT -> mode().guarantee(c.with(overrides(state)));
            case KSTREAMS -> durable ? "exactly once (`exactly_once_v2`); window state in RocksDB with changelog topics"
                    : "at least once (`at_least_once`); window state in RocksDB with changelog topics";
            case FLINK -> (durable ? "window state exactly once, checkpoints every " + interval + " ms to files"
                    : "window state exactly once across task failures, checkpoints every " + interval + " ms in the"
                    + " JobManager's memory (lost with the JVM)") + "; output at least once";
        };
    }

    /** The engines {@code bench --mode} names: one, {@code both} (the Storm modes) or {@code all}. */
    static List<BenchEngine> parse(String text) {
        return switch (text) {
            case "both" -> List.of(CORE, TRIDENT);
            case "all" -> List.of(values());
            default -> {
                for (BenchEngine e : values()) {
                    if (e.id().equals(text)) {
                        yield List.of(e);
                    }
                }
                throw new io.logriver.launcher.cli.Args.UsageException("--mode " + text
                        + ": expected core, trident, both, kstreams, flink or all");
            }
        };
    }
}
