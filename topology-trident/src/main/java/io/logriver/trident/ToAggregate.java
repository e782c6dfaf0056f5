package io.logriver.trident;

import io.logriver.core.Names;
import io.logriver.logic.Request;
import org.apache.storm.trident.operation.BaseFunction;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.tuple.Values;

/** (request) to (urlKey, durationMillis, error): what the aggregate groups by and adds up. */
final class ToAggregate extends BaseFunction {
    private static final long serialVersionUID = 1L;

    @Override
    public void execute(TridentTuple t, TridentCollector collector) {
        Request r = (Request) t.getValueByField(Names.REQUEST);
        collector.emit(new Values(r.urlKey(), r.durationMillis(), r.isError()));
    }
}
