package io.logriver.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The expected result of a file-mode run, computed straight from the specification over the planned facts of a
 * data set, in file order, with none of the production classes: filter, watermark and lateness (per partition, when
 * the requests were spread over several: request i in partition i mod the partition count), join with the latest
 * session record, and nearest-rank percentiles by sorting.
 */
public final class Reference {
    public long aggregated;
    public long filtered;
    public long invalid;
    public long late;
    public final List<String> lateLines = new ArrayList<>();
    /** Every window record, as the end of the input closes every window. */
    public final List<String> windows = new ArrayList<>();
    /** The window records of the windows the data closes itself, without the end of the input. */
    public final List<String> closed = new ArrayList<>();

    public static Reference of(ItDataSet d, long windowMs, long latenessMs) {
        return of(d, windowMs, latenessMs, 1);
    }

    public static Reference of(ItDataSet d, long windowMs, long latenessMs, int partitions) {
        Reference ref = new Reference();
        Map<String, List<long[]>> byKey = new TreeMap<>(); // "start|org|url" -> (duration, error)
        long[] maxSeenOf = new long[partitions];
        java.util.Arrays.fill(maxSeenOf, Long.MIN_VALUE);
        for (int i = 0; i < d.requests.size(); i++) {
            ItDataSet.Planned p = d.requests.get(i);
            if (p.invalidReason() != null) {
                ref.invalid++;
                continue;
            }
            String level = p.level().toUpperCase(Locale.ROOT);
            if (level.equals("DEBUG") || level.equals("TRACE") || p.url().startsWith("/static/")
                    || p.url().startsWith("/health")) {
                ref.filtered++;
                continue;
            }
            long start = Math.floorDiv(p.eventTime(), windowMs) * windowMs;
            long maxSeen = maxSeenOf[i % partitions];
            boolean isLate = maxSeen != Long.MIN_VALUE && start + windowMs <= maxSeen - latenessMs;
            maxSeenOf[i % partitions] = Math.max(maxSeen, p.eventTime());
            if (isLate) {
                ref.late++;
                ref.lateLines.add(p.line());
                continue;
            }
            ref.aggregated++;
            String org = d.orgOf.getOrDefault(p.sessionID(), "unknown");
            boolean error = level.equals("ERROR") || p.status() >= 500;
            byKey.computeIfAbsent(start + "|" + org + "|" + p.url(), k -> new ArrayList<>())
                    .add(new long[] {p.duration(), error ? 1 : 0});
        }
        ref.windows.addAll(windowRecords(byKey, windowMs));
        long lowest = java.util.Arrays.stream(maxSeenOf).min().orElseThrow();
        long watermark = lowest == Long.MIN_VALUE ? Long.MIN_VALUE : lowest - latenessMs;
        Map<String, List<long[]>> closedKeys = new TreeMap<>(byKey);
        closedKeys.keySet().removeIf(k -> Long.parseLong(k.split("\\|", 2)[0]) + windowMs > watermark);
        ref.closed.addAll(windowRecords(closedKeys, windowMs));
        return ref;
    }

    /**
     * The window records of {@code byKey} ("windowStart millis|orgID|webURL" to each request's duration and whether
     * it was an error, 1 or 0), sorted by windowStart, orgID, webURL, as logriver writes them: nearest-rank
     * percentiles by sorting.
     */
    public static List<String> windowRecords(Map<String, List<long[]>> byKey, long windowMs) {
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, List<long[]>> e : byKey.entrySet()) {
            String[] k = e.getKey().split("\\|", 3);
            rows.add(new String[] {Instant.ofEpochMilli(Long.parseLong(k[0])).toString(), k[1], k[2],
                json(Long.parseLong(k[0]), windowMs, k[1], k[2], e.getValue())});
        }
        rows.sort(Comparator.<String[], String>comparing(r -> r[0]).thenComparing(r -> r[1]).thenComparing(r -> r[2]));
        return rows.stream().map(r -> r[3]).toList();
    }

    private static String json(long start, long size, String org, String url, List<long[]> values) {
        long[] sorted = values.stream().mapToLong(v -> v[0]).sorted().toArray();
        long errors = values.stream().filter(v -> v[1] == 1).count();
        return "{\"windowStart\":\"" + Instant.ofEpochMilli(start) + "\",\"windowEnd\":\""
                + Instant.ofEpochMilli(start + size) + "\",\"orgID\":\"" + org + "\",\"webURL\":\"" + url
                + "\",\"count\":" + sorted.length + ",\"errors\":" + errors + ",\"p50\":" + pct(sorted, 50)
                + ",\"p95\":" + pct(sorted, 95) + ",\"p99\":" + pct(sorted, 99) + ",\"max\":" + sorted[sorted.length - 1]
                + ",\"final\":true}";
    }

    /** The smallest value with at least ceil(n * p / 100) values at or below it. */
    private static long pct(long[] sorted, int p) {
        int rank = (int) Math.ceil(sorted.length * p / 100.0);
        return sorted[Math.max(rank, 1) - 1];
    }
}
