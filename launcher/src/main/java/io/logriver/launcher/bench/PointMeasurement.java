package io.logriver.launcher.bench;

import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.generator.LoadGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The measurement of one benchmark point, the same for every engine: with the open-loop generator running, wait for
 * the first record to reach a window, warm up, wait until the start-up backlog is down to 100 ms of records, then
 * measure the rates, the lag at both ends and the latencies over the window, under a flight recording.
 */
final class PointMeasurement {
    private final Progress progress;
    private final Path profiles;
    private final BooleanSupplier stopRequested;

    /**
     * @param profiles      where each point's flight recording is kept
     * @param stopRequested true once the benchmark is to stop: the point under way ends with {@link BenchStopped}
     */
    PointMeasurement(Progress progress, Path profiles, BooleanSupplier stopRequested) {
        this.progress = progress;
        this.profiles = profiles;
        this.stopRequested = stopRequested;
    }

    /** Starts the generator and measures the point; the caller stops the generator and the engine. */
    BenchPoint measure(String mode, String setting, long rate, LoadGenerator generator, PointProbe probe,
                       Duration warmUp, Duration measure, String name) throws Exception {
        long applied = probe.applied();
        generator.start();
        awaitFirstRecord(probe, applied, name);
        BenchStopped.pause(warmUp.toMillis(), stopRequested);
        awaitCaughtUp(generator, probe, rate, warmUp);
        probe.takeInTopology();
        probe.takeEndToEnd();
        probe.takeJoinWaits();
        generator.maxBehindMillis(true);
        Window w = window(generator, probe, measure, name);
        BenchPoint p = new BenchPoint(mode, setting, rate, w.sent() / w.secs(), w.done() / w.secs(), w.sent(),
                w.done(), w.lagStart(), w.lagEnd(), generator.maxBehindMillis(false), w.inTopology(), w.endToEnd(),
                w.profile(), w.joinWaits());
        progress.say(String.format("%s %s at %,d/s: achieved %,.0f/s, lag %,d -> %,d, end-to-end p50 %,d us p99 %,d us"
                        + " p99.9 %,d us%s", mode, setting, rate, p.achieved(), p.lagStart(), p.lagEnd(),
                p.endToEnd().p50(), p.endToEnd().p99(), p.endToEnd().p999(), p.sustained() ? "" : " (not sustained)"));
        return p;
    }

    /** What one measurement window saw: records sent and finished, the lag at both ends, latencies, the profile. */
    private record Window(long sent, long done, long lagStart, long lagEnd, double secs, BenchPoint.Percentiles inTopology,
                          BenchPoint.Percentiles endToEnd, BenchProfile.Summary profile,
                          BenchPoint.Percentiles joinWaits) {
    }

    private Window window(LoadGenerator generator, PointProbe probe, Duration measure, String name) throws Exception {
        try (BenchProfile recording = BenchProfile.start(name)) {
            long sent0 = generator.sent();
            long done0 = probe.finished();
            Duration cpu0 = probe.ownJvmCpu();
            long t0 = System.nanoTime();
            BenchStopped.pause(measure.toMillis(), stopRequested);
            long sent1 = generator.sent();
            long done1 = probe.finished();
            Duration cpu1 = probe.ownJvmCpu();
            long nanos = System.nanoTime() - t0;
            BenchPoint.Percentiles inTopology = BenchPoint.Percentiles.of(probe.takeInTopology());
            BenchPoint.Percentiles endToEnd = BenchPoint.Percentiles.of(probe.takeEndToEnd());
            BenchPoint.Percentiles joinWaits = BenchPoint.Percentiles.of(probe.takeJoinWaits());
            BenchProfile.Summary profile = recording.stop(profiles.resolve(name + ".jfr"));
            if (cpu0 != null && cpu1 != null) {
                profile = profile.withOwnJvm(cpu1.minus(cpu0), Duration.ofNanos(nanos),
                        Runtime.getRuntime().availableProcessors());
            }
            return new Window(sent1 - sent0, done1 - done0, sent0 - done0, sent1 - done1, nanos / 1e9, inTopology,
                    endToEnd, profile, joinWaits);
        }
    }

    /** Past the warm-up, waits (at most {@code limit}) until the start-up backlog is down to 100 ms of records. */
    private void awaitCaughtUp(LoadGenerator g, PointProbe probe, long rate, Duration limit)
            throws InterruptedException, BenchStopped {
        long deadline = System.nanoTime() + limit.toNanos();
        while (g.sent() - probe.finished() > rate / 10 && System.nanoTime() < deadline) {
            BenchStopped.pause(50, stopRequested);
        }
    }

    private void awaitFirstRecord(PointProbe probe, long appliedBefore, String name)
            throws InterruptedException, BenchStopped {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (probe.applied() == appliedBefore) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + ": no record reached a window within 120 s");
            }
            BenchStopped.pause(50, stopRequested);
        }
    }
}
