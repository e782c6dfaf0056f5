package io.logriver.trident.ops;

import com.codahale.metrics.Counter;
import io.logriver.logic.parse.DeadLetter;
import io.logriver.logic.parse.ParseResult;
import io.logriver.logic.parse.Session;
import io.logriver.logic.parse.SessionParser;
import io.logriver.names.Names;
import java.util.Map;
import org.apache.storm.trident.operation.BaseFunction;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.operation.TridentOperationContext;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.tuple.Values;

/** Validates session records: emits (session, null, null), or (null, dlqKey, dlqMessage); control records are dropped. */
public final class ParseSessions extends BaseFunction {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private transient Counter invalid;

    public ParseSessions(String topic) {
        this.topic = topic;
    }

    @Override
    public void prepare(Map<String, Object> conf, TridentOperationContext context) {
        invalid = context.registerCounter(Names.M_SESSIONS_INVALID);
    }

    @Override
    public void execute(TridentTuple t, TridentCollector collector) {
        if (t.getBooleanByField(Names.CONTROL)) {
            return;
        }
        byte[] value = t.getBinaryByField(Names.VALUE);
        ParseResult<Session> s = SessionParser.parse(value);
        if (s.isOk()) {
            collector.emit(new Values(s.value(), null, null));
        } else {
            invalid.inc();
            DeadLetter d = DeadLetter.of(s.reason(), topic, t.getIntegerByField(Names.PARTITION),
                    t.getLongByField(Names.OFFSET), value);
            collector.emit(new Values(null, d.kafkaKey(), d.toJson()));
        }
    }
}
