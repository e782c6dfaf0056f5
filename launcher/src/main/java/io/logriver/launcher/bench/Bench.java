package io.logriver.launcher.bench;

import io.logriver.config.LogriverConfig;
import io.logriver.launcher.bench.report.BenchPoint;
import io.logriver.launcher.bench.report.BenchReport;
import io.logriver.launcher.bench.report.Ceiling;
import io.logriver.launcher.bench.report.EngineInfo;
import io.logriver.launcher.bench.report.Verdict;
import io.logriver.launcher.cli.Directories;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.kafka.Broker;
import io.logriver.launcher.kafka.Topics;
import io.logriver.launcher.redis.Redis;
import io.logriver.peers.host.EngineProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code bin/logriver bench}: the ceilings first, then the plan's sweeps round after round, each engine in a JVM of
 * its own started for its sweep, fed by the generator in a JVM of its own, on one broker and one Redis; then the
 * report. Stopping early (Ctrl-C) still writes what was measured.
 */
final class Bench {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Bench.class);
    private final Progress progress;
    private volatile boolean stopping;

    Bench(Progress progress) {
        this.progress = progress;
    }

    void stop() {
        stopping = true;
        progress.say("stopping: the point under way is dropped, the report will hold the ones before it");
    }

    /**
     * Runs the plan; writes the report of what was measured, even when it stops early or a sweep fails (a failed sweep
     * is reported, and the others go on; the command then ends with an error that says so).
     */
    BenchReport.Files run(LogriverConfig base, BenchPlan plan, Path workDir, String command) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 6);
        List<BenchPoint> points = new ArrayList<>();
        List<Ceiling> ceilings = new ArrayList<>();
        Map<String, EngineInfo> engines = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        Path dir = Files.createDirectories(workDir.resolve("bench-" + id));
        Path profiles = Files.createDirectories(workDir.resolve("bench-profiles"));
        List<String> usedTopics = new ArrayList<>();
        try (Redis redis = Redis.ensure(base, workDir, progress); Broker broker = Broker.ensure(base, workDir, progress);
             Topics topics = new Topics(broker.bootstrapServers())) {
            try {
                if (plan.hasStorm() && plan.ceilingRecords() > 0) {
                    try {
                        ceilings.addAll(new Ceilings(topics, progress, usedTopics, dir).measure(base, plan, id));
                    } catch (BenchStopped e) {
                        throw e;
                    } catch (Exception e) {
                        LOG.error("bench: the ceilings failed", e);
                        failures.add("the ceilings: " + e.getMessage());
                        progress.say("  the ceilings failed: " + e.getMessage() + "; the sweeps go on");
                    }
                }
                PointRun runs = new PointRun(topics, progress, usedTopics, dir, profiles, () -> stopping);
                for (int round = 1; round <= plan.rounds(); round++) {
                    for (BenchPlan.Sweep s : plan.sweeps(round)) {
                        BenchStopped.check(() -> stopping);
                        engines.putIfAbsent(s.engine().id() + s.state().id() + s.label(),
                                s.engine().info(s.state(), s.label(), base));
                        try {
                            sweep(base, plan, runs, s, dir, id + "-" + points.size(), points);
                        } catch (BenchStopped e) {
                            throw e;
                        } catch (Exception e) {
                            LOG.error("bench: sweep {} {} {} #{} failed", s.engine().id(), s.state().id(), s.label(),
                                    s.round(), e);
                            failures.add(String.format("%s in %s (%s), round %d: %s", s.engine().id(), s.state().id(),
                                    s.label(), s.round(), e.getMessage()));
                            progress.say("  failed: " + e.getMessage() + "; the next sweep goes on");
                        }
                    }
                }
            } catch (BenchStopped e) {
                failures.add(e.getMessage());
            } finally {
                topics.delete(usedTopics);
            }
        }
        if (ceilings.isEmpty() && points.isEmpty()) {
            throw new IllegalStateException("nothing was measured" + (failures.isEmpty() ? "" : ": " + failures));
        }
        BenchReport.Files f = new BenchReport(base, method(plan, command), List.copyOf(engines.values()), ceilings,
                points, failures).write(plan.outDir());
        progress.say("report: " + f.markdown() + ", " + f.csv() + ", " + f.chart());
        if (failures.isEmpty() || stopping) {
            Directories.deleteTree(dir); // kept when an engine failed: its logs are there
        } else {
            throw new IllegalStateException(failures.size() + " sweep(s) failed (" + failures.get(0)
                    + "); the report says which; the engines' logs are in " + dir);
        }
        return f;
    }

    private static BenchReport.Method method(BenchPlan plan, String command) {
        return new BenchReport.Method(command, plan.jvmOptions(), plan.jitWarmUp(), plan.warmUp(), plan.drainLimit(),
                plan.measure(), plan.rounds(), plan.variants().stream().map(v -> v.name() + ": "
                + (v.overrides().isEmpty() ? "the configuration as it is" : v.overrides().toString())).toList());
    }

    /** One sweep: the engine's JVM, its JIT warm-up, then its rates. */
    private void sweep(LogriverConfig base, BenchPlan plan, PointRun runs, BenchPlan.Sweep s, Path dir, String id,
                       List<BenchPoint> points) throws Exception {
        String name = s.engine().id() + "-" + s.state().id() + "-" + id;
        List<String> args = s.engine().storm() ? List.of(dir.resolve(name + "-storm").toString()) : List.of();
        progress.say(String.format("%s in %s (%s), round %d: a JVM of its own (%s)", s.engine().id(), s.state().id(),
                s.label(), s.round(), String.join(" ", plan.jvmOptions())));
        try (EngineProcess engine = EngineProcess.start(name, s.engine().module(), s.engine().hostMain(),
                plan.jvmOptions(), s.engine().log4j(), dir, args)) {
            if (!plan.jitWarmUp().isZero()) {
                progress.say(String.format("  %d s at %,d/s to let the JIT compile its hot code (not reported)",
                        plan.jitWarmUp().toSeconds(), BenchPlan.JIT_WARM_UP_RATE));
                runs.warmUpJit(engine, base, plan, s, id + "-jit");
            }
            int[] n = {0};
            sweepRates(plan, rate -> {
                BenchPoint p = runs.run(engine, base, plan, s, rate, plan.warmUp(), plan.measure(), id + "-" + n[0]++);
                points.add(p);
                return p.verdict();
            });
        }
    }

    /**
     * The plan's rates up to the first the engine does not sustain, then bisection steps below it. A point the
     * generator could not offer ends the sweep: no higher rate can be offered either.
     */
    void sweepRates(BenchPlan plan, Point point) throws Exception {
        long sustained = 0;
        for (long rate : plan.rates()) {
            if (stopping) {
                return;
            }
            Verdict v = point.at(rate);
            if (v == Verdict.SUSTAINED) {
                sustained = rate;
            } else if (v == Verdict.GENERATOR_BOUND) {
                progress.say(String.format("  the generator could not offer %,d/s: the sweep ends here", rate));
                return;
            } else if (plan.stopAtSaturation()) {
                refine(point, sustained, rate, plan.refineSteps());
                return; // saturated: higher rates tell nothing more
            }
        }
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
            Verdict v = point.at(mid);
            if (v == Verdict.GENERATOR_BOUND) {
                return;
            } else if (v == Verdict.SUSTAINED) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
    }

    /** Runs one point of the sweep at a rate: its verdict. */
    interface Point {
        Verdict at(long rate) throws Exception;
    }
}
