package io.logriver.storm.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.logriver.storm.testing.RecordingCollector;
import org.apache.storm.Config;
import org.apache.storm.Constants;
import org.apache.storm.generated.GlobalStreamId;
import org.apache.storm.generated.Grouping;
import org.apache.storm.spout.CheckPointState.Action;
import org.apache.storm.spout.CheckpointSpout;
import org.apache.storm.state.State;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.IStatefulBolt;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.tuple.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundCheckpointExecutorTest {
    private final RecordingCollector out = new RecordingCollector();
    private final Store store = new Store();
    private final Bolt bolt = new Bolt();
    private final BackgroundCheckpointExecutor<State> executor = new BackgroundCheckpointExecutor<>(bolt);

    BackgroundCheckpointExecutorTest() {
        TopologyContext context = mock(TopologyContext.class);
        when(context.getThisComponentId()).thenReturn("stage");
        when(context.getThisTaskId()).thenReturn(3);
        when(context.getThisSources()).thenReturn(Map.of(
                new GlobalStreamId(CheckpointSpout.CHECKPOINT_COMPONENT_ID, CheckpointSpout.CHECKPOINT_STREAM_ID),
                new Grouping()));
        when(context.getComponentTasks(CheckpointSpout.CHECKPOINT_COMPONENT_ID)).thenReturn(List.of(1));
        executor.prepare(Map.of(), context, new OutputCollector(out), store);
        executor.execute(checkpoint(0, Action.INITSTATE));
    }

    @AfterEach
    void stop() {
        store.release();
        executor.cleanup();
    }

    @Test
    void tuplesGoOnWhileAPrepareIsWrittenAndItsCheckpointIsAcknowledgedOnceTheWriteIsDone() throws Exception {
        Tuple before = data("a");
        executor.execute(before);
        store.hold();
        Tuple prepare = checkpoint(1, Action.PREPARE);
        executor.execute(prepare);
        assertTrue(store.started.get(5, TimeUnit.SECONDS), "the prepare is written");
        assertEquals(List.of(Action.PREPARE), forwarded(), "the checkpoint goes downstream at once");

        executor.execute(data("b"));
        assertEquals(List.of("a", "b"), bolt.seen, "the bolt went on while Redis wrote");
        assertFalse(out.acked.contains(prepare), "not acknowledged before the write is done");

        store.release();
        store.finished.get(5, TimeUnit.SECONDS);
        answered(() -> executor.execute(data("c")), () -> out.acked.contains(prepare));
        assertFalse(out.acked.contains(before), "a tuple waits for the commit");
        assertEquals(List.of("prepare 1"), store.calls);
    }

    @Test
    void theTuplesBeforeAPrepareAreAcknowledgedOnceItsCommitIsWritten() throws Exception {
        Tuple before = data("a");
        executor.execute(before);
        Tuple prepare = checkpoint(1, Action.PREPARE);
        executor.execute(prepare);
        Tuple after = data("b");
        executor.execute(after);
        answered(() -> executor.execute(tick()), () -> out.acked.contains(prepare));
        store.reset();
        store.hold();
        Tuple commit = checkpoint(1, Action.COMMIT);
        executor.execute(commit);
        store.started.get(5, TimeUnit.SECONDS);
        assertFalse(out.acked.contains(before), "not before the commit is written");
        store.release();
        answered(() -> executor.execute(tick()), () -> out.acked.contains(commit));
        assertTrue(out.acked.contains(before), "a tick answers an idle task");
        assertFalse(out.acked.contains(after), "it belongs to the next checkpoint");
        assertEquals(List.of("a", "b"), bolt.seen, "ticks do not reach the bolt");
        assertEquals(List.of("prepare 1", "commit 1"), store.calls);
    }

    @Test
    void aWriteThatFailsFailsItsCheckpointAndReportsWhy() throws Exception {
        executor.execute(data("a"));
        store.failNext = new IllegalStateException("Redis at redis://127.0.0.1:1: connection refused");
        Tuple prepare = checkpoint(1, Action.PREPARE);
        executor.execute(prepare);
        answered(() -> executor.execute(tick()), () -> out.failed.contains(prepare));
        assertSame(store.failNext, out.errors.get(0));
        assertFalse(out.acked.contains(prepare));
    }

    @Test
    void aRollbackWaitsForTheWriteInProgressThenFailsWhatTheCheckpointHeld() throws Exception {
        Tuple before = data("a");
        executor.execute(before);
        store.hold();
        executor.execute(checkpoint(1, Action.PREPARE));
        store.started.get(5, TimeUnit.SECONDS);
        CompletableFuture<Void> rollback = CompletableFuture.runAsync(
                () -> executor.execute(checkpoint(1, Action.ROLLBACK)));
        Thread.sleep(200);
        assertFalse(rollback.isDone(), "the rollback waits for the prepare being written");
        store.release();
        rollback.get(5, TimeUnit.SECONDS);
        assertTrue(out.failed.contains(before));
        assertEquals(List.of("prepare 1", "rollback"), store.calls);
        assertEquals(1, bolt.rollbacks);
    }

    @Test
    void anIdleTaskGetsATickASecond() {
        assertEquals(1, executor.getComponentConfiguration().get(Config.TOPOLOGY_TICK_TUPLE_FREQ_SECS));
    }

    /** Gives the executor turns (a write is answered on the executor's thread) until {@code done}, for 5 s at most. */
    private static void answered(Runnable turn, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not answered within 5 s");
            Thread.sleep(1);
            turn.run();
        }
    }

    /** The checkpoints sent on downstream, anchored, after the first (INITSTATE). */
    private List<Action> forwarded() {
        out.emits.forEach(e -> assertFalse(e.anchors().isEmpty(), "anchored: " + e));
        return out.emits.stream().filter(e -> e.stream().equals(CheckpointSpout.CHECKPOINT_STREAM_ID))
                .map(e -> (Action) e.values().get(1)).filter(a -> a != Action.INITSTATE).toList();
    }

    private static Tuple checkpoint(long txid, Action action) {
        Tuple t = tuple(CheckpointSpout.CHECKPOINT_COMPONENT_ID, CheckpointSpout.CHECKPOINT_STREAM_ID, txid);
        when(t.getValueByField(CheckpointSpout.CHECKPOINT_FIELD_ACTION)).thenReturn(action);
        when(t.getLongByField(CheckpointSpout.CHECKPOINT_FIELD_TXID)).thenReturn(txid);
        return t;
    }

    private static Tuple data(String value) {
        return tuple("upstream", "default", value);
    }

    private static Tuple tick() {
        return tuple(Constants.SYSTEM_COMPONENT_ID, Constants.SYSTEM_TICK_STREAM_ID, 1);
    }

    private static Tuple tuple(String component, String stream, Object value) {
        Tuple t = mock(Tuple.class);
        when(t.getSourceComponent()).thenReturn(component);
        when(t.getSourceStreamId()).thenReturn(stream);
        when(t.getValue(0)).thenReturn(value);
        return t;
    }

    /** A state whose writes can be held until the test lets them go. */
    private static final class Store implements State {
        final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile CompletableFuture<Boolean> started = new CompletableFuture<>();
        volatile CompletableFuture<Void> finished = new CompletableFuture<>();
        volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
        volatile RuntimeException failNext;

        void hold() {
            gate = new CompletableFuture<>();
        }

        void release() {
            gate.complete(null);
        }

        void reset() {
            started = new CompletableFuture<>();
            finished = new CompletableFuture<>();
        }

        private void write(String call) {
            started.complete(true);
            try {
                gate.join();
                if (failNext != null) {
                    throw failNext;
                }
                calls.add(call);
            } finally {
                finished.complete(null);
            }
        }

        @Override
        public void prepareCommit(long txid) {
            write("prepare " + txid);
        }

        @Override
        public void commit(long txid) {
            write("commit " + txid);
        }

        @Override
        public void commit() {
            write("commit");
        }

        @Override
        public void rollback() {
            calls.add("rollback");
        }
    }

    /** Acknowledges every tuple at once, as logriver's bolts do once they have applied it. */
    private static final class Bolt implements IStatefulBolt<State> {
        final List<Object> seen = new ArrayList<>();
        int rollbacks;
        private OutputCollector collector;

        @Override
        public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
            this.collector = collector;
        }

        @Override
        public void execute(Tuple input) {
            seen.add(input.getValue(0));
            collector.ack(input);
        }

        @Override
        public void initState(State state) {
        }

        @Override
        public void prePrepare(long txid) {
        }

        @Override
        public void preCommit(long txid) {
        }

        @Override
        public void preRollback() {
            rollbacks++;
        }

        @Override
        public void cleanup() {
        }

        @Override
        public void declareOutputFields(OutputFieldsDeclarer declarer) {
        }

        @Override
        public Map<String, Object> getComponentConfiguration() {
            return null;
        }
    }
}
