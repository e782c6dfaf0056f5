package io.logriver.storm.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.storm.task.IOutputCollector;
import org.apache.storm.tuple.Tuple;

/**
 * Storm's side of a bolt's collector, outside Storm: every emit, ack, fail and reported error, in order (thread-safe,
 * for a bolt that hands work to a thread of its own). Wrap it in an {@code OutputCollector} for the bolt.
 */
public class RecordingCollector implements IOutputCollector {

    /** One emit: the stream, the anchors (empty when unanchored) and the values. */
    public record Emit(String stream, List<Tuple> anchors, List<Object> values) {
    }

    public final List<Emit> emits = new CopyOnWriteArrayList<>();
    public final List<Tuple> acked = new CopyOnWriteArrayList<>();
    public final List<Tuple> failed = new CopyOnWriteArrayList<>();
    public final List<Throwable> errors = new CopyOnWriteArrayList<>();
    /** Emits anchored to a tuple that was already acked or failed: the acker would never see their edge. */
    public final List<String> anchoredAfterAck = new CopyOnWriteArrayList<>();

    @Override
    public List<Integer> emit(String streamId, Collection<Tuple> anchors, List<Object> tuple) {
        List<Tuple> a = anchors == null ? List.of() : List.copyOf(anchors);
        for (Tuple anchor : a) {
            if (acked.stream().anyMatch(x -> x == anchor) || failed.stream().anyMatch(x -> x == anchor)) {
                anchoredAfterAck.add(streamId + " " + tuple + " anchored to already acked " + anchor.getValues());
            }
        }
        emits.add(new Emit(streamId, a, new ArrayList<>(tuple))); // values may be null
        return List.of(1);
    }

    @Override
    public void emitDirect(int taskId, String streamId, Collection<Tuple> anchors, List<Object> tuple) {
        throw new AssertionError("no bolt of logriver emits direct");
    }

    @Override
    public void ack(Tuple input) {
        acked.add(input);
    }

    @Override
    public void fail(Tuple input) {
        failed.add(input);
    }

    @Override
    public void resetTimeout(Tuple input) {
    }

    @Override
    public void flush() {
    }

    @Override
    public void reportError(Throwable error) {
        errors.add(error);
    }
}
