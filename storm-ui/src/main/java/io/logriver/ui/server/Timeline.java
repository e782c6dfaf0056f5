package io.logriver.ui.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each topology's samples over the last {@link #KEPT} minutes, as the charts draw them: records read per second
 * between two samples, and the latency percentiles of each. Plain Java, safe for the sampler and the server's threads.
 */
public final class Timeline {
    /** How often the server samples each topology. */
    public static final Duration SAMPLE_PERIOD = Duration.ofSeconds(5);
    /** How far back the charts go. */
    public static final Duration KEPT = Duration.ofMinutes(15);

    private final Map<String, Deque<LogriverView.Sample>> samples = new ConcurrentHashMap<>();

    /**
     * Adds a sample of topology {@code id}; one no newer than its latest is ignored (the workers' reports come every
     * 10 s, the sampler more often), and samples older than {@link #KEPT} before it leave.
     */
    public void add(String id, LogriverView.Sample s) {
        Deque<LogriverView.Sample> d = samples.computeIfAbsent(id, k -> new ArrayDeque<>());
        synchronized (d) {
            if (!d.isEmpty() && d.peekLast().epochMillis() >= s.epochMillis()) {
                return;
            }
            d.addLast(s);
            while (d.peekFirst().epochMillis() < s.epochMillis() - KEPT.toMillis()) {
                d.removeFirst();
            }
        }
    }

    /** Forgets the topologies not in {@code live} (killed ones). */
    public void retain(Set<String> live) {
        samples.keySet().retainAll(live);
    }

    /**
     * The points of topology {@code id}, oldest first: {@code t} (epoch ms), {@code perSecond} (records read per second
     * since the sample before; null for the first and after a worker restart set the counter back), {@code p50},
     * {@code p99}, {@code p999} (ms, or null).
     */
    public List<Map<String, Object>> series(String id) {
        Deque<LogriverView.Sample> d = samples.get(id);
        if (d == null) {
            return List.of();
        }
        List<LogriverView.Sample> copy;
        synchronized (d) {
            copy = new ArrayList<>(d);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        LogriverView.Sample before = null;
        for (LogriverView.Sample s : copy) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("t", s.epochMillis());
            p.put("perSecond", before == null || s.read() < before.read() ? null
                    : Math.round(10.0 * (s.read() - before.read()) * 1000 / (s.epochMillis() - before.epochMillis())) / 10.0);
            p.put("p50", s.p50());
            p.put("p99", s.p99());
            p.put("p999", s.p999());
            out.add(p);
            before = s;
        }
        return out;
    }
}
