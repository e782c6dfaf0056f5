package io.logriver.launcher.bench.report;

import io.logriver.storm.trident.BatchEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Trident batches as a flight recording saw them ({@link BatchEvents}): how many, how many records each, how long a
 * spout's read of one took, each logged state's commit (its encoding of what changed, its write), and a batch's life
 * from the first read of it to the last state's commit. Empty for an engine that records no such events.
 *
 * @param batches        batches read (distinct transaction ids)
 * @param seconds        from the first read to the last commit seen
 * @param recordsMedian  records of a batch (all spouts), median
 * @param emitMedianMs   a spout task's read of one batch, median
 * @param commits        per state, its commits
 * @param lifeMedianMs   a batch's life, median; {@code lifeP99Ms} its 99th percentile
 */
public record BatchLife(int batches, double seconds, long recordsMedian, double emitMedianMs,
                        Map<String, StateCommits> commits, double lifeMedianMs, double lifeP99Ms) {

    public static final BatchLife NONE = new BatchLife(0, 0, 0, 0, Map.of(), 0, 0);

    /**
     * One state's commits: how many, and the medians of their length (begin-commit, the batch's update, the write),
     * the encoding of what changed, the store's write, the entries and the bytes written.
     */
    public record StateCommits(int count, double totalMs, double encodeMs, double writeMs, long entries, long bytes) {
    }

    /** Gathers the batch events out of a recording's events. */
    static final class Collector {
        private final Map<Long, Long> records = new HashMap<>();
        private final Map<Long, Instant> firstRead = new HashMap<>();
        private final Map<Long, Instant> lastCommit = new HashMap<>();
        private final List<Double> emits = new ArrayList<>();
        private final Map<String, List<RecordedEvent>> commits = new TreeMap<>();

        /** Takes the event if it is a batch event; says whether it was. */
        boolean take(RecordedEvent e) {
            switch (e.getEventType().getName()) {
                case BatchEvents.Emit.NAME -> {
                    long txid = e.getLong("txid");
                    records.merge(txid, e.getLong("records"), Long::sum);
                    firstRead.merge(txid, e.getStartTime(), (a, b) -> a.isBefore(b) ? a : b);
                    emits.add(ms(e.getDuration().toNanos()));
                    return true;
                }
                case BatchEvents.Commit.NAME -> {
                    commits.computeIfAbsent(e.getString("state"), s -> new ArrayList<>()).add(e);
                    lastCommit.merge(e.getLong("txid"), e.getEndTime(), (a, b) -> a.isAfter(b) ? a : b);
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }

        BatchLife done() {
            if (records.isEmpty()) {
                return NONE;
            }
            List<Double> lives = new ArrayList<>();
            Instant first = null;
            Instant last = null;
            for (Map.Entry<Long, Instant> read : firstRead.entrySet()) {
                Instant end = lastCommit.get(read.getKey());
                first = first == null || read.getValue().isBefore(first) ? read.getValue() : first;
                if (end != null) {
                    lives.add(ms(Duration.between(read.getValue(), end).toNanos()));
                    last = last == null || end.isAfter(last) ? end : last;
                }
            }
            Map<String, StateCommits> byState = new TreeMap<>();
            commits.forEach((state, es) -> byState.put(state, new StateCommits(es.size(),
                    median(es.stream().map(e -> ms(e.getDuration().toNanos())).toList()),
                    median(es.stream().map(e -> ms(e.getLong("encodeNanos"))).toList()),
                    median(es.stream().map(e -> ms(e.getLong("writeNanos"))).toList()),
                    Math.round(median(es.stream().map(e -> (double) e.getLong("entries")).toList())),
                    Math.round(median(es.stream().map(e -> (double) e.getLong("bytes")).toList())))));
            double seconds = last == null ? 0 : Duration.between(first, last).toNanos() / 1e9;
            return new BatchLife(records.size(), seconds,
                    Math.round(median(records.values().stream().map(Long::doubleValue).toList())), median(emits),
                    byState, median(lives), percentile(lives, 99));
        }
    }

    /** One line of Markdown, or nothing for an engine without batches. */
    public String describe() {
        if (batches == 0) {
            return "";
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Trident batches: %,d (%.1f/s), %,d records"
                        + " each (median); a batch's life from its read to its last commit p50 / p99 %.1f / %.1f ms;"
                        + " a spout task's read %.2f ms", batches, seconds > 0 ? batches / seconds : 0, recordsMedian,
                lifeMedianMs, lifeP99Ms, emitMedianMs));
        commits.forEach((state, c) -> s.append(String.format(Locale.ROOT, "; %s commit %.2f ms (encoding %.2f, write"
                + " %.2f ms; %,d entries, %,d bytes; %,d commits)", state, c.totalMs(), c.encodeMs(), c.writeMs(),
                c.entries(), c.bytes(), c.count())));
        return s.toString();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** The bench's median ({@link Figure}), 0 for none. */
    private static double median(List<Double> values) {
        return Figure.of(values).map(Figure::median).orElse(0.0);
    }

    /** The nearest-rank percentile, 0 for none. */
    private static double percentile(List<Double> values, int pct) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(pct / 100.0 * sorted.size()) - 1));
    }
}
