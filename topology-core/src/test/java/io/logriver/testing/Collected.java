package io.logriver.testing;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a topology run on in-memory sources produced, shared by its tasks (in LocalCluster they run in the test's
 * JVM) under the run's name: the records its collecting sink received, the end-of-input markers it counted, and the
 * records its in-memory spouts saw fail.
 */
public final class Collected {
    private static final Map<String, Collected> RUNS = new ConcurrentHashMap<>();

    /** One record for Kafka: its topic, key and message. */
    public record Record(String topic, String key, String message) {
    }

    public final Queue<Record> records = new ConcurrentLinkedQueue<>();
    public final Queue<Object> failed = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> endMarkers = new ConcurrentHashMap<>();

    public static Collected of(String run) {
        return RUNS.computeIfAbsent(run, r -> new Collected());
    }

    public void ended(String component) {
        endMarkers.computeIfAbsent(component, k -> new AtomicInteger()).incrementAndGet();
    }

    public int endMarkers(String component) {
        AtomicInteger n = endMarkers.get(component);
        return n == null ? 0 : n.get();
    }

    /** The messages written to {@code topic}, sorted (the sink tasks receive them in no particular order). */
    public List<String> messages(String topic) {
        return records.stream().filter(r -> r.topic().equals(topic)).map(Record::message).sorted().toList();
    }

    /** Whether every sink task counted every end-of-input marker the topology sends it. */
    public boolean ended(Map<String, Integer> perSinkTask, int sinkTasks) {
        return perSinkTask.entrySet().stream().allMatch(e -> endMarkers(e.getKey()) >= e.getValue() * sinkTasks);
    }

    @Override
    public String toString() {
        return records.size() + " records, end-of-input markers " + endMarkers + ", failed " + failed;
    }
}
