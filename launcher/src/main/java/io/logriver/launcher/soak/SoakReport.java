package io.logriver.launcher.soak;

import io.logriver.launcher.soak.check.Durations;
import io.logriver.launcher.soak.check.WindowCheck;
import io.logriver.launcher.soak.fault.FaultEvent;
import io.logriver.launcher.soak.fault.Recovery;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The soak's report: {@code DATE-soak-HOST.md}, with the CSV of its samples and the chart beside it. */
final class SoakReport {
    private SoakReport() {
    }

    /** Writes the three files into {@code dir}; returns the markdown's path. */
    static Path write(SoakResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        String base = LocalDate.ofInstant(r.started(), ZoneOffset.UTC) + "-soak-" + host();
        Path md = dir.resolve(base + ".md");
        Path csv = dir.resolve(base + ".csv");
        Path png = dir.resolve(base + ".png");
        Path lag = dir.resolve(base + "-lag.csv");
        Files.write(csv, csv(r.samples()));
        Files.write(lag, lagCsv(r.lag()));
        SoakChart.write(r, png);
        Files.write(md, markdown(r, csv.getFileName().toString(), png.getFileName().toString(),
                lag.getFileName().toString()));
        return md;
    }

    static List<String> csv(List<Sample> samples) {
        List<String> out = new ArrayList<>();
        out.add("elapsed_s,mode,rate_per_s,lag_s,lag_max_s,e2e_p99_ms,live_heap_bytes,windows,redis_used_memory_bytes,"
                + "weblogs_bytes,stats_bytes,dlq_bytes,faults");
        for (Sample s : samples) {
            out.add(String.format(java.util.Locale.ROOT, "%d,%s,%.1f,%.1f,%.1f,%d,%d,%d,%d,%d,%d,%d,%d", s.elapsedS(),
                    s.mode(), s.ratePerS(), s.lagS(), s.lagMaxS(), s.e2eP99Ms(), s.heapBytes(), s.windows(),
                    s.redisBytes(), s.weblogsBytes(), s.statsBytes(), s.dlqBytes(), s.faults()));
        }
        return out;
    }

    /** Each mode's lag every second, what the recoveries are computed from. */
    static List<String> lagCsv(Map<String, List<Recovery.LagPoint>> lag) {
        List<String> out = new ArrayList<>();
        out.add("elapsed_ms,mode,lag_ms");
        lag.forEach((mode, points) -> points.forEach(p -> out.add(p.atMs() + "," + mode + "," + p.lagMs())));
        return out;
    }

    static List<String> markdown(SoakResult r, String csv, String png, String lag) {
        List<String> md = new ArrayList<>();
        List<String> failures = r.failures();
        md.add("# logriver soak, " + r.started() + ", " + host());
        md.add("");
        md.add("`bin/logriver soak`: " + r.options().describe() + "; load for " + Durations.text(r.loaded())
                + " on the dev cluster (one worker per topology, state in Redis), checked against a reference computed "
                + "independently from the requests Kafka took.");
        md.add("");
        md.add("**Verdict: " + (failures.isEmpty() ? "every closed window exact, nothing lost" : "FAILED") + ".**");
        failures.forEach(f -> md.add("- " + f));
        long[] c = r.counts();
        md.add("");
        md.add(String.format("Requests taken by Kafka: %,d (invalid %,d, filtered %,d, late %,d, aggregated %,d).",
                c[0], c[1], c[2], c[3], c[4]));
        md.add("");
        md.add("## Windows");
        md.add("");
        md.add("| mode | closed windows (reference) | equal | missing | different | not the reference's | requests lost "
                + "| counted twice | window records written | written again, same content | written again, other content |");
        md.add("|---|---|---|---|---|---|---|---|---|---|---|");
        for (WindowCheck w : r.checks()) {
            md.add(String.format("| %s | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d |", w.mode(),
                    w.expected(), w.equal(), w.missing(), w.different(), w.unexpected(), w.lostRecords(),
                    w.doubleCounted(), w.records(), Math.max(0, w.records() - w.equal() - w.different()
                            - w.unexpected() - w.rewrittenOther()), w.rewrittenOther()));
        }
        r.checks().stream().flatMap(w -> w.examples().stream().map(e -> w.mode() + ": " + e)).limit(5)
                .forEach(e -> md.add("- " + e));
        md.add("");
        md.add("## Faults and recovery");
        md.add("");
        md.add("Recovery: from the part being back (a killed worker: the kill) until the lag is back under one second of "
                + "records for 10 s in a row; measured each second, target " + RecoveryText.ms(SoakResult.RECOVERY_TARGET_MS) + ".");
        md.add("");
        List<String> modes = new ArrayList<>(r.recoveries().keySet());
        md.add("| # | at | fault | part away | " + String.join(" | ", modes.stream().map(m -> m + " recovery").toList())
                + " | what |");
        md.add("|---" .repeat(4 + modes.size() + 1) + "|");
        for (int i = 0; i < r.faults().size(); i++) {
            FaultEvent f = r.faults().get(i);
            List<String> rec = new ArrayList<>();
            for (String m : modes) {
                rec.add(RecoveryText.of(r.recoveries().get(m).get(i)));
            }
            md.add(String.format("| %d | %s | %s | %.1f s | %s | %s |", i + 1,
                    Durations.clock(Duration.ofMillis(f.startMs())), f.kind().id(), (f.endMs() - f.startMs()) / 1000.0,
                    String.join(" | ", rec), f.error() == null ? f.what() : "NOT INJECTED: " + f.error()));
        }
        md.add("");
        md.add("## Memory");
        md.add("");
        md.add("Growth between the second and the last " + Durations.text(r.growthWindow()) + " of the load (target "
                + "under " + Math.round(SoakResult.GROWTH_TARGET * 100) + " %); n/a when the load was shorter than "
                + "three such windows.");
        md.add("");
        md.add("| series | growth |");
        md.add("|---|---|");
        for (Map.Entry<String, Double> h : r.heapGrowth().entrySet()) {
            md.add("| " + h.getKey() + " worker live heap (after a full collection) | " + percent(h.getValue()) + " |");
        }
        md.add("| Redis used_memory | " + percent(r.redisGrowth()) + " |");
        md.add("");
        md.add("Over time, each fault marked: ![soak](" + png + "); every 10 s sample: [" + csv + "](" + csv + "); each "
                + "mode's lag every second, which the recoveries are computed from: [" + lag + "](" + lag + ").");
        return md;
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%+.1f %%", v * 100);
    }

    static String host() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h.contains(".") ? h.substring(0, h.indexOf('.')) : h;
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Recovery times as the report and the progress lines write them. */
    static final class RecoveryText {
        private RecoveryText() {
        }

        static String of(long ms) {
            return ms < 0 ? "not recovered" : ms(ms);
        }

        static String ms(long ms) {
            return String.format("%.0f s", ms / 1000.0);
        }
    }
}
