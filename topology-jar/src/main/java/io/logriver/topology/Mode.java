package io.logriver.topology;

import io.logriver.config.LogriverConfig;
import io.logriver.config.ModeProfile;
import io.logriver.core.CoreTopology;
import io.logriver.core.RedisStateProvider;
import io.logriver.core.StormConfigs;
import io.logriver.core.bolt.SinkBolt;
import io.logriver.names.Names;
import io.logriver.trident.TridentPipeline;
import io.logriver.trident.state.StateNamespace;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.storm.Config;
import org.apache.storm.generated.StormTopology;

/**
 * The two topologies, {@code --mode core} (record at a time) and {@code --mode trident} (micro-batches), and what each
 * means: its builder, its Storm settings (the common ones and its profile {@code logriver.MODE.topology.X}), the name a
 * topology of it gets when none is given, when it takes records as they come, when the whole of a finite input has
 * gone through it, how a live run starts it, and what its state guarantees. The launcher, the bench and this jar's
 * main class ask it, and never switch on it.
 */
public enum Mode {
    CORE(CoreTopology::build) {
        /** Once its request spout has its partitions (kafkaOffset metrics) and the partition stage its session table. */
        @Override
        public boolean ready(TopologyProbe p) {
            return p.count(Names.WEBLOGS_SPOUT, "kafkaOffset") > 0 && p.count(Names.PARTITION_STAGE, Names.M_SESSIONS) > 0;
        }

        /** Every end-of-input marker has reached (and been flushed by) every sink task. */
        @Override
        public boolean ended(TopologyProbe p, LogriverConfig c, boolean deadLettersQuiet) {
            Map<String, Integer> expected = CoreTopology.endMarkersPerSinkTask(c);
            for (String source : SinkBolt.END_SOURCES) {
                if (p.sum(Names.M_END_OF_INPUT + "." + source, Names.SINK)
                        < (long) expected.get(source) * c.parallelism().sink()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean joinWaits() {
            return true;
        }

        @Override
        public String guarantee(LogriverConfig c) {
            return c.state().durable() ? "window state exactly once, checkpointed to Redis every "
                    + c.stormFor(profile()).get("topology.state.checkpoint.interval.ms") + " ms; output at least once (a"
                    + " window record written again has the same content)"
                    : "at least once; the open windows are lost with the worker (state in memory)";
        }

        @Override
        public String stateKeyPrefix(LogriverConfig c) {
            return RedisStateProvider.keyPrefix(c.consumerGroup());
        }
    },
    TRIDENT(TridentPipeline::build) {
        @Override
        public boolean ready(TopologyProbe p) throws Exception {
            return p.active();
        }

        /**
         * Every task of the closer has drained its windows (each counts its own end once), the Kafka state has written
         * every window record they emitted, and the dead letters are written: as many as counted, or (counters count
         * every attempt of a replayed batch) none written for a few seconds. One drained task of several is not the
         * end: the others may still hold windows.
         *
         * <p>The order of the reads matters. The closer counts its windows, then its end, when its state commits; the
         * Kafka state of the same bolt writes those windows and counts them a moment later, in the same commit phase.
         * So the window count is read after the ends (it then holds every window), and the written count last.
         */
        @Override
        public boolean ended(TopologyProbe p, LogriverConfig c, boolean deadLettersQuiet) {
            if (p.sum(Names.M_END_OF_INPUT) < c.trident().parallelism()) {
                return false;
            }
            long windows = p.sum(Names.M_WINDOWS);
            long rejects = p.sum(Names.M_INVALID) + p.sum(Names.M_LATE) + p.sum(Names.M_SESSIONS_INVALID);
            return p.sum(Names.M_SINK_WRITTEN + ".stats") >= windows
                    && (p.sum(Names.M_SINK_WRITTEN + ".dlq") >= rejects || deadLettersQuiet);
        }

        /**
         * Trident keeps its spout offsets in the cluster's ZooKeeper, new for every local run: a live run starts at its
         * first record, so that it shows its own data and skips none of it.
         */
        @Override
        public LogriverConfig forLiveRun(LogriverConfig c, long startMillis) {
            return c.with(Map.of(LogriverConfig.FIRST_POLL.name(), "UNCOMMITTED_TIMESTAMP",
                    LogriverConfig.START_TIMESTAMP_MS.name(), startMillis));
        }

        @Override
        public String guarantee(LogriverConfig c) {
            return c.state().durable() ? "exactly once: Trident state in Redis, written with every batch"
                    : "exactly once across replays; the state is lost with the worker (in memory)";
        }

        @Override
        public String stateKeyPrefix(LogriverConfig c) {
            return StateNamespace.PREFIX;
        }
    };

    private final Function<LogriverConfig, StormTopology> builder;

    Mode(Function<LogriverConfig, StormTopology> builder) {
        this.builder = builder;
    }

    /** The mode whose {@link #id()} is {@code text}, if any. */
    private static Optional<Mode> find(String text) {
        return Arrays.stream(values()).filter(m -> m.id().equals(text)).findFirst();
    }

    /** The mode {@code --mode text} names; an error that says which ids there are when none has that id. */
    public static Mode named(String text) {
        return find(text).orElseThrow(() -> new IllegalArgumentException("--mode " + text + ": expected "
                + String.join(" or ", ids())));
    }

    /** The mode of a topology Nimbus runs: Trident's have a master batch coordinator ({@code $mastercoord-...}). */
    public static Mode of(StormTopology t) {
        return t.get_spouts().keySet().stream().anyMatch(s -> s.startsWith("$mastercoord")) ? TRIDENT : CORE;
    }

    /** Every mode's id, in declaration order: {@code [core, trident]}. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Mode::id).toList();
    }

    /** As in {@code --mode} and in the mode profiles of the configuration. */
    public String id() {
        return profile().id();
    }

    /** This mode's profile of Storm keys in the configuration ({@code logriver.MODE.topology.X}). */
    public ModeProfile profile() {
        return ModeProfile.valueOf(name());
    }

    /** The topology name used when none is given: {@code logriver-core}, {@code logriver-trident}. */
    public String defaultName() {
        return "logriver-" + id();
    }

    /** The production topology of this mode, reading from and writing to the configured Kafka topics. */
    public StormTopology topology(LogriverConfig c) {
        return builder.apply(c);
    }

    /** The Storm configuration of this mode's topology: every logriver setting, Storm's, and this mode's profile. */
    public Config stormConfig(LogriverConfig c) {
        return StormConfigs.of(c, profile());
    }

    /** Whether a topology of this mode takes records as they come, so that a generator started now leaves no backlog. */
    public abstract boolean ready(TopologyProbe p) throws Exception;

    /**
     * Whether the whole of a finite input (file mode: ended by its end-of-input marker) has gone through a topology
     * of this mode and everything it emitted is in Kafka; {@code deadLettersQuiet}: none written for a few seconds.
     */
    public abstract boolean ended(TopologyProbe p, LogriverConfig c, boolean deadLettersQuiet);

    /** The configuration of a live run that starts generating at {@code startMillis}. */
    public LogriverConfig forLiveRun(LogriverConfig c, long startMillis) {
        return c;
    }

    /** Whether a request may wait for its session (and the live view shows those waits). */
    public boolean joinWaits() {
        return false;
    }

    /** What the state of a topology of this mode guarantees with {@code c}'s state backend. */
    public abstract String guarantee(LogriverConfig c);

    /** What every key of the topology's state in Redis starts with (with the Redis backend). */
    public abstract String stateKeyPrefix(LogriverConfig c);
}
