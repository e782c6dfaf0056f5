package io.logriver.launcher.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Storm metrics v2 as the CSV reporter writes them ({@code CsvStormReporter}: one file per metric and task, named
 * {@code storm.topology.ID.HOST.COMPONENT.TASK.PORT-METRIC.csv}, a line per report): the latest report of each task
 * of one topology, summed per component and metric (counters and gauges) or the largest per task (percentiles).
 */
public final class CsvMetrics {
    private static final Pattern NAME =
            Pattern.compile("storm\\.topology\\.(?<id>[^.]+)\\.(?<host>.+)\\.(?<component>[^.]+)\\.(?<task>-?\\d+)\\."
                    + "(?<port>\\d+)-(?<metric>.+)\\.csv");

    /** component -> metric -> column -> value (summed over tasks for count/value, the largest for the others). */
    private final Map<String, Map<String, Map<String, Double>>> values = new TreeMap<>();
    /** Three report periods of 10 s: a live worker has reported within that time. */
    static final long STALE_SECS = 30;
    private long latestReport;

    private CsvMetrics() {
    }

    /**
     * The latest report of each task of the topology's live workers. A file whose latest report is more than
     * {@link #STALE_SECS} older than the newest is of a worker that is gone (a rebalance or a crash restarts
     * workers, whose counters start again from zero): it is left out, so the figures are those of the current workers.
     */
    public static CsvMetrics read(Path dir, String topologyId) throws IOException {
        CsvMetrics m = new CsvMetrics();
        if (!Files.isDirectory(dir)) {
            return m;
        }
        record Report(String component, String metric, List<String> lines, long time) {
        }
        List<Report> reports = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Matcher n = NAME.matcher(f.getFileName().toString());
                List<String> lines = n.matches() && n.group("id").equals(topologyId) ? Files.readAllLines(f) : List.of();
                if (lines.size() >= 2) {
                    String last = lines.get(lines.size() - 1);
                    reports.add(new Report(n.group("component"), n.group("metric"), lines,
                            Long.parseLong(last.substring(0, last.indexOf(',')))));
                }
            }
        }
        long newest = reports.stream().mapToLong(Report::time).max().orElse(0);
        for (Report r : reports) {
            if (r.time() >= newest - STALE_SECS) {
                m.add(r.component(), r.metric(), r.lines());
            }
        }
        return m;
    }

    private void add(String component, String metric, List<String> lines) {
        String[] header = lines.get(0).split(",");
        String[] last = lines.get(lines.size() - 1).split(",");
        Map<String, Double> columns = values.computeIfAbsent(component, c -> new TreeMap<>())
                .computeIfAbsent(metric, k -> new TreeMap<>());
        for (int i = 1; i < Math.min(header.length, last.length); i++) {
            if (!last[i].matches("-?[0-9.]+(E-?\\d+)?")) {
                continue; // not a number (a gauge of another kind)
            }
            double v = Double.parseDouble(last[i]);
            boolean additive = header[i].equals("count") || header[i].equals("value");
            columns.merge(header[i], v, additive ? Double::sum : Math::max);
        }
        latestReport = Math.max(latestReport, Long.parseLong(last[0]));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Epoch seconds of the latest report read. */
    public long latestReport() {
        return latestReport;
    }

    /** A counter's or gauge's sum over the tasks of every component (or one). */
    public long total(String metric) {
        return Math.round(values.values().stream().map(m -> m.getOrDefault(metric, Map.of()))
                .mapToDouble(c -> c.getOrDefault("count", c.getOrDefault("value", 0.0))).sum());
    }

    /** A histogram column (such as {@code p99}), the largest over the tasks of a component. */
    double max(String component, String metric, String column) {
        return values.getOrDefault(component, Map.of()).getOrDefault(metric, Map.of()).getOrDefault(column, 0.0);
    }

    /** A histogram column, the largest over every component's tasks (0 when none reports the metric). */
    public double maxOverComponents(String metric, String column) {
        return values.values().stream().mapToDouble(m -> m.getOrDefault(metric, Map.of()).getOrDefault(column, 0.0))
                .max().orElse(0);
    }

    /** component -> metric -> column -> value. */
    Map<String, Map<String, Map<String, Double>>> byComponent() {
        return values;
    }
}
