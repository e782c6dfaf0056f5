package io.logriver.launcher.bench;

import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.generator.LoadGenerator;
import io.logriver.launcher.generator.RecordGenerator;
import io.logriver.launcher.kafka.Topics;
import io.logriver.launcher.local.LocalStorm;
import io.logriver.launcher.metrics.Accounting;
import io.logriver.launcher.metrics.JmxMetrics;
import io.logriver.logic.LatencyProbe;
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
    private final Progress progress;
    private final List<String> usedTopics;
    private final Path profiles;
    private final BooleanSupplier stopRequested;

    /**
     * @param usedTopics where the topics of each run are listed, for the caller to delete after the cluster stops
     * @param profiles   where each point's flight recording is kept
     * @param stopRequested true once the benchmark is to stop: the point under way ends with {@link BenchStopped}
     */
    BenchRun(LocalStorm storm, Topics topics, Progress progress, List<String> usedTopics, Path profiles,
             BooleanSupplier stopRequested) {
        this.storm = storm;
        this.topics = topics;
        this.progress = progress;
        this.usedTopics = usedTopics;
        this.profiles = profiles;
        this.stopRequested = stopRequested;
    }

    BenchPoint run(LogriverConfig base, Mode mode, String setting, Map<String, Object> overrides, long rate,
                   Duration warmUp, Duration measure, String id) throws Exception {
        String name = "bench-" + mode.id() + "-" + rate + "-" + id;
        LogriverConfig c = topics.ensure(forRun(base, name, overrides), 1);
        usedTopics.addAll(List.of(c.topics().weblogs(), c.topics().sessions(), c.topics().stats(), c.topics().dlq()));
        JmxMetrics m = new JmxMetrics(name);
        storm.submit(name, mode.stormConfig(c), mode.topology(c));
        try (LoadGenerator generator = new LoadGenerator(c.bootstrapServers(), c.topics().weblogs(),
                c.topics().sessions(), (int) rate, new RecordGenerator(c.generator().seed(), c.generator().sessions(), true))) {
            long applied = LatencyProbe.applied();
            generator.start();
            awaitFirstRecord(applied, name);
            BenchStopped.pause(warmUp.toMillis(), stopRequested);
            awaitCaughtUp(generator, m, rate, warmUp);
            LatencyProbe.takeInTopology();
            LatencyProbe.takeEndToEnd();
            generator.maxBehindMillis(true);
            Window w = measure(generator, m, measure, name);
            BenchPoint p = new BenchPoint(mode.id(), setting, rate, w.sent() / w.secs(), w.done() / w.secs(), w.sent(),
                    w.done(), w.lagStart(), w.lagEnd(), generator.maxBehindMillis(false), w.inTopology(), w.endToEnd(),
                    w.profile());
            progress.say(String.format("%s %s at %,d/s: achieved %,.0f/s, lag %,d -> %,d, end-to-end p50 %,d us p99 %,d us"
                            + " p99.9 %,d us%s", mode.id(), setting, rate, p.achieved(), p.lagStart(), p.lagEnd(),
                    p.endToEnd().p50(), p.endToEnd().p99(), p.endToEnd().p999(), p.sustained() ? "" : " (not sustained)"));
            return p;
        } finally {
            storm.kill(name);
        }
    }

    /** What one measurement window saw: records sent and finished, the lag at both ends, latencies, the profile. */
    private record Window(long sent, long done, long lagStart, long lagEnd, double secs, BenchPoint.Percentiles inTopology,
                          BenchPoint.Percentiles endToEnd, BenchProfile.Summary profile) {
    }

    private Window measure(LoadGenerator generator, JmxMetrics m, Duration measure, String name) throws Exception {
        try (BenchProfile recording = BenchProfile.start(name)) {
            long sent0 = generator.sent();
            long done0 = finished(m);
            long t0 = System.nanoTime();
            BenchStopped.pause(measure.toMillis(), stopRequested);
            long sent1 = generator.sent();
            long done1 = finished(m);
            double secs = (System.nanoTime() - t0) / 1e9;
            BenchPoint.Percentiles inTopology = BenchPoint.Percentiles.of(LatencyProbe.takeInTopology());
            BenchPoint.Percentiles endToEnd = BenchPoint.Percentiles.of(LatencyProbe.takeEndToEnd());
            return new Window(sent1 - sent0, done1 - done0, sent0 - done0, sent1 - done1, secs, inTopology, endToEnd,
                    recording.stop(profiles.resolve(name + ".jfr")));
        }
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

    private static long finished(JmxMetrics m) {
        return Accounting.of(m::sum).done();
    }

    /** Past the warm-up, waits (at most {@code limit}) until the start-up backlog is down to 100 ms of records. */
    private void awaitCaughtUp(LoadGenerator g, JmxMetrics m, long rate, Duration limit)
            throws InterruptedException, BenchStopped {
        long deadline = System.nanoTime() + limit.toNanos();
        while (g.sent() - finished(m) > rate / 10 && System.nanoTime() < deadline) {
            BenchStopped.pause(50, stopRequested);
        }
    }

    private void awaitFirstRecord(long appliedBefore, String name) throws InterruptedException, BenchStopped {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (LatencyProbe.applied() == appliedBefore) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + ": no record reached a window within 120 s");
            }
            BenchStopped.pause(50, stopRequested);
        }
    }
}
