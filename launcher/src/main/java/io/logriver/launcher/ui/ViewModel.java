package io.logriver.launcher.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.logriver.launcher.feed.WindowTable;
import io.logriver.launcher.metrics.Accounting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * logriver's own view of a topology, from its figures and the records it wrote: the accounting identity, latency
 * percentiles and join waits, the slowest URLs and each organisation's error rate in the latest windows written (the
 * last minute of 10-second windows), and the dead letters by reason. Plain Java: the sources are read elsewhere.
 */
public final class ViewModel {
    static final int EXAMPLE_CHARS = 80;
    /** The latest windows the slowest URLs and the error rates are taken from. */
    static final int LATEST_WINDOWS = 6;

    /** Percentiles of a latency histogram, in milliseconds, and how many values it holds. */
    public record Percentiles(long count, double p50, double p99, double p999) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", count);
            m.put("p50", round(p50));
            m.put("p99", round(p99));
            m.put("p999", round(p999));
            return m;
        }
    }

    private ViewModel() {
    }

    public static Map<String, Object> of(Accounting a, Percentiles latency, Percentiles joinWait,
                                         List<JsonNode> windows, List<JsonNode> deadLetters, List<String> notes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accounting", accounting(a));
        m.put("latencyMs", latency == null ? null : latency.toMap());
        m.put("joinWaitMs", joinWait == null ? null : joinWait.toMap());
        List<JsonNode> latest = latestWindows(windows, LATEST_WINDOWS);
        m.put("windows", latest.stream().map(n -> n.path("windowStart").asText()).distinct().sorted().toList());
        m.put("slowestUrls", latest.stream().sorted(WindowTable.BY_P99_DESCENDING).limit(WindowTable.SLOWEST)
                .map(ViewModel::url).toList());
        m.put("errorRates", errorRates(latest));
        m.put("deadLetters", deadLetters(deadLetters));
        m.put("notes", notes);
        return m;
    }

    static Map<String, Object> accounting(Accounting a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("read", a.read());
        m.put("aggregated", a.aggregated());
        m.put("filtered", a.filtered());
        m.put("invalid", a.invalid());
        m.put("late", a.late());
        m.put("balanced", a.inFlight() == 0);
        m.put("identity", String.format(Locale.ROOT, "%,d = %,d + %,d + %,d + %,d%s", a.read(), a.aggregated(),
                a.filtered(), a.invalid(), a.late(), a.inFlight() == 0 ? " ✓" : " (" + a.inFlight() + " in flight)"));
        return m;
    }

    /** The records of the latest {@code n} windows among {@code windows} (by their start). */
    static List<JsonNode> latestWindows(List<JsonNode> windows, int n) {
        TreeMap<String, List<JsonNode>> byStart = new TreeMap<>();
        windows.forEach(w -> byStart.computeIfAbsent(w.path("windowStart").asText(), k -> new ArrayList<>()).add(w));
        List<JsonNode> out = new ArrayList<>();
        byStart.descendingMap().values().stream().limit(n).forEach(out::addAll);
        return out;
    }

    private static Map<String, Object> url(JsonNode n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("windowStart", n.path("windowStart").asText());
        m.put("orgID", n.path("orgID").asText());
        m.put("webURL", n.path("webURL").asText());
        m.put("count", n.path("count").asLong());
        m.put("p99", n.path("p99").asLong());
        m.put("max", n.path("max").asLong());
        return m;
    }

    static List<Map<String, Object>> errorRates(List<JsonNode> window) {
        Map<String, long[]> byOrg = new TreeMap<>();
        window.forEach(n -> {
            long[] c = byOrg.computeIfAbsent(n.path("orgID").asText(), k -> new long[2]);
            c[0] += n.path("count").asLong();
            c[1] += n.path("errors").asLong();
        });
        List<Map<String, Object>> out = new ArrayList<>();
        byOrg.forEach((org, c) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("orgID", org);
            m.put("count", c[0]);
            m.put("errors", c[1]);
            m.put("rate", c[0] == 0 ? "0.00 %" : String.format(Locale.ROOT, "%.2f %%", 100.0 * c[1] / c[0]));
            out.add(m);
        });
        return out;
    }

    static List<Map<String, Object>> deadLetters(List<JsonNode> deadLetters) {
        Map<String, Map<String, Object>> byReason = new TreeMap<>();
        for (JsonNode d : deadLetters) {
            Map<String, Object> m = byReason.computeIfAbsent(d.path("reason").asText("?"), r -> {
                Map<String, Object> n = new LinkedHashMap<>();
                n.put("reason", r);
                n.put("count", 0L);
                return n;
            });
            m.put("count", (Long) m.get("count") + 1);
            String payload = d.path("payload").asText();
            m.put("example", payload.length() <= EXAMPLE_CHARS ? payload : payload.substring(0, EXAMPLE_CHARS) + "…");
        }
        return new ArrayList<>(byReason.values());
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
