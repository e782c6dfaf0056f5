package io.logriver.trident.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.storm.trident.BatchEvents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.storm.topology.FailedException;
import org.apache.storm.topology.ReportedFailedException;
import org.junit.jupiter.api.Test;

/** The undo log under every Trident state, on a state of named counters and a store in memory. */
public class LoggedStateTest {

    /** Named counters; a counter at 0 is removed. */
    public static final class Counters extends LoggedState {
        final Map<String, Integer> values = new TreeMap<>();
        private final Map<String, Boolean> changed = new HashMap<>();

        public Counters(EntryStore store) {
            super(store);
        }

        public void add(String name, int n) {
            values.merge(name, n, Integer::sum);
            values.remove(name, 0);
            changed.put(name, true);
        }

        @Override
        protected void changes(BiConsumer<String, byte[]> put, Consumer<String> delete) {
            changed.keySet().forEach(k -> {
                if (values.containsKey(k)) {
                    put.accept(k, values.get(k).toString().getBytes(StandardCharsets.UTF_8));
                } else {
                    delete.accept(k);
                }
            });
            changed.clear();
        }

        @Override
        protected void restore(Iterable<Map.Entry<String, byte[]>> entries) {
            values.clear();
            changed.clear();
            entries.forEach(e -> values.put(e.getKey(), Integer.parseInt(new String(e.getValue(), StandardCharsets.UTF_8))));
        }

        @Override
        protected int openKeys() {
            return values.size();
        }

        /** One batch as Trident's commit runs it: begin, the update (here: these additions), commit. */
        public Counters batch(long txid, Object... nameAndCount) {
            beginCommit(txid);
            for (int i = 0; i < nameAndCount.length; i += 2) {
                add((String) nameAndCount[i], (Integer) nameAndCount[i + 1]);
            }
            commit(txid);
            return this;
        }
    }

    /** A store that fails its next write, before or after it has really written. */
    public static final class FlakyStore implements EntryStore {
        public final MemoryEntryStore store = new MemoryEntryStore();
        public boolean failNextWrite;
        boolean failAfterWriting;

        @Override
        public Snapshot load() {
            return store.load();
        }

        @Override
        public void write(long txid, Map<String, byte[]> written, Map<String, byte[]> before) {
            if (failNextWrite && !failAfterWriting) {
                failNextWrite = false;
                throw new IllegalStateException("Redis at redis://127.0.0.1:1 (logriver.redis.url): Connection refused");
            }
            store.write(txid, written, before);
            if (failNextWrite) {
                failNextWrite = false;
                throw new IllegalStateException("Redis at redis://127.0.0.1:1 (logriver.redis.url): Read timed out");
            }
        }
    }

    private final MemoryEntryStore store = new MemoryEntryStore();

    @Test
    public void eachBatchIsOneWriteAndAStateMadeAgainFromTheStoreContinuesFromTheLastBatch() {
        Counters a = new Counters(store).batch(1, "x", 1, "y", 2).batch(2, "x", 1);
        assertEquals(2, store.writes());

        Counters restarted = new Counters(store).batch(3, "y", 5);
        assertEquals(Map.of("x", 2, "y", 7), restarted.values);
        assertEquals(Map.of("x", 2, "y", 2), a.values, "the first state saw nothing of batch 3");
    }

    @Test
    public void aRecordingSeesEachCommitWithWhatItWrote() throws Exception {
        Path file = Files.createTempFile("logged-state", ".jfr");
        try (Recording r = new Recording()) {
            r.enable(BatchEvents.Commit.NAME);
            r.start();
            new Counters(store).batch(7, "x", 1, "yy", 22).batch(8, "x", -1);
            r.stop();
            r.dump(file);
            List<RecordedEvent> events = RecordingFile.readAllEvents(file);
            assertEquals(2, events.size());
            RecordedEvent first = events.get(0);
            assertEquals("Counters", first.getString("state"));
            assertEquals(7, first.getLong("txid"));
            assertEquals(2, first.getLong("entries"));
            assertEquals(3, first.getLong("bytes")); // "1" and "22"
            assertTrue(first.getLong("writeNanos") > 0 && first.getLong("encodeNanos") > 0);
            assertTrue(first.getDuration().toNanos() >= first.getLong("writeNanos") + first.getLong("encodeNanos"));
            assertEquals(8, events.get(1).getLong("txid"));
            assertEquals(1, events.get(1).getLong("entries")); // x removed
            assertEquals(0, events.get(1).getLong("bytes"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    public void aReplayUndoesTheWholeFirstAttemptEvenKeysTheReplayNoLongerHolds() {
        Counters c = new Counters(store).batch(1, "x", 1).batch(2, "x", 10, "gone", 3);

        c.batch(2, "x", 20, "new", 1);

        assertEquals(Map.of("x", 21, "new", 1), c.values);
        assertEquals(Map.of("x", 21, "new", 1), new Counters(store).batch(3).values, "the store holds the same");
    }

    @Test
    public void aReplayAfterARestartUndoesTheAttemptTheStoreHolds() {
        new Counters(store).batch(1, "x", 1).batch(2, "x", 10, "gone", 3);

        Counters restarted = new Counters(store).batch(2, "x", 4);

        assertEquals(Map.of("x", 5), restarted.values);
    }

    @Test
    public void aBatchReplayedSeveralTimesIsCountedOnce() {
        Counters c = new Counters(store).batch(1, "x", 1).batch(2, "a", 1).batch(2, "b", 1).batch(2, "c", 1);

        assertEquals(Map.of("x", 1, "c", 1), c.values);
        assertEquals(Map.of("x", 1, "c", 1), new Counters(store).batch(3).values);
    }

    @Test
    public void aBatchThatFailsWhileBeingAppliedLeavesNoTrace() {
        Counters c = new Counters(store).batch(1, "x", 1);
        c.beginCommit(2L);
        c.add("x", 100); // then the updater throws: Trident never calls commit, and replays the batch

        c.batch(2, "x", 2);

        assertEquals(Map.of("x", 3), c.values);
    }

    @Test
    public void aFailedWriteFailsTheBatchNamingTheStoreAndTheReplayIsAppliedOnce() {
        FlakyStore flaky = new FlakyStore();
        Counters c = new Counters(flaky).batch(1, "x", 1);
        flaky.failNextWrite = true;

        FailedException e = assertThrows(ReportedFailedException.class, () -> c.batch(2, "x", 10));
        assertTrue(e.getMessage().contains("redis://127.0.0.1:1"), e.getMessage());

        c.batch(2, "x", 10);
        assertEquals(Map.of("x", 11), c.values);
    }

    @Test
    public void aWriteThatReachedTheStoreThoughItFailedIsUndoneByTheReplay() {
        FlakyStore flaky = new FlakyStore();
        Counters c = new Counters(flaky).batch(1, "x", 1);
        flaky.failNextWrite = true;
        flaky.failAfterWriting = true;

        assertThrows(ReportedFailedException.class, () -> c.batch(2, "x", 10, "y", 1));
        c.batch(2, "x", 20);

        assertEquals(Map.of("x", 21), c.values);
        assertEquals(Map.of("x", 21), new Counters(flaky).batch(3).values);
    }

    @Test
    public void aBatchIdThatSkipsAheadOfTheStoreIsRefused() {
        new Counters(store).batch(7, "x", 1);
        Counters c = new Counters(store);

        FailedException e = assertThrows(ReportedFailedException.class, () -> c.batch(3, "x", 1));
        assertTrue(e.getMessage().contains("left by batch 7, the next batch is 3"), e.getMessage());
        assertThrows(ReportedFailedException.class, () -> c.batch(9, "x", 1));
        assertEquals(List.of(1), List.copyOf(new Counters(store).batch(8).values.values()));
    }

    @Test
    public void afterCommitRunsOnlyOnceTheBatchIsWritten() {
        FlakyStore flaky = new FlakyStore();
        Counters c = new Counters(flaky);
        int[] runs = {0};
        flaky.failNextWrite = true;
        c.beginCommit(1L);
        c.afterCommit(() -> runs[0]++);
        assertThrows(ReportedFailedException.class, () -> c.commit(1L));
        assertEquals(0, runs[0]);

        c.beginCommit(1L);
        c.afterCommit(() -> runs[0]++);
        c.commit(1L);
        assertEquals(1, runs[0]);
    }

    /** A durable store (as Redis is) that can lose everything it holds, as a Redis restarted without its file does. */
    static final class DurableStore implements EntryStore {
        MemoryEntryStore store = new MemoryEntryStore();

        @Override
        public Snapshot load() {
            return store.load();
        }

        @Override
        public void write(long txid, Map<String, byte[]> written, Map<String, byte[]> before) {
            store.write(txid, written, before);
        }

        @Override
        public boolean durable() {
            return true;
        }

        @Override
        public String toString() {
            return "Redis at redis://127.0.0.1:1 (logriver:trident:t:*)";
        }
    }

    @Test
    void aDurableStoreThatLostItsBatchesStopsTheStateInsteadOfStartingFromNothing() {
        DurableStore durable = new DurableStore();
        new Counters(durable).batch(1, "x", 1).batch(2, "x", 1);
        durable.store = new MemoryEntryStore(); // Redis came back empty

        Counters restarted = new Counters(durable);
        FailedException e = assertThrows(ReportedFailedException.class, () -> restarted.batch(3, "x", 1));
        assertTrue(e.getMessage().startsWith("Redis at redis://127.0.0.1:1 (logriver:trident:t:*) holds no batch of this "
                + "state, yet Trident's transaction ids (in Storm's ZooKeeper) are at batch 3: Redis lost"), e.getMessage());
        assertThrows(ReportedFailedException.class, () -> restarted.batch(3, "x", 1), "and again on the replay");
        assertEquals(0, durable.store.writes(), "nothing written over the lost state");
    }

    @Test
    void aDurableStoreStartsEmptyAtTheFirstBatchAndAMemoryStoreAnywhere() {
        assertEquals(Map.of("x", 1), new Counters(new DurableStore()).batch(1, "x", 1).values);
        assertEquals(Map.of("x", 1), new Counters(new MemoryEntryStore()).batch(5, "x", 1).values);
    }
}
