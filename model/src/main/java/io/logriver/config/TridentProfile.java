package io.logriver.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The two named batch settings of the Trident topology ({@code logriver.trident.profile}): each gives the emit interval,
 * the records per partition and batch and the batches in flight, unless the user sets one of them
 * ({@code logriver.trident.topology.trident.batch.emit.interval.millis}, {@code logriver.trident.max.poll.records},
 * {@code logriver.trident.topology.max.spout.pending}). How the benchmark chose them: docs/tuning-history.md,
 * "Trident profiles: how they were chosen".
 */
public enum TridentProfile {
    /** The fastest setting the benchmark found for logriver's Trident topology; the default. */
    THROUGHPUT("throughput", 50, 5_000, 4),
    /** Small batches, often: a record waits for at most a short interval before its batch starts. */
    LATENCY("latency", 10, 1_000, 2);

    /** Storm's keys of the batch interval and the batches in flight, which a profile sets. */
    public static final String EMIT_INTERVAL = "topology.trident.batch.emit.interval.millis";
    public static final String IN_FLIGHT = "topology.max.spout.pending";

    private final String id;
    private final int emitIntervalMs;
    private final int maxPollRecords;
    private final int inFlight;

    TridentProfile(String id, int emitIntervalMs, int maxPollRecords, int inFlight) {
        this.id = id;
        this.emitIntervalMs = emitIntervalMs;
        this.maxPollRecords = maxPollRecords;
        this.inFlight = inFlight;
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

    /** The profile's Storm settings (the emit interval and batches in flight). */
    Map<String, Object> stormSettings() {
        return Map.of(EMIT_INTERVAL, emitIntervalMs, IN_FLIGHT, inFlight);
    }
}
