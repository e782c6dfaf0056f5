package io.logriver.launcher.bench;

import io.logriver.config.LogriverConfig;
import io.logriver.topology.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report's table of every engine side by side: logriver's two modes and the peers, each with the guarantee it ran
 * with, where "applied" (the end of both latencies) is, its sustained rate, and its latencies and CPU per record at
 * 10k/s.
 */
final class EngineTable {
    private EngineTable() {
    }

    static List<String> of(BenchPlan plan, String configuredBackend, List<BenchPoint> points, int cores) {
        List<String> md = new ArrayList<>();
        md.add("");
        md.add("## Engines side by side");
        md.add("");
        md.add("| engine | setting | guarantee | applied when | sustained records/s | at 10k/s end-to-end p50 / p99 / p99.9"
                + " µs | at 10k/s CPU per record |");
        md.add("|---|---|---|---|---|---|---|");
        for (Mode mode : plan.modes()) {
            List<? extends BenchPlan.Setting> planned = plan.settings(mode, configuredBackend);
            for (String setting : settings(points, mode.id())) {
                md.add(row(plan, points, mode.id(), setting, setting,
                        guarantee(mode, backendOf(planned, setting, configuredBackend)),
                        mode == Mode.CORE ? "the aggregate bolt has added the record to its window"
                                : "the window closer commits the record's batch", cores));
            }
        }
        for (PeerEngine peer : plan.peers()) {
            for (String setting : settings(points, peer.id())) {
                md.add(row(plan, points, peer.id(), setting, peer.engine() + ", " + peer.where(), peer.guarantee(),
                        peer.applied(), cores));
            }
        }
        md.add("");
        md.add("Sustained: the highest rate of the sweep that met the rule above. A peer's CPU per record names the"
                + " engine's own JVM where it has one; its GC and busiest threads below are this JVM's (the generator).");
        return md;
    }

    /** What logriver's mode guarantees on a state backend (README: State and guarantees). */
    static String guarantee(Mode mode, String backend) {
        boolean durable = !backend.equals("memory");
        if (mode == Mode.CORE) {
            return durable ? "window state exactly once (stateful bolts, checkpointed to Redis every 200 ms); output"
                    + " at least once (a window record written again after a restore has the same content)"
                    : "at least once; the open windows are lost with a worker (state in memory)";
        }
        return durable ? "exactly once (Trident state in Redis, with every batch); a window record written again has"
                + " the same content" : "exactly once across replays; the state is lost with a worker (in memory)";
    }

    /** The backend of a setting: named in its label when it is not the configured one ({@code 1 worker, memory}). */
    static String backendOf(List<? extends BenchPlan.Setting> settings, String label, String configuredBackend) {
        return settings.stream().filter(s -> s.label().equals(label)).findFirst()
                .map(s -> String.valueOf(s.overrides().getOrDefault(LogriverConfig.STATE_BACKEND, configuredBackend)))
                .orElse(configuredBackend);
    }

    private static List<String> settings(List<BenchPoint> points, String engine) {
        return points.stream().filter(p -> p.mode().equals(engine)).map(BenchPoint::setting).distinct().toList();
    }

    /** One sweep's row: {@code setting} as the points name it, {@code shown} as the table does. */
    private static String row(BenchPlan plan, List<BenchPoint> points, String engine, String setting, String shown,
                              String guarantee, String applied, int cores) {
        List<BenchPoint> sweep = points.stream().filter(p -> p.mode().equals(engine) && p.setting().equals(setting))
                .toList();
        String sustained = BenchTargets.highest(sweep, BenchPoint::sustained)
                .map(p -> String.format(Locale.ROOT, "%,d", p.targetRate())).orElse("none");
        Optional<BenchPoint> at10k = sweep.stream().filter(p -> p.targetRate() == 10_000).findFirst();
        String latency = at10k.map(p -> String.format(Locale.ROOT, "%,d / %,d / %,d%s", p.endToEnd().p50(),
                p.endToEnd().p99(), p.endToEnd().p999(), p.sustained() && p.steady() ? "" : " (not steady)"))
                .orElse("no point");
        String cpu = at10k.map(p -> p.profile().cpuPerRecord(plan.measure(), p.finished(), cores)
                .replaceFirst("^CPU per record: ", "")).orElse("no point");
        return "| " + engine + " | " + shown + " | " + guarantee + " | " + applied + " | " + sustained + " | "
                + latency + " | " + cpu + " |";
    }
}
