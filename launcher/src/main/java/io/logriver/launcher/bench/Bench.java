package io.logriver.launcher.bench;

import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Directories;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.kafka.Broker;
import io.logriver.launcher.kafka.Topics;
import io.logriver.launcher.local.LocalStorm;
import io.logriver.launcher.redis.Redis;
import io.logriver.topology.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code bin/logriver bench}: the latency/throughput comparison of the two modes on one broker and one local cluster:
 * the ceilings first, then each mode's sweep of offered rates (Trident at each batch setting), then each peer's sweep
 * once the cluster is gone, then the report.
 * Stopping early (Ctrl-C) still writes what was measured.
 */
final class Bench {
    private final Progress progress;
    private volatile boolean stopping;

    Bench(Progress progress) {
        this.progress = progress;
    }

    void stop() {
        stopping = true;
        progress.say("stopping: the point under way is dropped, the report will hold the ones before it");
    }

    /** Runs the plan; writes the report of what was measured, even when it stops early or fails. */
    BenchReport.Files run(LogriverConfig base, BenchPlan plan, Path workDir) throws Exception {
        BenchProfile.startRecorder();
        String id = UUID.randomUUID().toString().substring(0, 6);
        List<BenchPoint> points = new ArrayList<>();
        Ceilings.Rates ceilings = null;
        Exception failure = null;
        Path stormDir = workDir.resolve("storm-bench-" + id);
        Path profiles = java.nio.file.Files.createDirectories(workDir.resolve("bench-profiles"));
        List<String> usedTopics = new ArrayList<>();
        try (Redis redis = Redis.ensure(base, workDir, progress); Broker broker = Broker.ensure(base, workDir, progress);
             Topics topics = new Topics(broker.bootstrapServers())) {
            // topics go only once the cluster is closed: a killed spout still commits its offsets as it stops
            if (!plan.modes().isEmpty()) {
                try (LocalStorm storm = LocalStorm.start(stormDir)) {
                    ceilings = new Ceilings(storm, progress, usedTopics).measure(base, topics, plan.ceilingRecords(),
                            plan.modes().contains(Mode.TRIDENT) ? plan.tridentSettings() : List.of(), id);
                    sweep(base, plan, new BenchRun(storm, topics, progress, usedTopics, profiles, () -> stopping), id,
                            points);
                } catch (Exception e) {
                    failure = e;
                } finally {
                    topics.delete(usedTopics);
                    Directories.deleteTree(stormDir);
                }
            }
            // the peers run once the local cluster is gone, each alone beside the broker
            Path peersDir = workDir.resolve("peers-bench-" + id);
            if (failure == null && !plan.peers().isEmpty()) {
                try {
                    sweepPeers(base, plan, new PeerRun(topics, progress, usedTopics, peersDir, profiles,
                            () -> stopping), id, points);
                    Directories.deleteTree(peersDir); // kept when a peer failed: its logs are there
                } catch (Exception e) {
                    failure = e;
                    if (!(e instanceof BenchStopped)) {
                        progress.say("the peers' logs are in " + peersDir);
                    }
                } finally {
                    topics.delete(usedTopics);
                }
            }
        }
        if (ceilings == null && points.isEmpty()) {
            throw failure != null ? failure : new IllegalStateException("nothing was measured");
        }
        BenchReport.Files f = new BenchReport(base, plan, ceilings, points, failure).write(plan.outDir());
        progress.say("report: " + f.markdown() + ", " + f.csv() + ", " + f.chart());
        if (failure != null && !(failure instanceof BenchStopped)) {
            throw failure;
        }
        return f;
    }

    private void sweep(LogriverConfig base, BenchPlan plan, BenchRun runs, String id, List<BenchPoint> points)
            throws Exception {
        for (Mode mode : plan.modes()) {
            List<? extends BenchPlan.Setting> settings = plan.settings(mode, base.state().backend());
            BenchPlan.Setting first = settings.get(0);
            jitWarmUp(plan, mode.id(), () -> run(runs, base, mode, first, BenchPlan.JIT_WARM_UP_RATE, plan.jitWarmUp(),
                    Duration.ofSeconds(1), id + "-jit-" + mode.id()));
            for (BenchPlan.Setting s : settings) {
                sweepRates(plan, rate -> {
                    BenchPoint p = run(runs, base, mode, s, rate, plan.warmUp(), plan.measure(), id + "-" + points.size());
                    points.add(p);
                    return p.sustained();
                });
            }
        }
    }

    /**
     * Each peer's sweep, as a mode's. A peer in a JVM of its own starts a new JVM at each point, so its JIT warm-up is
     * part of every point's warm-up instead of a run before the sweep.
     */
    private void sweepPeers(LogriverConfig base, BenchPlan plan, PeerRun runs, String id, List<BenchPoint> points)
            throws Exception {
        for (PeerEngine peer : plan.peers()) {
            Duration warmUp = peer.freshJvmPerPoint() ? plan.warmUp().plus(plan.jitWarmUp()) : plan.warmUp();
            if (peer.freshJvmPerPoint() && !plan.jitWarmUp().isZero()) {
                progress.say(String.format("%s: a JVM of its own at each point, so each point warms up %d s longer for"
                        + " the JIT", peer.id(), plan.jitWarmUp().toSeconds()));
            } else {
                jitWarmUp(plan, peer.id(), () -> runs.run(base, peer, BenchPlan.JIT_WARM_UP_RATE, plan.jitWarmUp(),
                        Duration.ofSeconds(1), id + "-jit-" + peer.id()));
            }
            sweepRates(plan, rate -> {
                BenchPoint p = runs.run(base, peer, rate, warmUp, plan.measure(), id + "-" + points.size());
                points.add(p);
                return p.sustained();
            });
        }
    }

    /** The unmeasured run that lets the JIT compile an engine's hot code before its sweep (none in a quick plan). */
    private void jitWarmUp(BenchPlan plan, String engine, java.util.concurrent.Callable<BenchPoint> run)
            throws Exception {
        if (!plan.jitWarmUp().isZero() && !stopping) {
            progress.say(String.format("%s: %d s at %,d/s to let the JIT compile its hot code"
                            + " (the next line is of a cold JVM, and not reported)",
                    engine, plan.jitWarmUp().toSeconds(), BenchPlan.JIT_WARM_UP_RATE));
            run.call();
        }
    }

    /** One sweep: the plan's rates up to the first not sustained, then bisection steps below it. */
    private void sweepRates(BenchPlan plan, Point point) throws Exception {
        long sustained = 0;
        for (long rate : plan.rates()) {
            if (stopping) {
                return;
            }
            if (point.sustains(rate)) {
                sustained = rate;
            } else if (plan.stopAtSaturation()) {
                refine(point, sustained, rate, plan.refineSteps());
                return; // saturated: higher rates tell nothing more
            }
        }
    }

    /** One point of a mode at a rate, with one of its settings (Trident's batch setting, core's workers). */
    private static BenchPoint run(BenchRun runs, LogriverConfig base, Mode mode, BenchPlan.Setting s, long rate,
                                  Duration warmUp, Duration measure, String id) throws Exception {
        return runs.run(base, mode, s.label(), s.overrides(), rate, warmUp, measure, id);
    }

    /** Bisects between the last sustained rate and the first unsustained one, to narrow down the sustained rate. */
    private void refine(Point point, long sustained, long notSustained, int steps) throws Exception {
        long lo = sustained;
        long hi = notSustained;
        for (int i = 0; i < steps && !stopping && lo > 0; i++) {
            long mid = BenchPlan.between(lo, hi);
            if (mid == 0) {
                return;
            }
            if (point.sustains(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
    }

    /** Runs one point of the sweep at a rate: whether the topology sustained it. */
    private interface Point {
        boolean sustains(long rate) throws Exception;
    }
}
