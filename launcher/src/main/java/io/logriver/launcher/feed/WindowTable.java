package io.logriver.launcher.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Window records as a compact table, one block per window: its totals, then its slowest URLs by p99. A window's
 * records come together (the topology emits them when the watermark passes its end), so a window is shown once no
 * record of it has come for a moment; a record of a window already shown is shown in a block of its own, marked.
 */
public final class WindowTable {
    public static final int SLOWEST = 5;
    public static final Comparator<JsonNode> BY_P99_DESCENDING = Comparator
            .comparingLong((JsonNode n) -> -n.path("p99").asLong())
            .thenComparing(n -> n.path("orgID").asText())
            .thenComparing(n -> n.path("webURL").asText());

    private final PrintStream out;
    private final long quietNanos;
    private final Map<String, Window> open = new TreeMap<>();
    private final Set<String> shown = new HashSet<>();

    private static final class Window {
        final List<JsonNode> records = new ArrayList<>();
        long lastNanos;
    }

    /** @param quietNanos how long no record of a window must have come before it is shown */
    WindowTable(PrintStream out, long quietNanos) {
        this.out = out;
        this.quietNanos = quietNanos;
    }

    void add(JsonNode record, long nowNanos) {
        Window w = open.computeIfAbsent(record.path("windowStart").asText(), k -> new Window());
        w.records.add(record);
        w.lastNanos = nowNanos;
    }

    /** Shows the windows quiet for long enough, or every window held when {@code all}. */
    void flush(long nowNanos, boolean all) {
        for (Iterator<Map.Entry<String, Window>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Window> e = it.next();
            if (all || nowNanos - e.getValue().lastNanos >= quietNanos) {
                show(e.getKey(), e.getValue().records);
                it.remove();
            }
        }
    }

    private void show(String start, List<JsonNode> records) {
        long requests = records.stream().mapToLong(n -> n.path("count").asLong()).sum();
        long errors = records.stream().mapToLong(n -> n.path("errors").asLong()).sum();
        long orgs = records.stream().map(n -> n.path("orgID").asText()).distinct().count();
        out.printf("window %s to %s%s: %,d requests, %,d errors, %,d orgs, %,d org/URL pairs; slowest by p99 (ms):%n",
                start, records.get(0).path("windowEnd").asText(), shown.add(start) ? "" : " (more records)", requests,
                errors, orgs, records.size());
        records.stream().sorted(BY_P99_DESCENDING).limit(SLOWEST).forEach(n -> out.println(row(n)));
        out.flush();
    }

    /** One window record as a row: organisation, URL, count, errors and the latency percentiles (ms). */
    public static String row(JsonNode n) {
        return String.format("    %-8s %-22s count %6d errors %4d p50 %5d p95 %6d p99 %6d max %7d",
                n.path("orgID").asText(), n.path("webURL").asText(), n.path("count").asLong(),
                n.path("errors").asLong(), n.path("p50").asLong(), n.path("p95").asLong(), n.path("p99").asLong(),
                n.path("max").asLong());
    }
}
