package io.logriver.launcher.bench.report;

import io.logriver.config.LogriverConfig;
import io.logriver.config.ModeProfile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The benchmark's report: a Markdown page (headline first), a CSV of every point, and a chart. */
public final class BenchReport {
    public record Files(Path markdown, Path csv, Path chart) {
    }

    /**
     * How the run measured: its command, the options of every engine's and the generator's JVM, the JIT warm-up of
     * each sweep, each point's warm-up, the longest it may take to work off its start-up backlog, its window, the
     * rounds, and the variants of the configuration.
     */
    public record Method(String command, List<String> jvmOptions, Duration jitWarmUp, Duration warmUp,
                         Duration drainLimit, Duration measure, int rounds, List<String> variants) {
    }

    private final LogriverConfig config;
    private final Method method;
    private final List<EngineInfo> engines;
    private final List<Ceiling> ceilings;
    private final List<BenchPoint> points;
    private final List<String> failures;

    public BenchReport(LogriverConfig config, Method method, List<EngineInfo> engines, List<Ceiling> ceilings,
                       List<BenchPoint> points, List<String> failures) {
        this.config = config;
        this.method = method;
        this.engines = engines;
        this.ceilings = ceilings;
        this.points = points;
        this.failures = failures;
    }

    public Files write(Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        String base = LocalDate.now() + "-" + host();
        Files f = new Files(dir.resolve(base + ".md"), dir.resolve(base + ".csv"), dir.resolve(base + ".png"));
        java.nio.file.Files.writeString(f.csv(), BenchCsv.write(points), StandardCharsets.UTF_8);
        BenchChart.write(points, f.chart());
        java.nio.file.Files.writeString(f.markdown(), markdown(f.chart().getFileName().toString()),
                StandardCharsets.UTF_8);
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

    String markdown(String chart) {
        List<String> md = new ArrayList<>();
        String now = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
        md.add("# logriver benchmark, " + now + ", " + host());
        md.add("");
        md.add("`" + method.command() + "`");
        md.add("");
        md.add(machine());
        md.add("");
        md.add(rules());
        if (!failures.isEmpty()) {
            md.add("");
            md.add("**Not everything ran:**");
            md.add("");
            failures.forEach(f -> md.add("- " + f));
        }
        List<Headline.Row> rows = Headline.rows(points);
        md.add("");
        md.add("## Headline");
        md.add("");
        md.add("Medians over the rounds (min to max in brackets) of each round's figure: the best steady rate is the"
                + " highest rate the round's sweep sustained; latencies and CPU at 10k/s are those of the round's"
                + " sustained 10k/s point. CPU per record is µs of one core per request finished: the engine's own"
                + " JVM, its Storm executor threads (from its flight recording), and every process of the machine"
                + " (broker, Redis and generator included).");
        md.add("");
        md.addAll(Headline.table(rows));
        md.addAll(BenchTargets.check(rows));
        md.add("");
        md.add("![latency against throughput](" + chart + ")");
        md.addAll(enginesTable());
        md.addAll(ceilingsTable());
        if (points.stream().anyMatch(p -> p.mode().equals("core") || p.mode().equals("trident"))) {
            md.addAll(configuration());
        }
        for (String mode : points.stream().map(BenchPoint::mode).distinct().toList()) {
            md.addAll(pointsTable(mode));
        }
        md.add("");
        return String.join("\n", md);
    }

    private String machine() {
        int cores = Runtime.getRuntime().availableProcessors();
        return "Machine: " + cores + " cores, " + memoryGiB() + " GiB, Java " + System.getProperty("java.version")
                + ". Every engine runs in a JVM of its own (logriver's modes in a local Storm cluster there), started"
                + " for its sweep; the generator runs in a JVM of its own, started for each point; both with `"
                + String.join(" ", method.jvmOptions()) + "`. The Kafka broker (its own JVM) and Redis share the"
                + " machine. Rounds: " + method.rounds() + ", every second one in reverse order"
                + (method.variants().isEmpty() ? "" : "; variants: " + String.join("; ", method.variants())) + ".";
    }

    private String rules() {
        return "Each sweep first runs " + method.jitWarmUp().toSeconds() + " s unmeasured (the JIT). Each point: the"
                + " open-loop generator sends at the rate asked (records due on a schedule, stamped with their due"
                + " time); once a record reaches a window, " + method.warmUp().toSeconds() + " s warm-up, then up to "
                + method.drainLimit().toSeconds() + " s for the engine to work its backlog down to 100 ms of records,"
                + " then " + method.measure().toSeconds() + " s measured. Verdicts, from the CSV's columns alone:"
                + " **generator-bound** (invalid: the generator sent under 98 % of the rate or fell more than "
                + Verdict.MAX_BEHIND_MS + " ms behind), **not steady** (the window began with more than a second of"
                + " records waiting: its rate is a drain rate, its latencies the backlog's), **yes** (steady, at least"
                + " 98 % of the rate finished, lag grown by at most 2 % of what was sent), **no**. Only **yes** is a"
                + " sustained rate or a latency figure. A sweep goes up the rates to the first that is not sustained,"
                + " then bisects below it; a generator-bound point ends it.";
    }

    private List<String> enginesTable() {
        List<String> md = new ArrayList<>(List.of("", "## Engines and their guarantees", "",
                "| engine | class | setting | where | guarantee | applied (the end of both latencies) when |",
                "|---|---|---|---|---|---|"));
        engines.forEach(e -> md.add("| " + e.mode() + " | " + e.state() + " | " + e.setting() + " | " + e.where()
                + " | " + e.guarantee() + " | " + e.applied() + " |"));
        return md;
    }

    private List<String> ceilingsTable() {
        List<String> md = new ArrayList<>();
        if (ceilings.isEmpty()) {
            return md;
        }
        md.addAll(List.of("", "## Ceilings", "",
                "Nothing else running: the generator alone into the broker, and on a pre-loaded topic, readers that do"
                        + " nothing with what they read (between 10 % and 90 % of the records).", "",
                "| reader | records/s | CPU per record, its JVM µs |", "|---|---|---|"));
        ceilings.forEach(c -> md.add(String.format(Locale.ROOT, "| %s | %,.0f | %.1f |", c.what(), c.rate(),
                c.cpuMicrosPerRecord())));
        return md;
    }

    private List<String> configuration() {
        List<String> md = new ArrayList<>(List.of("", "## Storm configuration", "", "| setting | core | trident |",
                "|---|---|---|"));
        Map<String, Object> core = config.stormFor(ModeProfile.CORE);
        Map<String, Object> trident = config.stormFor(ModeProfile.TRIDENT);
        Set<String> keys = new TreeSet<>(List.of("topology.workers", "topology.message.timeout.secs"));
        Stream.concat(core.keySet().stream(), trident.keySet().stream())
                .filter(k -> k.startsWith("topology.") && !Objects.equals(core.get(k), trident.get(k)))
                .forEach(keys::add);
        for (String k : keys) {
            md.add("| `" + k + "` | " + core.getOrDefault(k, "Storm's default") + " | "
                    + trident.getOrDefault(k, "Storm's default") + " |");
        }
        md.add("| partitions of the request topic | " + config.topics().partitions() + " | "
                + config.topics().partitions() + " |");
        md.add("| parallelism | " + config.parallelism() + " | " + config.trident().parallelism() + " per stage |");
        md.add("| `logriver.trident.fetch.wait.ms` | - | " + config.trident().fetchWaitMs() + " |");
        return md;
    }

    /** Every point of one engine, and what the flight recording of each window saw. */
    private List<String> pointsTable(String mode) {
        List<String> md = new ArrayList<>(List.of("", "## " + mode, "",
                "| class | setting | round | rate/s | sent/s | achieved/s | lag start -> end | behind ms | verdict"
                        + " | in-topology p50 / p90 / p99 / p99.9 / max µs | end-to-end p50 / p90 / p99 / p99.9 / max µs"
                        + " | CPU per record, engine / executors / generator / machine µs |",
                "|---|---|---|---|---|---|---|---|---|---|---|---|"));
        List<BenchPoint> rows = points.stream().filter(p -> p.mode().equals(mode))
                .sorted(Comparator.comparing(BenchPoint::state).thenComparing(BenchPoint::setting)
                        .thenComparingInt(BenchPoint::round).thenComparingLong(BenchPoint::targetRate)).toList();
        for (BenchPoint p : rows) {
            md.add(String.format(Locale.ROOT, "| %s | %s | %d | %,d | %,.0f | %,.0f | %,d -> %,d | %d | %s | %s | %s |"
                            + " %.1f / %.1f / %.1f / %.1f |", p.state(), p.setting(), p.round(), p.targetRate(),
                    p.offered(), p.achieved(), p.lagStart(), p.lagEnd(), p.behindMs(), p.verdict().text(),
                    row(p.inTopology()), row(p.endToEnd()), p.cpu().engine(), p.cpu().executors(),
                    p.cpu().generator(), p.cpu().machine()));
        }
        if (rows.stream().map(BenchPoint::setting).distinct().count() > 1
                || rows.stream().map(BenchPoint::round).distinct().count() > 1) {
            md.addAll(VariantTable.of(rows));
        }
        md.add("");
        md.add("What a flight recording of the engine's JVM saw in each window (in `work/bench-profiles`, for JDK"
                + " Mission Control):");
        md.add("");
        for (BenchPoint p : rows) {
            md.add(String.format(Locale.ROOT, "- %s %s #%d at %,d/s: %s%s", p.state(), p.setting(), p.round(),
                    p.targetRate(), p.profile().describe(), joinWaits(p)));
        }
        return md;
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
