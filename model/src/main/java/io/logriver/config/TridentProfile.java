package io.logriver.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The two named batch settings of the Trident topology ({@code logriver.trident.profile}): each gives the emit interval,
 * the records per spout task and batch and the batches in flight, unless the user sets one of them
 * ({@code logriver.trident.topology.trident.batch.emit.interval.millis}, {@code logriver.trident.max.poll.records},
 * {@code logriver.trident.topology.max.spout.pending}), and how long an idle executor parks at a time
 * ({@code logriver.trident.topology.bolt.wait.park.microsec}). How the benchmark chose them: docs/tuning-history.md,
 * "Trident profiles: how they were chosen".
 */
public enum TridentProfile {
    /**
     * The fastest setting the benchmark found for logriver's Trident topology; the default. Its idle executors park
     * 1 ms at a time: a batch comes every 50 ms, and 100 µs parks between batches cost a third of the executors' CPU
     * (docs/benchmark.md, "Trident's cost model").
     */
    THROUGHPUT("throughput", 50, 5_000, 4, 1_000),
    /** Small batches, often: a record waits for at most a short interval before its batch starts. */
    LATENCY("latency", 10, 1_000, 2, 100);

    /** Storm's keys of the batch interval, the batches in flight and the idle executors' park, which a profile sets. */
    public static final String EMIT_INTERVAL = "topology.trident.batch.emit.interval.millis";
    public static final String IN_FLIGHT = "topology.max.spout.pending";
    public static final String IDLE_PARK = "topology.bolt.wait.park.microsec";

    private final String id;
    private final int emitIntervalMs;
    private final int maxPollRecords;
    private final int inFlight;
    /** How long an idle executor parks at a time, µs ({@code io.logriver.storm.wait.ParkThenSleep}). */
    private final int idleParkMicros;

    TridentProfile(String id, int emitIntervalMs, int maxPollRecords, int inFlight, int idleParkMicros) {
        this.id = id;
        this.emitIntervalMs = emitIntervalMs;
        this.maxPollRecords = maxPollRecords;
        this.inFlight = inFlight;
        this.idleParkMicros = idleParkMicros;
    }

    public String id() {
        return id;
    }

    public int emitIntervalMs() {
        return emitIntervalMs;
    }

    public int maxPollRecords() {
        return maxPollRecords;
    }

    public int inFlight() {
        return inFlight;
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(TridentProfile::id).toList();
    }

    static TridentProfile of(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst()
                .orElseThrow(() -> new ConfigException(LogriverConfig.TRIDENT_PROFILE + " " + id + ": expected one of "
                        + ids()));
    }

    /** The profile's Storm settings (the emit interval, batches in flight, idle executors' park). */
    Map<String, Object> stormSettings() {
        return Map.of(EMIT_INTERVAL, emitIntervalMs, IN_FLIGHT, inFlight, IDLE_PARK, idleParkMicros);
    }
}
