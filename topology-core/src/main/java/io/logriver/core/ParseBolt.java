package io.logriver.core;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Histogram;
import io.logriver.logic.DeadLetter;
import io.logriver.logic.FutureTimeRule;
import io.logriver.logic.ParseResult;
import io.logriver.logic.Request;
import io.logriver.logic.RequestParser;
import java.util.Map;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichBolt;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;

/**
 * Validates request records (event times too far ahead of the wall clock included): valid ones go on, invalid ones to
 * the dead-letter topic on stream {@code invalid}.
 */
public final class ParseBolt extends BaseRichBolt {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final String dlqTopic;
    private final FutureTimeRule future;
    private transient OutputCollector collector;
    private transient Counter read;
    private transient Counter invalid;
    private transient Histogram stageMicros;

    public ParseBolt(String topic, String dlqTopic, FutureTimeRule future) {
        this.topic = topic;
        this.dlqTopic = dlqTopic;
        this.future = future;
    }

    @Override
    public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
        this.collector = collector;
        this.read = context.registerCounter(Names.M_READ);
        this.invalid = context.registerCounter(Names.M_INVALID);
        this.stageMicros = context.registerHistogram(Names.M_STAGE_US);
    }

    @Override
    public void execute(Tuple t) {
        long start = System.nanoTime();
        int partition = t.getIntegerByField(Names.PARTITION);
        if (t.getBooleanByField(Names.CONTROL)) {
            EndOfInput.forward(collector, t, partition);
            return;
        }
        read.inc();
        long offset = t.getLongByField(Names.OFFSET);
        byte[] value = t.getBinaryByField(Names.VALUE);
        ParseResult<Request> r = RequestParser.parse(value, future);
        if (r.isOk()) {
            collector.emit(t, new Values(partition, offset, value, r.value(), t.getLongByField(Names.EMIT_NANOS),
                    t.getLongByField(Names.SCHED_NANOS)));
        } else {
            invalid.inc();
            DeadLetter d = DeadLetter.of(r.reason(), topic, partition, offset, value);
            collector.emit(Names.INVALID_STREAM, t, SinkBolt.values(dlqTopic, d));
        }
        collector.ack(t);
        stageMicros.update((System.nanoTime() - start) / 1000);
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer d) {
        d.declare(new Fields(Names.PARTITION, Names.OFFSET, Names.VALUE, Names.REQUEST, Names.EMIT_NANOS,
                Names.SCHED_NANOS));
        d.declareStream(Names.INVALID_STREAM, SinkBolt.FIELDS);
        d.declareStream(Names.END_STREAM, EndOfInput.FIELDS);
    }
}
