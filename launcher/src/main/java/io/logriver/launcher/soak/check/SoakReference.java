package io.logriver.launcher.soak.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The windows that the requests Kafka took must give, computed as they are taken, from the specification
 * (docs/data.md) and with none of the production classes: validation, the filter rules, each partition's watermark and
 * lateness in offset order, the join with the sessions published before the first request, nearest-rank percentiles by
 * sorting. A window is closed once every partition's watermark has passed its end, as in the topologies; a closed
 * window's durations leave memory, and only its expected record stays, with the time it closed (for the lag).
 */
public final class SoakReference {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_DURATION = 86_400_000L;
    private static final int MAX_BYTES = 64 * 1024;
    private static final int MAX_DEPTH = 32;

    /** A closed window: its key ({@code windowStart|orgID|webURL}), its record, when it closed, its request count. */
    public record Closed(String key, String json, long closedAtMillis, long count) {
    }

    private final long windowMs;
    private final long latenessMs;
    private final Map<String, String> orgOf;
    private final long[] maxSeen;
    private final long[] lastOffset;
    private final TreeMap<Long, Map<String, Durations>> open = new TreeMap<>();
    private final Map<String, Closed> closed = new HashMap<>();
    private final List<Closed> closeOrder = new ArrayList<>();
    private long taken;
    private long invalid;
    private long filtered;
    private long late;
    private long aggregated;
    private String orderError;

    /**
     * @param sessionRecords the session records published before the first request (the latest of an ID wins)
     */
    public SoakReference(int partitions, long windowMs, long latenessMs, List<String> sessionRecords) {
        this.windowMs = windowMs;
        this.latenessMs = latenessMs;
        this.maxSeen = new long[partitions];
        this.lastOffset = new long[partitions];
        Arrays.fill(maxSeen, Long.MIN_VALUE);
        Arrays.fill(lastOffset, -1);
        this.orgOf = new HashMap<>();
        for (String s : sessionRecords) {
            JsonNode n = tree(s);
            if (n != null && text(n, "sessionID") != null && text(n, "userID") != null && text(n, "orgID") != null) {
                orgOf.put(n.get("sessionID").asText(), n.get("orgID").asText());
            }
        }
    }

    /** Request {@code line}, which Kafka took at {@code offset} of {@code partition}, at {@code nowMillis}. */
    public synchronized void accept(int partition, long offset, byte[] line, long nowMillis) {
        if (offset <= lastOffset[partition] && orderError == null) {
            orderError = "partition " + partition + ": offset " + offset + " taken after " + lastOffset[partition];
        }
        lastOffset[partition] = offset;
        taken++;
        JsonNode n = line.length > MAX_BYTES ? null : tree(new String(line, java.nio.charset.StandardCharsets.UTF_8));
        n = n == null || depth(n) > MAX_DEPTH ? null : n;
        Long eventTime = n == null ? null : eventTime(n);
        Long duration = n == null ? null : duration(n);
        if (eventTime == null || duration == null || text(n, "webURL") == null || text(n, "sessionID") == null) {
            invalid++;
            return;
        }
        String level = n.path("level").asText("INFO").toUpperCase(Locale.ROOT);
        String url = text(n, "webURL");
        url = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        if (level.equals("DEBUG") || level.equals("TRACE") || url.startsWith("/static/") || url.startsWith("/health")) {
            filtered++;
            return;
        }
        long start = Math.floorDiv(eventTime, windowMs) * windowMs;
        long seen = maxSeen[partition];
        maxSeen[partition] = Math.max(seen, eventTime);
        if (seen != Long.MIN_VALUE && start + windowMs <= seen - latenessMs) {
            late++;
            return;
        }
        aggregated++;
        boolean error = level.equals("ERROR") || n.path("status").asInt(0) >= 500;
        String orgUrl = orgOf.getOrDefault(text(n, "sessionID"), "unknown") + "|" + url;
        open.computeIfAbsent(start, s -> new HashMap<>()).computeIfAbsent(orgUrl, k -> new Durations())
                .add(duration, error);
        closeUpTo(nowMillis);
    }

    private void closeUpTo(long nowMillis) {
        long lowest = Arrays.stream(maxSeen).min().orElseThrow();
        if (lowest == Long.MIN_VALUE) {
            return;
        }
        long watermark = lowest - latenessMs;
        while (!open.isEmpty() && open.firstKey() + windowMs <= watermark) {
            Map.Entry<Long, Map<String, Durations>> w = open.pollFirstEntry();
            for (Map.Entry<String, Durations> e : new TreeMap<>(w.getValue()).entrySet()) {
                String[] orgUrl = e.getKey().split("\\|", 2);
                String key = Instant.ofEpochMilli(w.getKey()) + "|" + e.getKey();
                Closed c = new Closed(key, e.getValue().record(w.getKey(), windowMs, orgUrl[0], orgUrl[1]), nowMillis,
                        e.getValue().size);
                closed.put(key, c);
                closeOrder.add(c);
            }
        }
    }

    /** The closed window of {@code key}, or null. */
    public synchronized Closed closed(String key) {
        return closed.get(key);
    }

    /** The closed windows, from the {@code from}-th closed on, in the order they closed. */
    public synchronized List<Closed> closedFrom(int from) {
        return from >= closeOrder.size() ? List.of() : new ArrayList<>(closeOrder.subList(from, closeOrder.size()));
    }

    public synchronized int closedCount() {
        return closeOrder.size();
    }

    /** Requests taken, and of them invalid, filtered, late and aggregated. */
    public synchronized long[] counts() {
        return new long[] {taken, invalid, filtered, late, aggregated};
    }

    /** Why the requests did not come in offset order, or null: the reference is then void. */
    public synchronized String orderError() {
        return orderError;
    }

    private static JsonNode tree(String s) {
        try {
            JsonNode n = JSON.readTree(s);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
    }

    private static int depth(JsonNode n) {
        int deepest = 0;
        for (JsonNode child : n) {
            deepest = Math.max(deepest, depth(child));
        }
        return n.isContainerNode() ? deepest + 1 : 0;
    }

    /** {@code timestamp} (ISO-8601, offset optional, or epoch ms), or {@code startMillis} when it is absent or null. */
    private static Long eventTime(JsonNode n) {
        JsonNode t = n.get("timestamp");
        if (t == null || t.isNull()) {
            return millis(n.get("startMillis"));
        }
        Long epoch = millis(t);
        if (epoch != null || !t.isTextual()) {
            return epoch;
        }
        String s = t.asText();
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static Long millis(JsonNode v) {
        if (v != null && v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= 0) {
            return v.asLong();
        }
        return v != null && v.isTextual() && v.asText().matches("\\d{1,18}") ? Long.parseLong(v.asText()) : null;
    }

    private static Long duration(JsonNode n) {
        JsonNode d = n.get("durationMillis");
        String s = d == null ? "" : d.isIntegralNumber() || d.isTextual() ? d.asText() : "";
        if (!s.matches("\\d{1,9}")) {
            return null;
        }
        long v = Long.parseLong(s);
        return v <= MAX_DURATION ? v : null;
    }

    /** A window key's durations while it is open, and whether each was an error. */
    private static final class Durations {
        private long[] values = new long[8];
        private int size;
        private long errors;

        public void add(long duration, boolean error) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = duration;
            errors += error ? 1 : 0;
        }

        public String record(long start, long windowMs, String org, String url) {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return "{\"windowStart\":\"" + Instant.ofEpochMilli(start) + "\",\"windowEnd\":\""
                    + Instant.ofEpochMilli(start + windowMs) + "\",\"orgID\":\"" + org + "\",\"webURL\":\"" + url
                    + "\",\"count\":" + size + ",\"errors\":" + errors + ",\"p50\":" + rank(sorted, 50) + ",\"p95\":"
                    + rank(sorted, 95) + ",\"p99\":" + rank(sorted, 99) + ",\"max\":" + sorted[size - 1]
                    + ",\"final\":true}";
        }

        /** The smallest value with at least ceil(n * p / 100) values at or below it. */
        private static long rank(long[] sorted, int p) {
            int r = (int) Math.ceil(sorted.length * p / 100.0);
            return sorted[Math.max(r, 1) - 1];
        }
    }
}
