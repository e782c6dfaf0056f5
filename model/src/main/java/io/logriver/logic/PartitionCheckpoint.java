package io.logriver.logic;

import io.logriver.logic.parse.Request;
import io.logriver.logic.parse.Session;
import io.logriver.logic.window.DurationStats;
import io.logriver.logic.window.StateCodec;
import io.logriver.logic.window.WindowKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The state of a {@link PartitionPipeline} as key/value entries of a checkpoint: one per partition (last offset,
 * highest event time, watermarks), one per partial window aggregate, one per request waiting for its session. Only
 * what changed since the last checkpoint is written, so a checkpoint costs in proportion to the window keys and
 * partitions touched, not to the requests.
 */
public final class PartitionCheckpoint {
    static final String LANE = "lane:";
    static final String PARTIAL = "partial:";
    static final String WAITING = "waiting:";

    private final PartitionPipeline stage;
    private final Set<Integer> lanes = new HashSet<>();
    /** Partition, then the window keys whose partial changed: true when it was removed (nothing built per record). */
    private final Map<Integer, Map<WindowKey, Boolean>> partials = new HashMap<>();
    private final Map<String, Pending> waiting = new HashMap<>();
    private boolean tracking = true;

    PartitionCheckpoint(PartitionPipeline stage) {
        this.stage = stage;
    }

    /** Whether changes are recorded at all: not when the state lives only in memory (nothing would take them). */
    public void track(boolean on) {
        tracking = on;
        forget();
    }

    void laneChanged(int partition) {
        if (tracking) {
            lanes.add(partition);
        }
    }

    void partialChanged(int partition, WindowKey key) {
        if (tracking) {
            partials.computeIfAbsent(partition, p -> new HashMap<>()).put(key, Boolean.FALSE);
        }
    }

    void partialRemoved(int partition, WindowKey key) {
        if (tracking) {
            partials.computeIfAbsent(partition, p -> new HashMap<>()).put(key, Boolean.TRUE);
        }
    }

    void waiting(Pending p) {
        if (tracking) {
            waiting.put(waitingKey(p), p);
        }
    }

    void released(Pending p) {
        if (tracking) {
            waiting.put(waitingKey(p), null);
        }
    }

    /** Hands every entry changed since the last call to {@code put}, every removed one to {@code delete}. */
    public void changes(BiConsumer<String, byte[]> put, Consumer<String> delete) {
        for (int p : lanes) {
            PartitionPipeline.Lane lane = stage.lanes.get(p);
            long[] gate = stage.gate.state(p);
            put.accept(LANE + p, new StateCodec.Writer()
                    .longs(p, lane.lastOffset, lane.lateness.maxEventTime(), gate[0], gate[1]).done());
        }
        partials.forEach((p, keys) -> keys.forEach((key, removed) -> {
            DurationStats s = removed ? null : stage.lanes.get(p).open.getOrDefault(key.windowStart(), Map.of()).get(key);
            if (s == null) {
                delete.accept(partialKey(p, key));
            } else {
                put.accept(partialKey(p, key), new StateCodec.Writer().longs(p, key.windowStart())
                        .strings(key.orgID(), key.webURL()).bytes(s.toBytes()).done());
            }
        }));
        waiting.forEach((k, p) -> {
            if (p == null) {
                delete.accept(k);
            } else {
                Request r = p.request();
                put.accept(k, new StateCodec.Writer().longs(p.partition(), p.offset(), r.eventTime(),
                                r.durationMillis(), r.status(), p.emitNanos(), p.schedNanos())
                        .strings(r.webURL(), r.sessionID(), r.level()).done());
            }
        });
        forget();
    }

    /** Forgets what changed: the state as it stands is what the last checkpoint holds. */
    public void forget() {
        lanes.clear();
        partials.clear();
        waiting.clear();
    }

    /**
     * Replaces the stage's state with a checkpoint's entries. Requests that were waiting wait again, for up to the
     * join wait from {@code nowMillis}, and may join at once (the session table is rebuilt before this).
     */
    public void restore(Iterable<Map.Entry<String, byte[]>> entries, long nowMillis, PartitionPipeline.Output out) {
        stage.lanes.clear();
        stage.buffer.clear();
        stage.gate.clear();
        List<Pending> waitingInOrder = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : entries) {
            StateCodec.Reader in = new StateCodec.Reader(e.getValue());
            if (e.getKey().startsWith(LANE)) {
                int p = (int) in.readLong();
                PartitionPipeline.Lane lane = stage.lane(p);
                lane.lastOffset = in.readLong();
                lane.lateness.restore(in.readLong());
                stage.gate.restore(p, in.readLong(), in.readLong());
            } else if (e.getKey().startsWith(PARTIAL)) {
                int p = (int) in.readLong();
                WindowKey key = new WindowKey(in.readLong(), in.readString(), in.readString());
                stage.lane(p).open.computeIfAbsent(key.windowStart(), k -> new HashMap<>())
                        .put(key, DurationStats.fromBytes(in.readBytes()));
            } else if (e.getKey().startsWith(WAITING)) {
                int p = (int) in.readLong();
                long offset = in.readLong();
                long eventTime = in.readLong();
                long duration = in.readLong();
                int status = (int) in.readLong();
                in.readLong(); // emit and scheduled times are of the JVM that wrote them: meaningless here
                in.readLong();
                Request r = new Request(eventTime, in.readString(), in.readString(), duration, in.readString(), status);
                waitingInOrder.add(new Pending(p, offset, r, -1, -1, -1));
            }
        }
        forget();
        waitingInOrder.sort(Comparator.comparingInt(Pending::partition).thenComparingLong(Pending::offset));
        for (Pending p : waitingInOrder) {
            long windowEnd = stage.windows.endOf(p.request().eventTime());
            Session s = stage.buffer.offer(p, p.request().sessionID(), p.partition(), windowEnd, nowMillis);
            if (s == null) {
                waiting(p);
            } else {
                released(p);
                stage.apply(p, s, true, true, out);
            }
        }
    }

    private static String partialKey(int partition, WindowKey key) {
        return PARTIAL + partition + ":" + key.windowStart() + ":" + key.orgID().length() + ":" + key.orgID()
                + key.webURL();
    }

    private static String waitingKey(Pending p) {
        return WAITING + p.partition() + ":" + p.offset();
    }
}
