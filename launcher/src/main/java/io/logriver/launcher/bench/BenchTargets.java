package io.logriver.launcher.bench;

import io.logriver.topology.Mode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** The benchmark's targets on a 2-core machine, checked against the measured points; misses say by how much. */
final class BenchTargets {
    private BenchTargets() {
    }

    static List<String> check(List<BenchPoint> points, Ceilings.Rates ceilings) {
        List<String> md = new ArrayList<>();
        md.add("");
        md.add("## Targets");
        md.add("");
        md.add("| target | measured | met |");
        md.add("|---|---|---|");
        String coreBase = coreBase(points);
        // latency is judged on a steady point only: one that drains a start-up backlog has the backlog's latencies
        steady10k(points, Mode.CORE.id(), coreBase).ifPresent(p -> {
            md.add(line("core at 10k/s: in-topology p99.9 < 1 ms", p.inTopology().p999() + " µs",
                    p.inTopology().p999() < 1000, p.inTopology().p999() / 1000.0));
            md.add(line("core at 10k/s: end-to-end p99 ≤ 3 ms", p.endToEnd().p99() + " µs",
                    p.endToEnd().p99() <= 3000, p.endToEnd().p99() / 3000.0));
        });
        if (ceilings != null) {
            highest(points, p -> p.mode().equals(Mode.CORE.id()) && p.setting().equals(coreBase) && p.sustained())
                    .ifPresent(p -> md.add(fraction("core sustained ≥ 70 % of KafkaSpout -> null bolt",
                    p.targetRate(), ceilings.spoutToNullBolt())));
            sustained(points, Mode.TRIDENT.id()).ifPresent(p -> md.add(fraction("Trident sustained ≥ 70 % of its null ceiling ("
                    + p.setting() + ")", p.targetRate(), ceilings.trident(BenchReport.batchSetting(p.setting())))));
        }
        // per batch setting, latency is judged at the highest rate sustained from a start without backlog
        points.stream().filter(p -> p.mode().equals(Mode.TRIDENT.id())).map(BenchPoint::setting).distinct()
                .forEach(setting -> highest(points, p -> p.mode().equals(Mode.TRIDENT.id()) && p.setting().equals(setting)
                        && p.sustained() && p.steady()).ifPresent(p -> md.add(batchLatency(p))));
        return md;
    }

    /**
     * The peers issue's goals: core's end-to-end p99 at 10k/s below every peer's, and Trident sustaining at least
     * Kafka Streams' rate. Judged only when the run measured a peer; each judgement is followed by what the flight
     * recordings of the points compared saw, which is the evidence for a miss.
     */
    static List<String> peerGoals(List<BenchPoint> points, Duration window, int cores) {
        List<String> peers = points.stream().map(BenchPoint::mode)
                .filter(m -> !m.equals(Mode.CORE.id()) && !m.equals(Mode.TRIDENT.id())).distinct().toList();
        if (peers.isEmpty()) {
            return List.of();
        }
        List<String> md = new ArrayList<>(List.of("", "## Goals against the peers", "",
                "| goal | measured | met |", "|---|---|---|"));
        List<BenchPoint> evidence = new ArrayList<>();
        Optional<BenchPoint> core = steady10k(points, Mode.CORE.id(), coreBase(points));
        List<BenchPoint> peer10k = peers.stream().map(m -> steady10k(points, m, null)).flatMap(Optional::stream)
                .toList();
        if (core.isPresent() && !peer10k.isEmpty()) {
            long best = peer10k.stream().mapToLong(p -> p.endToEnd().p99()).min().orElseThrow();
            StringBuilder measured = new StringBuilder(String.format(Locale.ROOT, "core %,d µs",
                    core.get().endToEnd().p99()));
            peer10k.forEach(p -> measured.append(String.format(Locale.ROOT, "; %s %,d µs", p.mode(),
                    p.endToEnd().p99())));
            md.add(line("core's end-to-end p99 at 10k/s below every peer's", measured.toString(),
                    core.get().endToEnd().p99() < best, core.get().endToEnd().p99() / (double) Math.max(1, best)));
            evidence.add(core.get());
            evidence.addAll(peer10k);
        }
        Optional<BenchPoint> trident = sustained(points, Mode.TRIDENT.id());
        Optional<BenchPoint> kstreams = sustained(points, PeerEngine.KSTREAMS.id());
        if (trident.isPresent() && kstreams.isPresent()) {
            long t = trident.get().targetRate();
            long k = kstreams.get().targetRate();
            md.add(line("Trident sustains at least Kafka Streams' rate", String.format(Locale.ROOT,
                    "trident %,d/s (%s)%s; kstreams %,d/s%s", t, trident.get().setting(), draining(trident.get()), k,
                    draining(kstreams.get())), t >= k, k / (double) t));
            evidence.add(trident.get());
            evidence.add(kstreams.get());
        }
        if (!evidence.isEmpty()) {
            md.add("");
            md.add("What the flight recordings of the points compared saw (CPU per record decides both latency and"
                    + " throughput on a machine this size):");
            md.add("");
            evidence.stream().distinct().forEach(p -> md.add(String.format(Locale.ROOT, "- %s (%s) at %,d/s: %s; %s",
                    p.mode(), p.setting(), p.targetRate(), p.profile().cpuPerRecord(window, p.finished(), cores),
                    p.profile().describe(window))));
        }
        return md;
    }

    /** Says so when a sustained point worked through a start-up backlog: the rule held, but not from a steady start. */
    private static String draining(BenchPoint p) {
        return p.steady() ? "" : String.format(Locale.ROOT, ", draining %,d records waiting", p.lagStart());
    }

    /** The core setting the targets and goals judge: one worker, the first setting of core's sweeps. */
    private static String coreBase(List<BenchPoint> points) {
        return points.stream().filter(p -> p.mode().equals(Mode.CORE.id())).map(BenchPoint::setting).findFirst()
                .orElse("");
    }

    /** The steady 10k/s point of an engine's sweep ({@code setting} null: its first such point). */
    private static Optional<BenchPoint> steady10k(List<BenchPoint> points, String engine, String setting) {
        return points.stream().filter(p -> p.mode().equals(engine) && (setting == null || p.setting().equals(setting))
                && p.targetRate() == 10_000 && p.steady()).findFirst();
    }

    private static Optional<BenchPoint> sustained(List<BenchPoint> points, String mode) {
        return highest(points, p -> p.mode().equals(mode) && p.sustained());
    }

    /** The point of the highest offered rate among those that match. */
    static Optional<BenchPoint> highest(List<BenchPoint> points, Predicate<BenchPoint> which) {
        return points.stream().filter(which).max(Comparator.comparingLong(BenchPoint::targetRate));
    }

    private static String batchLatency(BenchPoint p) {
        long intervalUs = Long.parseLong(p.setting().substring(0, p.setting().indexOf("ms"))) * 1000;
        return line("Trident p99 end-to-end ≤ 2 × batch interval (" + p.setting() + ", " + p.targetRate() + "/s)",
                p.endToEnd().p99() + " µs", p.endToEnd().p99() <= 2 * intervalUs,
                p.endToEnd().p99() / (2.0 * intervalUs));
    }

    private static String fraction(String target, long sustained, double ceiling) {
        double f = ceiling > 0 ? sustained / ceiling : 0;
        return line(target, String.format(Locale.ROOT, "%,d of %,.0f/s = %.0f %%", sustained, ceiling, 100 * f),
                f >= 0.7, 0.7 / Math.max(f, 1e-9));
    }

    /** {@code ratio}: measured over allowed (for a maximum) or needed over measured (for a minimum); > 1 is a miss. */
    private static String line(String target, String measured, boolean met, double ratio) {
        return "| " + target + " | " + measured + " | " + (met ? "yes" : String.format(Locale.ROOT,
                "**no**: %.1f× off", ratio)) + " |";
    }
}
