package io.logriver.core.bolt;

import com.codahale.metrics.Counter;
import io.logriver.logic.parse.DeadLetter;
import io.logriver.logic.parse.ParseResult;
import io.logriver.logic.parse.Session;
import io.logriver.logic.parse.SessionParser;
import io.logriver.names.Names;
import java.util.Map;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichBolt;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;

/** Validates session records: valid ones go to every join task, invalid ones to the dead-letter topic. */
public final class ParseSessionsBolt extends BaseRichBolt {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final String dlqTopic;
    private transient OutputCollector collector;
    private transient Counter invalid;

    public ParseSessionsBolt(String topic, String dlqTopic) {
        this.topic = topic;
        this.dlqTopic = dlqTopic;
    }

    @Override
    public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
        this.collector = collector;
        this.invalid = context.registerCounter(Names.M_SESSIONS_INVALID);
    }

    @Override
    public void execute(Tuple t) {
        int partition = t.getIntegerByField(Names.PARTITION);
        if (t.getBooleanByField(Names.CONTROL)) {
            EndOfInput.forward(collector, t, partition);
            return;
        }
        long offset = t.getLongByField(Names.OFFSET);
        byte[] value = t.getBinaryByField(Names.VALUE);
        ParseResult<Session> s = SessionParser.parse(value);
        if (s.isOk()) {
            collector.emit(t, new Values(partition, offset, s.value()));
        } else {
            invalid.inc();
            collector.emit(Names.INVALID_STREAM, t, SinkBolt.values(dlqTopic,
                    DeadLetter.of(s.reason(), topic, partition, offset, value)));
        }
        collector.ack(t);
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer d) {
        d.declare(new Fields(Names.PARTITION, Names.OFFSET, Names.SESSION));
        d.declareStream(Names.INVALID_STREAM, SinkBolt.FIELDS);
        d.declareStream(Names.END_STREAM, EndOfInput.FIELDS);
    }
}
