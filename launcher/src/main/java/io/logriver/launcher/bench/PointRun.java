package io.logriver.launcher.bench;

import io.logriver.config.LogriverConfig;
import io.logriver.launcher.bench.report.BenchPoint;
import io.logriver.launcher.bench.report.BenchProfile;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.generator.GeneratorProcess;
import io.logriver.launcher.kafka.Topics;
import io.logriver.peers.LatencyProbe;
import io.logriver.peers.PeerSettings;
import io.logriver.peers.host.EngineProcess;
import io.logriver.process.Deadline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * One point of a sweep, the same for every engine: its job on topics of its own in the engine's JVM, fed by the
 * open-loop generator in a JVM of its own at a fixed rate. Once the first record reaches a window it warms up, then
 * gives the engine up to the plan's drain limit to work its start-up backlog down to 100 ms of records, then measures
 * the rates, the lag at both ends, the latencies and the CPU time of each JVM and of the machine over the window,
 * under a flight recording of the engine's JVM.
 */
final class PointRun {
    private static final Duration START = Duration.ofMinutes(3);
    private final Topics topics;
    private final Progress progress;
    private final List<String> usedTopics;
    private final Path workDir;
    private final Path profiles;
    private final BooleanSupplier stopRequested;

    /**
     * @param usedTopics    where the topics of each point are listed, for the caller to delete at the end
     * @param profiles      where each point's flight recording is kept
     * @param stopRequested true once the benchmark is to stop: the point under way ends with {@link BenchStopped}
     */
    PointRun(Topics topics, Progress progress, List<String> usedTopics, Path workDir, Path profiles,
             BooleanSupplier stopRequested) {
        this.topics = topics;
        this.progress = progress;
        this.usedTopics = usedTopics;
        this.workDir = workDir;
        this.profiles = profiles;
        this.stopRequested = stopRequested;
    }

    /** Where the point stands: what was sent and finished, and each JVM's and the machine's CPU time, at a moment. */
    private record Snapshot(long sent, long finished, Duration engineCpu, Duration generatorCpu, Duration machineCpu,
                            long nanos) {
    }

    /** Measures one point, and says what it measured. */
    BenchPoint run(EngineProcess engine, LogriverConfig base, BenchPlan plan, BenchPlan.Sweep sweep, long rate,
                   Duration warmUp, Duration measure, String id) throws Exception {
        BenchPoint p = measure(engine, base, plan, sweep, rate, warmUp, measure, id);
        progress.say(String.format("%s %s %s #%d at %,d/s: %s, achieved %,.0f/s, lag %,d -> %,d, generator %,d ms behind;"
                        + " end-to-end p50 %,d µs p99 %,d µs; CPU per record: engine %.1f µs, machine %.1f µs",
                p.mode(), p.state(), p.setting(), p.round(), rate, p.verdict().text(), p.achieved(), p.lagStart(),
                p.lagEnd(), p.behindMs(), p.endToEnd().p50(), p.endToEnd().p99(), p.cpu().engine(), p.cpu().machine()));
        return p;
    }

    /** Runs an engine's job unmeasured at a low rate for a while: its JVM's JIT compiles the hot code. */
    void warmUpJit(EngineProcess engine, LogriverConfig base, BenchPlan plan, BenchPlan.Sweep sweep, String id)
            throws Exception {
        measure(engine, base, plan, sweep, BenchPlan.JIT_WARM_UP_RATE, plan.jitWarmUp(), Duration.ofSeconds(1), id);
    }

    private BenchPoint measure(EngineProcess engine, LogriverConfig base, BenchPlan plan, BenchPlan.Sweep sweep,
                               long rate, Duration warmUp, Duration measure, String id) throws Exception {
        String name = "bench-" + sweep.engine().id() + "-" + rate + "-" + id;
        LogriverConfig c = topics.ensure(forRun(base, name, sweep.overrides()), 1);
        usedTopics.addAll(List.of(c.topics().weblogs(), c.topics().sessions(), c.topics().stats(), c.topics().dlq()));
        usedTopics.addAll(sweep.engine().internalTopics(name));
        PeerSettings settings = new PeerSettings(c, name, workDir.toString(),
                sweep.engine().engineSettings(sweep.state(), c, workDir.resolve(name + "-checkpoints")));
        engine.startJob(sweep.engine().id(), settings, START);
        try (GeneratorProcess g = new GeneratorProcess(settings, (int) rate, sweep.engine().countsOnlyApplied(),
                plan.jvmOptions(), workDir)) {
            LongSupplier finished = sweep.engine().countsOnlyApplied() ? () -> engine.finished() + g.neverApplied()
                    : engine::finished;
            awaitFirstRecord(engine, name);
            BenchStopped.pause(warmUp.toMillis(), stopRequested);
            drain(g, finished, rate, plan.drainLimit());
            return window(engine, g, finished, sweep, rate, measure, name);
        } finally {
            engine.stopJob();
        }
    }

    private BenchPoint window(EngineProcess engine, GeneratorProcess g, LongSupplier finished, BenchPlan.Sweep sweep,
                              long rate, Duration measure, String name) throws Exception {
        Path recording = profiles.resolve(name + ".jfr");
        g.resetMaxBehind();
        engine.record(recording);
        engine.latencies().takeInTopology();
        engine.latencies().takeEndToEnd();
        engine.latencies().takeJoinWaits();
        Snapshot s0 = snapshot(engine, g, finished);
        BenchStopped.pause(measure.toMillis(), stopRequested);
        Snapshot s1 = snapshot(engine, g, finished);
        BenchPoint.Percentiles in = BenchPoint.Percentiles.of(engine.latencies().takeInTopology());
        BenchPoint.Percentiles e2e = BenchPoint.Percentiles.of(engine.latencies().takeEndToEnd());
        BenchPoint.Percentiles waits = BenchPoint.Percentiles.of(engine.latencies().takeJoinWaits());
        long behind = g.maxBehindMillis();
        engine.dump();
        BenchProfile.Summary profile = BenchProfile.Summary.of(recording);
        double secs = (s1.nanos() - s0.nanos()) / 1e9;
        long done = s1.finished() - s0.finished();
        int cores = Runtime.getRuntime().availableProcessors();
        BenchPoint.Cpu cpu = new BenchPoint.Cpu(perRecord(s1.engineCpu().minus(s0.engineCpu()), done),
                perRecord(s1.generatorCpu().minus(s0.generatorCpu()), done),
                perRecord(s1.machineCpu().minus(s0.machineCpu()), done),
                profile.executorMicrosPerRecord(Duration.ofNanos(s1.nanos() - s0.nanos()), done, cores));
        return new BenchPoint(sweep.engine().id(), sweep.state().id(), sweep.round(), sweep.label(), rate,
                (s1.sent() - s0.sent()) / secs, done / secs, s1.sent() - s0.sent(), done, s0.sent() - s0.finished(),
                s1.sent() - s1.finished(), behind, in, e2e, waits, cpu, profile);
    }

    private static double perRecord(Duration cpu, long records) {
        return records <= 0 ? 0 : cpu.toNanos() / 1_000.0 / records;
    }

    /**
     * Finished first, then the generator's count asked afresh: what finished had been sent by then, so the lag is never
     * below zero (a count the generator reported up to 50 ms earlier made it so, at low rates).
     */
    private static Snapshot snapshot(EngineProcess engine, GeneratorProcess g, LongSupplier finished)
            throws InterruptedException {
        long done = finished.getAsLong();
        g.refresh();
        return new Snapshot(g.sent(), done, engine.cpuTime(), g.cpuTime(), MachineCpu.busy(), System.nanoTime());
    }

    /** Past the warm-up, waits (at most {@code limit}) until the start-up backlog is down to 100 ms of records. */
    private void drain(GeneratorProcess g, LongSupplier finished, long rate, Duration limit)
            throws InterruptedException, BenchStopped {
        Deadline deadline = Deadline.in(limit);
        while (g.sent() - finished.getAsLong() > rate / 10 && !deadline.passed()) {
            BenchStopped.pause(50, stopRequested);
        }
    }

    private void awaitFirstRecord(EngineProcess engine, String name) throws InterruptedException, BenchStopped {
        Deadline deadline = Deadline.in(Duration.ofSeconds(120));
        while (engine.latencies().applied() == 0) {
            if (deadline.passed()) {
                throw new IllegalStateException(name + ": no record reached a window within 120 s");
            }
            BenchStopped.pause(50, stopRequested);
        }
    }

    /** The configuration of one point: its own topics and consumer group, the probe plugged in, the sweep's keys. */
    static LogriverConfig forRun(LogriverConfig c, String name, Map<String, Object> overrides) {
        Map<String, Object> m = new HashMap<>(overrides);
        m.put(LogriverConfig.TOPIC_WEBLOGS.name(), name + "-weblogs");
        m.put(LogriverConfig.TOPIC_SESSIONS.name(), name + "-sessions");
        m.put(LogriverConfig.TOPIC_STATS.name(), name + "-stats");
        m.put(LogriverConfig.TOPIC_DLQ.name(), name + "-dlq");
        m.put(LogriverConfig.CONSUMER_GROUP.name(), name);
        m.put(LogriverConfig.LATENCY_HOOK.name(), LatencyProbe.HOOK);
        return c.with(m);
    }
}
