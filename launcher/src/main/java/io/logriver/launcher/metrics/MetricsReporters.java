package io.logriver.launcher.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Storm metrics v2 reporters ({@code topology.metrics.reporters}) logriver adds to the configured ones: JMX for
 * runs in this JVM (the live view and file mode read it), CSV for topologies on a cluster ({@code stats} reads it).
 */
public final class MetricsReporters {
    public static final String KEY = "topology.metrics.reporters";
    static final String JMX = "org.apache.storm.metrics2.reporters.JmxStormReporter";
    static final String CSV = "org.apache.storm.metrics2.reporters.CsvStormReporter";
    static final String CONSOLE = "org.apache.storm.metrics2.reporters.ConsoleStormReporter";
    /** Only logriver's own metrics go to CSV: Nimbus already has Storm's figures. */
    static final String LOGRIVER_METRICS = ".*-logriver\\..*";

    private MetricsReporters() {
    }

    /** The configured reporters and JMX, without the console one: standard output is the live view's. */
    public static List<Map<String, Object>> forLocalRun(Map<String, Object> storm) {
        List<Map<String, Object>> out = new ArrayList<>(configured(storm));
        out.removeIf(r -> CONSOLE.equals(r.get("class")));
        if (out.stream().noneMatch(r -> JMX.equals(r.get("class")))) {
            out.add(reporter(JMX, null));
        }
        return out;
    }

    /** The configured reporters and CSV, in the workers' {@code storm.local.dir/csvmetrics}. */
    public static List<Map<String, Object>> withCsv(Map<String, Object> storm) {
        List<Map<String, Object>> out = new ArrayList<>(configured(storm));
        if (out.stream().noneMatch(r -> CSV.equals(r.get("class")))) {
            out.add(reporter(CSV, Map.of("class", "org.apache.storm.metrics2.filters.RegexFilter",
                    "expression", LOGRIVER_METRICS)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> configured(Map<String, Object> storm) {
        Object v = storm.get(KEY);
        List<Map<String, Object>> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }

    private static Map<String, Object> reporter(String className, Map<String, Object> filter) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("class", className);
        r.put("report.period", 10);
        r.put("report.period.units", "SECONDS");
        if (filter != null) {
            r.put("filter", filter);
        }
        return r;
    }
}
