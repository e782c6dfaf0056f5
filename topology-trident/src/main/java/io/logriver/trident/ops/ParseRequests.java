package io.logriver.trident.ops;

import com.codahale.metrics.Counter;
import io.logriver.logic.parse.DeadLetter;
import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.logic.parse.ParseResult;
import io.logriver.logic.parse.Request;
import io.logriver.logic.parse.RequestParser;
import io.logriver.names.Names;
import java.util.Map;
import org.apache.storm.trident.operation.BaseFunction;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.operation.TridentOperationContext;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.tuple.Values;

/**
 * Validates request records (as the core topology's parse bolt): emits (request, null, null), or (null, dlqKey,
 * dlqMessage) for an invalid one.
 */
public final class ParseRequests extends BaseFunction {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final FutureTimeRule future;
    private transient Counter read;
    private transient Counter invalid;

    public ParseRequests(String topic, FutureTimeRule future) {
        this.topic = topic;
        this.future = future;
    }

    @Override
    public void prepare(Map<String, Object> conf, TridentOperationContext context) {
        read = context.registerCounter(Names.M_READ);
        invalid = context.registerCounter(Names.M_INVALID);
    }

    @Override
    public void execute(TridentTuple t, TridentCollector collector) {
        if (t.getBooleanByField(Names.CONTROL)) {
            collector.emit(new Values(null, null, null));
            return;
        }
        read.inc();
        byte[] value = t.getBinaryByField(Names.VALUE);
        ParseResult<Request> r = RequestParser.parse(value, future);
        if (r.isOk()) {
            collector.emit(new Values(r.value(), null, null));
        } else {
            invalid.inc();
            DeadLetter d = DeadLetter.of(r.reason(), topic, t.getIntegerByField(Names.PARTITION),
                    t.getLongByField(Names.OFFSET), value);
            collector.emit(new Values(null, d.kafkaKey(), d.toJson()));
        }
    }
}
