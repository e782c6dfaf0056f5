package io.logriver.storm.state;

import static org.apache.storm.spout.CheckPointState.Action.COMMIT;
import static org.apache.storm.spout.CheckPointState.Action.INITSTATE;
import static org.apache.storm.spout.CheckPointState.Action.PREPARE;
import static org.apache.storm.spout.CheckPointState.Action.ROLLBACK;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.storm.Config;
import org.apache.storm.spout.CheckPointState.Action;
import org.apache.storm.spout.CheckpointSpout;
import org.apache.storm.state.State;
import org.apache.storm.state.StateFactory;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.IStatefulBolt;
import org.apache.storm.topology.StatefulBoltExecutor;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;
import org.apache.storm.utils.TupleUtils;

/**
 * Storm's {@link StatefulBoltExecutor} writes each checkpoint to the state store on the executor's thread: at every
 * PREPARE and every COMMIT the bolt stops, and the tuples behind it wait, for the store's round trips (with Redis, a
 * few fsynced writes each). This executor hands those writes to a thread of its own, and goes on with the tuples:
 * <ul>
 *   <li>PREPARE: the bolt hands what changed ({@code prePrepare}, on the executor's thread), the checkpoint goes on
 *   downstream at once, anchored to the one that came in, and the state's {@code prepareCommit} runs in the
 *   background. The checkpoint tuple is acknowledged only once the write is done (failed if it failed), so the
 *   checkpoint spout decides to commit only when every task's prepared state is in the store, as with Storm's
 *   executor.</li>
 *   <li>COMMIT: likewise with {@code commit}; the tuples the bolt acknowledged before the PREPARE are acknowledged
 *   only once the commit is done, so the spouts' offsets never run ahead of the state.</li>
 *   <li>ROLLBACK and INITSTATE: as Storm does them, once any write in progress has ended.</li>
 * </ul>
 * The collector is touched only on the executor's thread (Storm 2's is not thread-safe): a finished write is answered
 * by the next tuple the executor takes, and a tick tuple a second comes to each task so that an idle one answers too.
 * Only one checkpoint action is ever in progress per task: the next comes once this one is acknowledged.
 */
public class BackgroundCheckpointExecutor<T extends State> extends StatefulBoltExecutor<T> {
    private static final long serialVersionUID = 1L;
    private static final int TICK_SECONDS = 1;

    private final IStatefulBolt<T> bolt;
    private transient State state;
    private transient boolean initialized;
    private transient List<Tuple> pendingTuples;
    private transient List<Tuple> preparedTuples;
    private transient OutputCollector out; // Storm's collector: the executor's thread alone uses it
    private transient AckDeferringCollector tracking;
    private transient ExecutorService writer;
    private transient Write inFlight;

    /** A checkpoint action whose write runs in the background; {@code toAck} are acknowledged once it is done. */
    private record Write(Tuple checkpoint, long txid, CompletableFuture<Void> done, List<Tuple> toAck) {
    }

    public BackgroundCheckpointExecutor(IStatefulBolt<T> bolt) {
        super(bolt);
        this.bolt = bolt;
    }

    @Override
    public void prepare(Map<String, Object> topoConf, TopologyContext context, OutputCollector collector) {
        String namespace = context.getThisComponentId() + "-" + context.getThisTaskId();
        prepare(topoConf, context, collector, StateFactory.getState(namespace, topoConf, context));
    }

    /** With the state given (tests). */
    void prepare(Map<String, Object> topoConf, TopologyContext context, OutputCollector collector, State state) {
        init(context, collector);
        this.out = collector;
        this.tracking = new AckDeferringCollector(collector);
        this.pendingTuples = new ArrayList<>();
        this.preparedTuples = new ArrayList<>();
        String name = "checkpoint-writer-" + context.getThisComponentId() + "-" + context.getThisTaskId();
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        bolt.prepare(topoConf, context, tracking);
        this.state = state;
    }

    @Override
    public void execute(Tuple input) {
        answerFinishedWrite();
        if (!TupleUtils.isTick(input)) {
            super.execute(input);
        }
    }

    @Override
    protected void handleTuple(Tuple input) {
        if (initialized) {
            bolt.execute(input);
        } else {
            pendingTuples.add(input);
        }
    }

    @Override
    protected void handleCheckpoint(Tuple checkpoint, Action action, long txid) {
        awaitWrite();
        if (action == PREPARE) {
            if (!initialized) {
                out.fail(checkpoint); // a task that restarted in the middle: fail fast, recovery follows
                return;
            }
            bolt.prePrepare(txid);
            preparedTuples.addAll(tracking.takeAcked());
            forward(checkpoint, action, txid);
            write(checkpoint, txid, () -> state.prepareCommit(txid), List.of());
        } else if (action == COMMIT) {
            bolt.preCommit(txid);
            forward(checkpoint, action, txid);
            List<Tuple> prepared = new ArrayList<>(preparedTuples);
            preparedTuples.clear();
            write(checkpoint, txid, () -> state.commit(txid), prepared);
        } else if (action == ROLLBACK) {
            bolt.preRollback();
            state.rollback();
            fail(preparedTuples);
            fail(tracking.takeAcked());
            answer(checkpoint, action, txid);
        } else if (action == INITSTATE) {
            if (!initialized) { // a task already running (another worker restarted) keeps its state
                @SuppressWarnings("unchecked") // the state Storm's provider makes for this bolt
                T typed = (T) state;
                bolt.initState(typed);
                initialized = true;
                pendingTuples.forEach(bolt::execute);
                pendingTuples.clear();
            }
            answer(checkpoint, action, txid);
        }
    }

    private void forward(Tuple checkpoint, Action action, long txid) {
        out.emit(CheckpointSpout.CHECKPOINT_STREAM_ID, checkpoint, new Values(txid, action));
    }

    private void answer(Tuple checkpoint, Action action, long txid) {
        forward(checkpoint, action, txid);
        out.ack(checkpoint);
    }

    private void write(Tuple checkpoint, long txid, Runnable call, List<Tuple> toAck) {
        inFlight = new Write(checkpoint, txid, CompletableFuture.runAsync(call, writer), toAck);
    }

    /** A write that has ended: its checkpoint (and the tuples it held) acknowledged, or failed. */
    private void answerFinishedWrite() {
        if (inFlight != null && inFlight.done().isDone()) {
            settle();
        }
    }

    /** Waits for the write in progress, if any, and answers it. */
    private void awaitWrite() {
        if (inFlight != null) {
            try {
                inFlight.done().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while checkpoint " + inFlight.txid() + " was written", e);
            } catch (ExecutionException e) {
                // answered by settle
            }
            settle();
        }
    }

    private void settle() {
        Write w = inFlight;
        inFlight = null;
        try {
            w.done().join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            out.reportError(cause);
            out.fail(w.checkpoint());
            preparedTuples.addAll(0, w.toAck()); // acknowledged by the commit that succeeds, or failed by a rollback
            return;
        }
        w.toAck().forEach(out::ack);
        out.ack(w.checkpoint());
    }

    private void fail(List<Tuple> tuples) {
        tuples.forEach(out::fail);
        tuples.clear();
    }

    @Override
    public void cleanup() {
        if (writer != null) {
            writer.shutdownNow();
        }
        super.cleanup();
    }

    /** The bolt's own configuration, and a tick a second so that an idle task answers a finished write. */
    @Override
    public Map<String, Object> getComponentConfiguration() {
        Map<String, Object> own = bolt.getComponentConfiguration();
        Map<String, Object> conf = own == null ? new HashMap<>() : new HashMap<>(own);
        conf.putIfAbsent(Config.TOPOLOGY_TICK_TUPLE_FREQ_SECS, TICK_SECONDS);
        return conf;
    }

    /** The bolt's collector: its acknowledgements wait for the checkpoint that holds what the tuples changed. */
    private static final class AckDeferringCollector extends OutputCollector {
        private final List<Tuple> acked = new ArrayList<>();

        AckDeferringCollector(OutputCollector delegate) {
            super(delegate);
        }

        @Override
        public void ack(Tuple input) {
            acked.add(input);
        }

        @Override
        public List<Integer> emit(String streamId, List<Object> tuple) {
            throw new UnsupportedOperationException("Bolts in a stateful topology must emit anchored tuples.");
        }

        @Override
        public void emitDirect(int taskId, String streamId, List<Object> tuple) {
            throw new UnsupportedOperationException("Bolts in a stateful topology must emit anchored tuples.");
        }

        List<Tuple> takeAcked() {
            List<Tuple> taken = new ArrayList<>(acked);
            acked.clear();
            return taken;
        }
    }
}
