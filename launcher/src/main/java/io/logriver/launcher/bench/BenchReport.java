package io.logriver.launcher.bench;

import io.logriver.config.LogriverConfig;
import io.logriver.topology.Mode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The benchmark's report: a Markdown page, a CSV of every point, and a chart. */
final class BenchReport {
    record Files(Path markdown, Path csv, Path chart) {
    }

    private final LogriverConfig config;
    private final BenchPlan plan;
    private final Ceilings.Rates ceilings;
    private final List<BenchPoint> points;
    private final Exception failure;

    BenchReport(LogriverConfig config, BenchPlan plan, Ceilings.Rates ceilings, List<BenchPoint> points, Exception failure) {
        this.config = config;
        this.plan = plan;
        this.ceilings = ceilings;
        this.points = points;
        this.failure = failure;
    }

    Files write(Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        String base = LocalDate.now() + "-" + host();
        Files f = new Files(dir.resolve(base + ".md"), dir.resolve(base + ".csv"), dir.resolve(base + ".png"));
        java.nio.file.Files.writeString(f.csv(), csv(), StandardCharsets.UTF_8);
        BenchChart.write(points, f.chart());
        java.nio.file.Files.writeString(f.markdown(), markdown(f.chart().getFileName().toString()), StandardCharsets.UTF_8);
        return f;
    }

    static String host() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                h = "localhost";
            }
        }
        return h.replaceAll("[^A-Za-z0-9.-]", "_");
    }

    String csv() {
        StringBuilder b = new StringBuilder("mode,setting,target_rate,offered,achieved,lag_start,lag_end,behind_ms,sustained,"
                + "in_p50_us,in_p90_us,in_p99_us,in_p999_us,in_max_us,e2e_p50_us,e2e_p90_us,e2e_p99_us,e2e_p999_us,e2e_max_us\n");
        for (BenchPoint p : points) {
            BenchPoint.Percentiles i = p.inTopology();
            BenchPoint.Percentiles e = p.endToEnd();
            b.append(String.format(Locale.ROOT, "%s,%s,%d,%.0f,%.0f,%d,%d,%d,%s,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d%n",
                    p.mode(), csvField(p.setting()), p.targetRate(), p.offered(), p.achieved(), p.lagStart(), p.lagEnd(),
                    p.behindMs(), p.sustained(), i.p50(), i.p90(), i.p99(), i.p999(), i.max(), e.p50(), e.p90(), e.p99(),
                    e.p999(), e.max()));
        }
        return b.toString();
    }

    /** A setting as one CSV field: quoted when it holds a comma ({@code 1 worker, memory}). */
    static String csvField(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    String markdown(String chart) {
        List<String> md = new ArrayList<>();
        String now = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
        md.add("# logriver benchmark, " + now + ", " + host());
        md.add("");
        md.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + memoryGiB() + " GiB, Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "). Kafka broker, "
                + "local Storm cluster and generator share it. Each point: " + plan.warmUp().toSeconds() + " s warm-up, "
                + plan.measure().toSeconds() + " s measured; open-loop generator (records due on a schedule, "
                + "stamped with their due time); latencies per record in HdrHistograms, µs."
                + (plan.peers().isEmpty() ? "" : " The peers run after the local cluster has stopped, on the same"
                + " broker and generator: " + String.join("; ", plan.peers().stream()
                .map(p -> p.engine() + " " + p.where()).toList()) + "."));
        if (failure != null) {
            md.add("");
            md.add("**Stopped early:** " + failure + ". The figures below are what was measured before.");
        }
        md.add("");
        md.add("![latency against throughput](" + chart + ")");
        if (!plan.modes().isEmpty()) {
            md.addAll(configuration());
        }
        md.addAll(ceilingsTable());
        int cores = Runtime.getRuntime().availableProcessors();
        md.addAll(EngineTable.of(plan, config.state().backend(), points, cores));
        for (Mode mode : plan.modes()) {
            md.addAll(table(mode.id(), mode));
        }
        for (PeerEngine peer : plan.peers()) {
            md.addAll(table(peer.id(), null));
        }
        if (!plan.modes().isEmpty()) {
            md.addAll(BenchTargets.check(points, ceilings));
            md.addAll(BenchTargets.peerGoals(points, plan.measure(), cores));
        }
        md.add("");
        return String.join("\n", md);
    }

    private List<String> configuration() {
        List<String> md = new ArrayList<>();
        md.add("");
        md.add("## Configuration");
        md.add("");
        md.add("| setting | core | trident |");
        md.add("|---|---|---|");
        Map<String, Object> core = config.stormFor(Mode.CORE.id());
        Map<String, Object> trident = config.stormFor(Mode.TRIDENT.id());
        // the common settings, and every one the mode profiles set differently
        Set<String> keys = new TreeSet<>(List.of("topology.workers", "topology.message.timeout.secs"));
        Stream.concat(core.keySet().stream(), trident.keySet().stream())
                .filter(k -> k.startsWith("topology.") && !Objects.equals(core.get(k), trident.get(k)))
                .forEach(keys::add);
        for (String k : keys) {
            md.add("| `" + k + "` | " + core.getOrDefault(k, "Storm's default") + " | "
                    + trident.getOrDefault(k, "Storm's default") + " |");
        }
        md.add("| partitions of the request topic | " + config.topics().partitions() + " | " + config.topics().partitions() + " |");
        md.add("| parallelism | " + config.parallelism() + " | " + config.trident().parallelism() + " per stage |");
        md.add("| workers (one JVM: tuples between workers serialized, handed over in memory) | " + plan.coreSettings()
                .stream().map(s -> Integer.toString(s.workers())).collect(java.util.stream.Collectors.joining(", "))
                + " | 1 |");
        md.add("| `logriver.trident.max.poll.records` | - | " + config.trident().maxPollRecords() + " (each batch setting below overrides it) |");
        md.add("| `logriver.trident.fetch.wait.ms` | - | " + config.trident().fetchWaitMs() + " |");
        for (BenchPlan.Variant v : plan.variants()) {
            md.add("| variant `" + v.name() + "` (`--variants`) | " + (v.overrides().isEmpty() ? "the configuration as it is"
                    : v.overrides().toString()) + " | the same |");
        }
        if (plan.rounds() > 1) {
            md.add("| rounds (`--rounds`; every second round in reverse order) | " + plan.rounds() + " | "
                    + plan.rounds() + " |");
        }
        return md;
    }

    private List<String> ceilingsTable() {
        List<String> md = new ArrayList<>();
        if (ceilings == null) {
            return md;
        }
        md.add("");
        md.add(String.format(Locale.ROOT, "## Ceilings (%,d pre-loaded records, rate between 10 %% and 90 %% of them)", ceilings.records()));
        md.add("");
        md.add("| reader | records/s |");
        md.add("|---|---|");
        md.add(String.format(Locale.ROOT, "| KafkaConsumer | %,.0f |", ceilings.consumer()));
        md.add(String.format(Locale.ROOT, "| KafkaSpout -> null bolt (acked) | %,.0f |", ceilings.spoutToNullBolt()));
        ceilings.tridentToNull().forEach((setting, rate) -> md.add(String.format(Locale.ROOT,
                "| Trident opaque spout -> null, batches %s | %,.0f |", setting, rate)));
        ceilings.bestTrident().ifPresent(best -> md.add(String.format(Locale.ROOT,
                "%nThe best Trident batch setting of this grid: %s, %,.0f records/s (INTERVALms/RECORDS per partition"
                        + " and batch, xBATCHES in flight).", best.getKey(), best.getValue())));
        return md;
    }

    /** The points of one engine: a Storm {@code mode}, or a peer (mode null). */
    private List<String> table(String engine, Mode mode) {
        List<String> md = new ArrayList<>();
        md.add("");
        md.add("## " + engine);
        md.add("");
        md.add("| setting | offered/s | sent/s | achieved/s | lag start -> end | behind ms | sustained | in-topology p50 / p90 / p99 / p99.9 / max µs | end-to-end p50 / p90 / p99 / p99.9 / max µs |");
        md.add("|---|---|---|---|---|---|---|---|---|");
        List<BenchPoint> rows = points.stream().filter(p -> p.mode().equals(engine)).toList();
        List<String> settings = rows.stream().map(BenchPoint::setting).distinct().toList();
        Comparator<BenchPoint> bySettingAndRate = Comparator.comparingInt((BenchPoint p) -> settings.indexOf(p.setting()))
                .thenComparingLong(BenchPoint::targetRate);
        for (BenchPoint p : rows.stream().sorted(bySettingAndRate).toList()) {
            md.add(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %,.0f | %,d -> %,d | %d | %s | %s | %s |", p.setting(),
                    p.targetRate(), p.offered(), p.achieved(), p.lagStart(), p.lagEnd(), p.behindMs(),
                    p.sustained() ? (p.steady() ? "yes" : "yes*") : "no", row(p.inTopology()), row(p.endToEnd())));
        }
        if (rows.stream().anyMatch(p -> p.sustained() && !p.steady())) {
            md.add("");
            md.add("\\* sustained while draining more than a second of records left from its start: its latencies are"
                    + " those of the backlog, not of the steady state.");
        }
        md.add("");
        for (String setting : settings) {
            md.add(sustainedLine(rows.stream().filter(p -> p.setting().equals(setting)).toList()));
        }
        if (mode != null && plan.variants().isEmpty() && plan.rounds() == 1) {
            md.addAll(againstFirst(mode, rows, settings));
        } else if (mode != null) {
            md.addAll(VariantTable.of(rows, plan.measure(), Runtime.getRuntime().availableProcessors()));
        }
        md.add("");
        md.add("What a flight recording of each measurement window saw (recordings in `work/bench-profiles`, for JDK"
                + " Mission Control):");
        md.add("");
        for (BenchPoint p : rows.stream().sorted(bySettingAndRate).toList()) {
            md.add(String.format(Locale.ROOT, "- %s %s at %,d/s: %s%s; %s", engine, p.setting(), p.targetRate(),
                    p.profile().cpuPerRecord(plan.measure(), p.finished(), Runtime.getRuntime().availableProcessors()),
                    joinWaits(p), p.profile().describe(plan.measure())));
        }
        return md;
    }

    /**
     * What each setting costs against the first (core: more workers, whose difference is the serialization of tuples
     * between workers; either mode: another state backend): latency at 10k/s and the sustained rate. Trident's batch
     * settings are compared only across backends (same batch setting).
     */
    static List<String> againstFirst(Mode mode, List<BenchPoint> rows, List<String> settings) {
        List<String> md = new ArrayList<>();
        if (settings.size() < 2) {
            return md;
        }
        for (String other : settings.subList(1, settings.size())) {
            String base = mode == Mode.CORE ? settings.get(0)
                    : settings.stream().filter(s -> batchSetting(s).equals(batchSetting(other))).findFirst().orElseThrow();
            if (base.equals(other)) {
                continue;
            }
            Optional<BenchPoint> baseAt10k = at10k(rows, base);
            Optional<BenchPoint> otherAt10k = at10k(rows, other);
            String latency = baseAt10k.isPresent() && otherAt10k.isPresent() ? String.format(Locale.ROOT,
                    "at 10k/s in-topology p50 %,d µs against %,d, p99 %,d against %,d, p99.9 %,d against %,d; "
                            + "end-to-end p99 %,d µs against %,d",
                    otherAt10k.get().inTopology().p50(), baseAt10k.get().inTopology().p50(),
                    otherAt10k.get().inTopology().p99(), baseAt10k.get().inTopology().p99(),
                    otherAt10k.get().inTopology().p999(), baseAt10k.get().inTopology().p999(),
                    otherAt10k.get().endToEnd().p99(), baseAt10k.get().endToEnd().p99())
                    : "no 10k/s point of both";
            md.add(String.format(Locale.ROOT, "%s %s against %s: %s; sustained %,d against %,d records/s.  ",
                    mode.id(), other, base, latency, sustainedRate(rows, other), sustainedRate(rows, base)));
        }
        return md;
    }

    /** A Trident setting's batch part: its label up to the backend's name. */
    static String batchSetting(String label) {
        int comma = label.indexOf(',');
        return comma < 0 ? label : label.substring(0, comma);
    }

    private static Optional<BenchPoint> at10k(List<BenchPoint> rows, String setting) {
        return rows.stream().filter(p -> p.setting().equals(setting) && p.targetRate() == 10_000).findFirst();
    }

    private static long sustainedRate(List<BenchPoint> rows, String setting) {
        return BenchTargets.highest(rows, p -> p.setting().equals(setting) && p.sustained())
                .map(BenchPoint::targetRate).orElse(0L);
    }

    /** The highest sustained rate of one setting's sweep, and the lowest rate above it that was not sustained. */
    static String sustainedLine(List<BenchPoint> sweep) {
        Optional<BenchPoint> best = BenchTargets.highest(sweep, BenchPoint::sustained);
        long bestRate = best.map(BenchPoint::targetRate).orElse(0L);
        Optional<BenchPoint> above = sweep.stream().filter(p -> !p.sustained() && p.targetRate() > bestRate)
                .min(Comparator.comparingLong(BenchPoint::targetRate));
        String setting = sweep.isEmpty() ? "" : " (" + sweep.get(0).setting() + ")";
        String sustained = best.map(p -> String.format(Locale.ROOT, "%,d records/s", p.targetRate()))
                .orElse("none of the rates");
        return "Sustained throughput" + setting + ": " + sustained + above.map(p -> String.format(Locale.ROOT,
                "; %,d/s was not (%,.0f/s achieved), so the limit lies between the two.", p.targetRate(), p.achieved()))
                .orElse(best.isPresent() ? "; the highest rate measured, so the limit may lie higher." : ".") + "  ";
    }

    /** The requests of a point that waited for their session, and how long (not in their latencies). */
    static String joinWaits(BenchPoint p) {
        BenchPoint.Percentiles w = p.joinWaits();
        return w.count() == 0 ? "" : String.format(Locale.ROOT, "; %,d requests waited for their session (not in"
                + " the latencies above), p50 / p99 / max %,d / %,d / %,d µs", w.count(), w.p50(), w.p99(), w.max());
    }

    private static String row(BenchPoint.Percentiles p) {
        return String.format(Locale.ROOT, "%,d / %,d / %,d / %,d / %,d", p.p50(), p.p90(), p.p99(), p.p999(), p.max());
    }

    private static long memoryGiB() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return 0;
    }
}
