package io.logriver.peers;

import io.logriver.config.LogriverConfig;
import io.logriver.logic.parse.FilterRules;
import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.logic.window.Windows;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What a peer engine runs with: logriver's own configuration (broker, topics, window size, lateness, filter rules,
 * whether to feed the {@link io.logriver.logic.LatencyProbe}), a name for the run, a directory for the engine's local
 * state, and the engine's own settings by their own keys ({@code commit.interval.ms} for Kafka Streams,
 * {@code parallelism.default} for Flink), which override the peer's defaults.
 *
 * @param id      Kafka Streams' {@code application.id}, Flink's job name and consumer group prefix; one per run
 *                that must not see another run's offsets or internal topics
 * @param workDir where the engine keeps local state (Kafka Streams' RocksDB stores, a Flink child JVM's log)
 * @param engine  the engine's own settings; values as the engine parses them
 */
public record PeerSettings(LogriverConfig config, String id, String workDir, Map<String, String> engine)
        implements Serializable {

    public PeerSettings {
        if (id == null || !id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("peer id: letters, digits, '.', '_' and '-' only, got " + id);
        }
        engine = Map.copyOf(engine);
    }

    public static PeerSettings of(LogriverConfig config, String id, Path workDir) {
        return new PeerSettings(config, id, workDir.toAbsolutePath().toString(), Map.of());
    }

    /** A copy with one more engine setting. */
    public PeerSettings withEngine(String key, String value) {
        Map<String, String> m = new HashMap<>(engine);
        m.put(key, value);
        return new PeerSettings(config, id, workDir, m);
    }

    public FilterRules filterRules() {
        return new FilterRules(config.dropLevels(), config.dropUrlPrefixes());
    }

    /** logriver's rule for event times ahead of the wall clock ({@code logriver.time.max.future.ms}). */
    public FutureTimeRule futureTimeRule() {
        return FutureTimeRule.of(config.maxFutureMs());
    }

    public Windows windows() {
        return new Windows(config.windowSizeMs());
    }

    public LogriverConfig.Topics topics() {
        return config.topics();
    }

    /** {@code logriver.latency.hook}: the class told of every request applied to its window ({@code none}). */
    public String latencyHook() {
        return config.latencyHook();
    }

    /** The engine's defaults, overridden by {@link #engine()}. */
    public Map<String, String> engineSettings(Map<String, String> defaults) {
        Map<String, String> m = new HashMap<>(defaults);
        m.putAll(engine);
        return m;
    }
}
