package io.logriver.logic;

import io.logriver.logic.parse.Session;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The session join: a request whose session is known is joined at once; otherwise it waits, at most the join
 * wait, for its session, then goes on as a join miss. While a request waits, the watermark its partition
 * passes downstream is held below the end of the request's window, so the window cannot close without it.
 *
 * @param <T> what the caller keeps with a waiting request (its tuple, for example)
 */
public final class JoinBuffer<T> {

    private static final class Waiting<T> {
        final T item;
        final String sessionID;
        final int partition;
        final long windowEnd;
        final long deadline;
        boolean released;

        Waiting(T item, String sessionID, int partition, long windowEnd, long deadline) {
            this.item = item;
            this.sessionID = sessionID;
            this.partition = partition;
            this.windowEnd = windowEnd;
            this.deadline = deadline;
        }
    }

    private final SessionTable table;
    private final long waitMillis;
    private final Deque<Waiting<T>> byDeadline = new ArrayDeque<>();
    private final Map<String, List<Waiting<T>>> bySession = new HashMap<>();
    private final Map<Integer, TreeMap<Long, Integer>> windowEndsByPartition = new HashMap<>();

    public JoinBuffer(SessionTable table, long waitMillis) {
        this.table = table;
        this.waitMillis = waitMillis;
    }

    /**
     * Joins a request now or keeps it waiting.
     *
     * @return its session when it is known, null when the request waits for it
     */
    public Session offer(T item, String sessionID, int partition, long windowEnd, long nowMillis) {
        Session s = table.get(sessionID);
        if (s != null) {
            return s;
        }
        Waiting<T> w = new Waiting<>(item, sessionID, partition, windowEnd, nowMillis + waitMillis);
        byDeadline.addLast(w);
        bySession.computeIfAbsent(sessionID, k -> new ArrayList<>()).add(w);
        windowEndsByPartition.computeIfAbsent(partition, k -> new TreeMap<>()).merge(windowEnd, 1, Integer::sum);
        return null;
    }

    /** Applies a session record and joins the requests that were waiting for it. */
    public void onSession(Session session, int partition, long offset, BiConsumer<T, Session> joined) {
        if (!table.apply(session, partition, offset)) {
            return;
        }
        List<Waiting<T>> waiting = bySession.remove(session.sessionID());
        if (waiting != null) {
            for (Waiting<T> w : waiting) {
                release(w);
                joined.accept(w.item, session);
            }
        }
    }

    /** Releases, as join misses, the requests whose deadline is at or before {@code cutoffMillis}. */
    public void expire(long cutoffMillis, BiConsumer<T, Session> missed) {
        while (!byDeadline.isEmpty() && (byDeadline.peekFirst().released || byDeadline.peekFirst().deadline <= cutoffMillis)) {
            Waiting<T> w = byDeadline.pollFirst();
            if (!w.released) {
                releaseMiss(w, missed);
            }
        }
    }

    /** Releases every request of the partition as a join miss: its input has ended, no session will come. */
    public void expirePartition(int partition, BiConsumer<T, Session> missed) {
        for (Iterator<Waiting<T>> it = byDeadline.iterator(); it.hasNext(); ) {
            Waiting<T> w = it.next();
            if (w.partition == partition && !w.released) {
                it.remove();
                releaseMiss(w, missed);
            }
        }
    }

    /**
     * The highest watermark the partition may pass downstream: just below the earliest window end of its
     * waiting requests, or {@link Long#MAX_VALUE} when none waits.
     */
    public long watermarkCeiling(int partition) {
        TreeMap<Long, Integer> ends = windowEndsByPartition.get(partition);
        return ends == null || ends.isEmpty() ? Long.MAX_VALUE : ends.firstKey() - 1;
    }

    /** Forgets every waiting request (the caller restores its state from a checkpoint). */
    public void clear() {
        byDeadline.clear();
        bySession.clear();
        windowEndsByPartition.clear();
    }

    public int waiting() {
        int n = 0;
        for (TreeMap<Long, Integer> ends : windowEndsByPartition.values()) {
            for (int c : ends.values()) {
                n += c;
            }
        }
        return n;
    }

    private void releaseMiss(Waiting<T> w, BiConsumer<T, Session> missed) {
        List<Waiting<T>> same = bySession.get(w.sessionID);
        if (same != null) {
            same.remove(w);
            if (same.isEmpty()) {
                bySession.remove(w.sessionID);
            }
        }
        release(w);
        missed.accept(w.item, Session.unknown(w.sessionID));
    }

    private void release(Waiting<T> w) {
        w.released = true;
        TreeMap<Long, Integer> ends = windowEndsByPartition.get(w.partition);
        ends.computeIfPresent(w.windowEnd, (k, c) -> c == 1 ? null : c - 1);
    }
}
