package io.logriver.core.bolt;

import io.logriver.names.Names;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;

/**
 * The end-of-input punctuation: a producer that has written all its input (file mode) appends a control record
 * to each partition; each stage passes it on, behind the data of that partition, on stream {@code end-of-input}.
 */
public final class EndOfInput {
    static final Fields FIELDS = new Fields(Names.PARTITION);

    private EndOfInput() {
    }

    /** Emits the marker of {@code partition} downstream, anchored, and acks the input. */
    static void forward(OutputCollector collector, Tuple input, int partition) {
        collector.emit(Names.END_STREAM, input, new Values(partition));
        collector.ack(input);
    }
}
