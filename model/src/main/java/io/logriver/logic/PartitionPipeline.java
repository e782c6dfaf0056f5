package io.logriver.logic;

import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.logic.parse.Request;
import io.logriver.logic.parse.Session;
import io.logriver.logic.window.DurationStats;
import io.logriver.logic.window.LatenessTracker;
import io.logriver.logic.window.WatermarkGate;
import io.logriver.logic.window.WindowKey;
import io.logriver.logic.window.Windows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that depends on the order of one input partition, for the partitions of one task: replays are told
 * apart by offset, late records by the partition's watermark, requests wait for their session in a {@link JoinBuffer},
 * and each joined request is added to the partition's share of its window (a partial aggregate). Once the partition's
 * watermark (held below the window of any request still waiting) makes windows final, their partials and then the
 * watermark go downstream, where {@link WindowMerger} adds up the partitions. All of it can be checkpointed
 * ({@link PartitionCheckpoint}); after a restore the partition carries on from the record after its last offset.
 */
public final class PartitionPipeline {

    /** Where the results go. */
    public interface Output {
        /**
         * The request was added to its window: {@code joined} false for a join miss (session unknown), {@code waited}
         * true when it waited for its session (since {@link Pending#takenNanos()}) rather than joining at once.
         */
        void applied(Pending p, Session s, boolean joined, boolean waited);

        /** The partition's share of a window that became final for it. */
        void partial(int partition, WindowKey key, DurationStats stats);

        /** The partition's watermark moved past the end of another window. */
        void watermark(int partition, long watermark);
    }

    /** What became of a request offered to the stage. */
    public enum Outcome { LATE, APPLIED, WAITING }

    final Windows windows;
    final long latenessMs;
    final FutureTimeRule future;
    final JoinBuffer<Pending> buffer;
    final WatermarkGate gate;
    final Map<Integer, Lane> lanes = new HashMap<>();
    final PartitionCheckpoint checkpoint = new PartitionCheckpoint(this);

    /** One input partition: its last offset, its lateness, its partial windows. */
    static final class Lane {
        final int partition;
        final LatenessTracker lateness;
        long lastOffset = -1;
        final TreeMap<Long, Map<WindowKey, DurationStats>> open = new TreeMap<>();

        Lane(int partition, LatenessTracker lateness) {
            this.partition = partition;
            this.lateness = lateness;
        }
    }

    /** With {@code future} keeping each partition's watermark from passing the wall clock. */
    public PartitionPipeline(Windows windows, long latenessMs, FutureTimeRule future, SessionTable sessions,
                             long joinWaitMs) {
        this.windows = windows;
        this.latenessMs = latenessMs;
        this.future = future;
        this.buffer = new JoinBuffer<>(sessions, joinWaitMs);
        this.gate = new WatermarkGate(windows.sizeMillis());
    }

    Lane lane(int partition) {
        Lane lane = lanes.get(partition);
        if (lane == null) { // not computeIfAbsent: its lambda would capture this, an object per record
            lane = new Lane(partition, new LatenessTracker(windows, latenessMs, future));
            lanes.put(partition, lane);
        }
        return lane;
    }

    /**
     * Admits the record at {@code offset} of the partition: false for a replay of a record already taken (its
     * effects are in this stage's state), true (and the offset remembered) for the next one.
     */
    public boolean admit(int partition, long offset) {
        Lane lane = lane(partition);
        if (offset <= lane.lastOffset) {
            return false;
        }
        lane.lastOffset = offset;
        checkpoint.laneChanged(partition);
        return true;
    }

    /** A request that passed the filter: late, added to its window, or waiting for its session. */
    public Outcome offer(Pending p, long nowMillis, Output out) {
        Lane lane = lane(p.partition());
        checkpoint.laneChanged(p.partition());
        if (lane.lateness.observeIsLate(p.request().eventTime())) {
            return Outcome.LATE;
        }
        long windowEnd = windows.endOf(p.request().eventTime());
        Session s = buffer.offer(p, p.request().sessionID(), p.partition(), windowEnd, nowMillis);
        if (s != null) {
            apply(p, s, true, false, out);
        } else {
            checkpoint.waiting(p);
        }
        forward(p.partition(), lane.lateness.watermark(), out);
        return s != null ? Outcome.APPLIED : Outcome.WAITING;
    }

    /**
     * A request whose session was looked up already (the micro-batch topology looks it up in the session table as
     * the batches before it left it): late, or added to its window at once as {@code session}; nothing waits, and
     * {@code joined} false marks a join miss.
     */
    public Outcome offerJoined(Pending p, Session session, boolean joined, Output out) {
        Lane lane = lane(p.partition());
        checkpoint.laneChanged(p.partition());
        if (lane.lateness.observeIsLate(p.request().eventTime())) {
            return Outcome.LATE;
        }
        apply(p, session, joined, false, out);
        forward(p.partition(), lane.lateness.watermark(), out);
        return Outcome.APPLIED;
    }

    /** A session record: requests waiting for it join now, which may let watermarks move on. */
    public void onSession(Session s, int partition, long offset, Output out) {
        buffer.onSession(s, partition, offset, (pending, session) -> release(pending, session, true, out));
        recheckAll(out);
    }

    /** The clock: requests whose wait ends by {@code cutoffMillis} go on as join misses. */
    public void expire(long cutoffMillis, Output out) {
        buffer.expire(cutoffMillis, (pending, unknown) -> release(pending, unknown, false, out));
        recheckAll(out);
    }

    /** The partition's input has ended: whatever waits goes on as a miss, and every window of it becomes final. */
    public void end(int partition, Output out) {
        lane(partition);
        checkpoint.laneChanged(partition);
        buffer.expirePartition(partition, (pending, unknown) -> release(pending, unknown, false, out));
        forward(partition, Long.MAX_VALUE, out);
    }

    public int waiting() {
        return buffer.waiting();
    }

    /** Window keys with a partial aggregate held here. */
    public int openPartials() {
        int n = 0;
        for (Lane lane : lanes.values()) {
            for (Map<WindowKey, DurationStats> keys : lane.open.values()) {
                n += keys.size();
            }
        }
        return n;
    }

    /** Writing this stage's state to a checkpoint, and reading it back. */
    public PartitionCheckpoint checkpoint() {
        return checkpoint;
    }

    private void release(Pending p, Session s, boolean joined, Output out) {
        checkpoint.released(p);
        apply(p, s, joined, true, out);
    }

    void apply(Pending p, Session s, boolean joined, boolean waited, Output out) {
        Request r = p.request();
        WindowKey key = new WindowKey(windows.startOf(r.eventTime()), s.orgID(), r.urlKey());
        lane(p.partition()).open.computeIfAbsent(key.windowStart(), k -> new HashMap<>())
                .computeIfAbsent(key, k -> new DurationStats()).add(r.durationMillis(), r.isError());
        checkpoint.partialChanged(p.partition(), key);
        out.applied(p, s, joined, waited);
    }

    private void recheckAll(Output out) {
        for (int p : new ArrayList<>(lanes.keySet())) {
            forward(p, WatermarkGate.NONE, out);
        }
    }

    /**
     * Lets the partition's watermark move up to {@code upstream} (or only re-checks the join's ceiling, with
     * {@link WatermarkGate#NONE}); when that makes windows final, sends their partials, then the watermark.
     */
    private void forward(int partition, long upstream, Output out) {
        long ceiling = buffer.watermarkCeiling(partition);
        long wm = upstream == WatermarkGate.NONE ? gate.recheck(partition, ceiling)
                : gate.update(partition, upstream, ceiling);
        if (wm == WatermarkGate.NONE) {
            return;
        }
        checkpoint.laneChanged(partition);
        Lane lane = lane(partition);
        List<Map.Entry<WindowKey, DurationStats>> finals = new ArrayList<>();
        while (!lane.open.isEmpty() && windows.isFinal(lane.open.firstKey(), wm)) {
            finals.addAll(lane.open.pollFirstEntry().getValue().entrySet());
        }
        finals.sort(Map.Entry.comparingByKey());
        for (Map.Entry<WindowKey, DurationStats> e : finals) {
            checkpoint.partialRemoved(partition, e.getKey());
            out.partial(partition, e.getKey(), e.getValue());
        }
        out.watermark(partition, wm);
    }
}
