package io.logriver.launcher.bench;

import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.generator.LoadGenerator;
import io.logriver.launcher.generator.RecordGenerator;
import io.logriver.launcher.kafka.Topics;
import io.logriver.launcher.local.LocalStorm;
import io.logriver.launcher.local.TopologyReady;
import io.logriver.launcher.metrics.Accounting;
import io.logriver.launcher.metrics.JmxMetrics;
import io.logriver.names.Names;
import io.logriver.peers.Latencies;
import io.logriver.topology.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One point of the sweep: the production topology of a mode on topics of its own, fed by the open-loop generator at
 * a fixed rate; after a warm-up, the latencies recorded by the probe and the rates over the measurement window.
 */
final class BenchRun {
    private final LocalStorm storm;
    private final Topics topics;
    private final List<String> usedTopics;
    private final PointMeasurement points;

    /**
     * @param usedTopics where the topics of each run are listed, for the caller to delete after the cluster stops
     * @param profiles   where each point's flight recording is kept
     * @param stopRequested true once the benchmark is to stop: the point under way ends with {@link BenchStopped}
     */
    private final Progress progress;
    private final BooleanSupplier stopRequested;

    BenchRun(LocalStorm storm, Topics topics, Progress progress, List<String> usedTopics, Path profiles,
             BooleanSupplier stopRequested) {
        this.storm = storm;
        this.topics = topics;
        this.usedTopics = usedTopics;
        this.points = new PointMeasurement(progress, profiles, stopRequested);
        this.progress = progress;
        this.stopRequested = stopRequested;
    }

    BenchPoint run(LogriverConfig base, Mode mode, String setting, Map<String, Object> overrides, long rate,
                   Duration warmUp, Duration measure, String id) throws Exception {
        String name = "bench-" + mode.id() + "-" + rate + "-" + id;
        LogriverConfig c = topics.ensure(forRun(base, name, overrides), 1);
        usedTopics.addAll(List.of(c.topics().weblogs(), c.topics().sessions(), c.topics().stats(), c.topics().dlq()));
        JmxMetrics m = new JmxMetrics(name);
        storm.submit(name, mode.stormConfig(c), mode.topology(c));
        if (!TopologyReady.await(storm, mode, name, m, Duration.ofMinutes(2), stopRequested)
                && !stopRequested.getAsBoolean()) {
            progress.say("  " + name + ": not taking records after 120 s; measuring anyway");
        }
        try (LoadGenerator generator = new LoadGenerator(c.bootstrapServers(), c.topics().weblogs(),
                c.topics().sessions(), (int) rate, new RecordGenerator(c.generator().seed(), c.generator().sessions(), true))) {
            BenchPoint p = points.measure(mode.id(), setting, rate, generator, probe(m), warmUp, measure, name);
            long rewound = m.sum(Names.M_REWOUND);
            long replayed = m.sum(Names.M_REPLAYED);
            if (rewound + replayed > 0) {
                progress.say(String.format("  %s: %,d records refused as out of order (their partition was rewound),"
                        + " %,d already in the state", name, rewound, replayed));
            }
            return p;
        } finally {
            storm.kill(name);
        }
    }

    /** A topology's counters (the metrics of its bolts) and the latency probe of this JVM, where it runs. */
    private static PointProbe probe(JmxMetrics m) {
        return new PointProbe(Latencies.ofThisJvm(), () -> Accounting.of(m::sum).done(), () -> null);
    }

    static LogriverConfig forRun(LogriverConfig c, String name, Map<String, Object> overrides) {
        Map<String, Object> m = new java.util.HashMap<>(overrides);
        m.put(LogriverConfig.TOPIC_WEBLOGS, name + "-weblogs");
        m.put(LogriverConfig.TOPIC_SESSIONS, name + "-sessions");
        m.put(LogriverConfig.TOPIC_STATS, name + "-stats");
        m.put(LogriverConfig.TOPIC_DLQ, name + "-dlq");
        m.put(LogriverConfig.CONSUMER_GROUP, name);
        m.put(LogriverConfig.BENCH_PROBE, true);
        return c.with(m);
    }
}
