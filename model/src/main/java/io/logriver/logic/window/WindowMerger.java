package io.logriver.logic.window;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The aggregating end of the record-at-a-time topology: it takes each partition's share of a window key (a partial
 * aggregate, from {@link PartitionPipeline}) and each partition's watermark, and once the lowest watermark passes a
 * window's end, emits each of its keys once, with the partitions' shares added up. A partial is stored under its
 * partition, so receiving the same one again (a replay after a restore) changes nothing: the result is exact
 * whatever is replayed. Its state can be checkpointed: only keys and watermarks changed since the last time.
 */
public final class WindowMerger {
    static final String PARTIALS = "partials:";
    static final String WATERMARKS = "watermarks";

    private final Windows windows;
    private final TreeMap<Long, Map<WindowKey, Map<Integer, DurationStats>>> open = new TreeMap<>();
    private final long[] watermarks;
    private long effective = LatenessTracker.NO_WATERMARK;
    private final Map<WindowKey, Boolean> changed = new HashMap<>();
    private boolean watermarksChanged;
    private boolean tracking = true;

    public WindowMerger(Windows windows, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        this.windows = windows;
        this.watermarks = new long[partitions];
        Arrays.fill(watermarks, LatenessTracker.NO_WATERMARK);
    }

    /**
     * Stores a partition's share of a key (replacing what that partition sent before); false, and nothing stored,
     * when the window has been emitted already (only a replay can bring a share that late).
     */
    public boolean offer(int partition, WindowKey key, DurationStats partial) {
        checkPartition(partition);
        if (windows.isFinal(key.windowStart(), effective)) {
            return false;
        }
        open.computeIfAbsent(key.windowStart(), s -> new HashMap<>()).computeIfAbsent(key, k -> new HashMap<>())
                .put(partition, partial);
        if (tracking) {
            changed.put(key, Boolean.TRUE);
        }
        return true;
    }

    /**
     * Records a partition's watermark ({@link Long#MAX_VALUE}: its input ended) and returns the windows that became
     * final, ordered by key.
     */
    public List<WindowResult> advance(int partition, long watermark) {
        checkPartition(partition);
        if (watermark > watermarks[partition]) {
            watermarks[partition] = watermark;
            watermarksChanged = true;
        }
        long min = Arrays.stream(watermarks).min().getAsLong();
        if (min <= effective) {
            return List.of();
        }
        effective = min;
        List<WindowResult> closed = new ArrayList<>();
        while (!open.isEmpty() && windows.isFinal(open.firstKey(), min)) {
            open.pollFirstEntry().getValue().forEach((key, shares) -> {
                DurationStats sum = new DurationStats();
                for (DurationStats s : shares.values()) {
                    sum = DurationStats.merge(sum, s);
                }
                if (tracking) {
                    changed.put(key, Boolean.FALSE);
                }
                closed.add(new WindowResult(key, windows.sizeMillis(), sum.summarize(), true));
            });
        }
        closed.sort((a, b) -> a.key().compareTo(b.key()));
        return closed;
    }

    /** True once every partition's input has ended and every window is emitted. */
    public boolean isDrained() {
        return effective == Long.MAX_VALUE && open.isEmpty();
    }

    public int openKeys() {
        return open.values().stream().mapToInt(Map::size).sum();
    }

    /** Hands every checkpoint entry changed since the last call to {@code put}, every removed one to {@code delete}. */
    public void changes(BiConsumer<String, byte[]> put, Consumer<String> delete) {
        if (watermarksChanged) {
            put.accept(WATERMARKS, new StateCodec.Writer().longs(watermarks.length).longs(watermarks).done());
        }
        changed.forEach((key, present) -> {
            Map<Integer, DurationStats> shares = present
                    ? open.getOrDefault(key.windowStart(), Map.of()).get(key) : null;
            if (shares == null) {
                delete.accept(entryKey(key));
            } else {
                StateCodec.Writer w = new StateCodec.Writer().longs(key.windowStart())
                        .strings(key.orgID(), key.webURL()).longs(shares.size());
                shares.forEach((p, s) -> w.longs(p).bytes(s.toBytes()));
                put.accept(entryKey(key), w.done());
            }
        });
        forget();
    }

    /** Whether changes are recorded at all: not when the state lives only in memory (nothing would take them). */
    public void track(boolean on) {
        tracking = on;
        forget();
    }

    /** Forgets what changed: the state as it stands is what the last checkpoint holds. */
    public void forget() {
        changed.clear();
        watermarksChanged = false;
    }

    /** Replaces the state with a checkpoint's entries. */
    public void restore(Iterable<Map.Entry<String, byte[]>> entries) {
        open.clear();
        Arrays.fill(watermarks, LatenessTracker.NO_WATERMARK);
        for (Map.Entry<String, byte[]> e : entries) {
            StateCodec.Reader in = new StateCodec.Reader(e.getValue());
            if (e.getKey().equals(WATERMARKS)) {
                long n = in.readLong();
                if (n != watermarks.length) {
                    throw new IllegalArgumentException("the checkpoint has watermarks of " + n + " partitions, the topic "
                            + watermarks.length + ": a topic's partitions cannot change under a running topology");
                }
                for (int p = 0; p < n; p++) {
                    watermarks[p] = in.readLong();
                }
            } else if (e.getKey().startsWith(PARTIALS)) {
                WindowKey key = new WindowKey(in.readLong(), in.readString(), in.readString());
                Map<Integer, DurationStats> shares = new HashMap<>();
                for (long n = in.readLong(); n > 0; n--) {
                    shares.put((int) in.readLong(), DurationStats.fromBytes(in.readBytes()));
                }
                open.computeIfAbsent(key.windowStart(), s -> new HashMap<>()).put(key, shares);
            }
        }
        effective = Arrays.stream(watermarks).min().getAsLong();
        forget();
    }

    private void checkPartition(int partition) {
        if (partition < 0 || partition >= watermarks.length) {
            throw new IllegalArgumentException("partition " + partition + " outside 0.." + (watermarks.length - 1));
        }
    }

    private static String entryKey(WindowKey key) {
        return PARTIALS + key.windowStart() + ":" + key.orgID().length() + ":" + key.orgID() + key.webURL();
    }
}
