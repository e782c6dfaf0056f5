package io.logriver.launcher.metrics;

import io.logriver.names.Names;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** logriver's own metrics, as the workers' CSV reporter last wrote them: the accounting line and every metric. */
public final class LogriverMetrics {
    private LogriverMetrics() {
    }

    public static List<String> lines(CsvMetrics m) {
        List<String> out = new ArrayList<>();
        Accounting a = Accounting.of(m::total);
        out.add(String.format("logriver (reported %s): read %,d = aggregated %,d + filtered %,d + invalid %,d + late %,d%s",
                Instant.ofEpochSecond(m.latestReport()), a.read(), a.aggregated(), a.filtered(), a.invalid(), a.late(),
                a.inFlight() == 0 ? "" : " (+" + a.inFlight() + " in flight)"));
        out.add(String.format("  join misses %,d (waiting %,d) | sessions %,d | windows %,d (open %,d) | sink errors %,d",
                m.total(Names.M_JOIN_MISSES), m.total(Names.M_JOIN_WAITING), m.total(Names.M_SESSIONS),
                m.total(Names.M_WINDOWS), m.total(Names.M_OPEN_WINDOW_KEYS), m.total(Names.M_SINK_ERRORS)));
        out.add(String.format("  latency (spout to window) us: p50 %,.0f  p95 %,.0f  p99 %,.0f  max %,.0f",
                m.max(Names.AGGREGATE, Names.M_LATENCY_US, "p50"), m.max(Names.AGGREGATE, Names.M_LATENCY_US, "p95"),
                m.max(Names.AGGREGATE, Names.M_LATENCY_US, "p99"), m.max(Names.AGGREGATE, Names.M_LATENCY_US, "max")));
        m.byComponent().forEach((component, metrics) -> metrics.forEach((metric, columns) ->
                out.add(String.format("  %-22s %-32s %s", component, metric, columns(columns)))));
        return out;
    }

    private static String columns(Map<String, Double> columns) {
        StringBuilder sb = new StringBuilder();
        columns.forEach((k, v) -> {
            if (!k.equals("mean_rate") && !k.endsWith("_rate") && !k.equals("rate_unit") && !k.equals("duration_unit")) {
                sb.append(k).append(' ').append(String.format("%,.0f", v)).append("  ");
            }
        });
        return sb.toString().trim();
    }
}
