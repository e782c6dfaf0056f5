package io.logriver.core.bolt;

import com.codahale.metrics.Histogram;
import io.logriver.config.LogriverConfig;
import io.logriver.logic.parse.FilterRules;
import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.logic.parse.ParseResult;
import io.logriver.logic.parse.Request;
import io.logriver.logic.parse.RequestParser;
import io.logriver.names.Names;
import io.logriver.storm.metrics.IntervalReservoir;
import java.util.Arrays;
import java.util.Map;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichBolt;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;

/**
 * Validates and filters request records, a function of each record and the wall clock (a request too far ahead of it is
 * invalid: {@link FutureTimeRule}): it passes every record on with its verdict
 * ({@code valid} with the parsed request, {@code filtered}, the reason it is invalid, or the end of input), so that the
 * partition stage, which keeps the partition's order and state, counts and routes each one exactly once.
 */
public final class ParseBolt extends BaseRichBolt {
    private static final long serialVersionUID = 1L;

    public static final Fields FIELDS = new Fields(Names.PARTITION, Names.OFFSET, Names.VALUE, Names.VERDICT,
            Names.REQUEST, Names.EMIT_NANOS, Names.SCHED_NANOS, Names.INCARNATION);

    private final FilterRules rules;
    private final FutureTimeRule future;
    private transient OutputCollector collector;
    private transient Histogram stageMicros;

    /** @param future makes a request too far ahead of the wall clock invalid ({@code future-time}) */
    public ParseBolt(FilterRules rules, FutureTimeRule future) {
        this.rules = rules;
        this.future = future;
    }

    @Override
    public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
        this.collector = collector;
        this.stageMicros = IntervalReservoir.register(context, LogriverConfig.METRICS_INTERVAL_S.in(conf),
                Names.M_STAGE_US);
    }

    @Override
    public void execute(Tuple t) {
        long start = System.nanoTime();
        byte[] value = t.getBinaryByField(Names.VALUE);
        Request request = null;
        String verdict;
        if (t.getBooleanByField(Names.CONTROL)) {
            verdict = Names.END_OF_INPUT;
        } else {
            ParseResult<Request> r = RequestParser.parse(value, future);
            if (!r.isOk()) {
                verdict = r.reason();
            } else if (!rules.accepts(r.value())) {
                verdict = Names.FILTERED;
            } else {
                verdict = Names.VALID;
                request = r.value();
            }
        }
        collector.emit(t, Arrays.asList(t.getIntegerByField(Names.PARTITION), t.getLongByField(Names.OFFSET),
                value, verdict, request, t.getLongByField(Names.EMIT_NANOS),
                t.getLongByField(Names.SCHED_NANOS), t.getLongByField(Names.INCARNATION))); // no copy, as a Values makes
        collector.ack(t);
        stageMicros.update((System.nanoTime() - start) / 1000);
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer d) {
        d.declare(FIELDS);
    }
}
