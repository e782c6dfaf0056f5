package io.logriver.trident;

import io.logriver.logic.Pending;
import io.logriver.logic.parse.Request;
import io.logriver.logic.parse.Session;
import io.logriver.names.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.storm.trident.operation.BaseAggregator;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Values;

/**
 * Gathers a batch's records of the partitions a stage task holds into one row, in offset order per partition (the
 * tasks before it may hand them on in any order). An aggregator completes every batch on every task, even one that
 * brought the task no record, so the stage's state sees every batch, replays included: a replay that no longer holds
 * a record for a task still undoes what its first attempt did there.
 */
final class CollectArrivals extends BaseAggregator<List<Arrival>> {
    private static final long serialVersionUID = 1L;

    static final Fields INPUT = new Fields(Names.PARTITION, Names.OFFSET, Names.VALUE, Names.REQUEST, Names.SESSION,
            Names.EMIT_NANOS, Names.SCHED_NANOS, Names.CONTROL);
    static final Fields OUTPUT = new Fields("arrivals");

    private static final Comparator<Arrival> ORDER = Comparator.comparingInt(Arrival::partition)
            .thenComparingLong(Arrival::offset);

    @Override
    public List<Arrival> init(Object batchId, TridentCollector collector) {
        return new ArrayList<>();
    }

    @Override
    public void aggregate(List<Arrival> batch, TridentTuple t, TridentCollector collector) {
        Pending read = new Pending(t.getInteger(0), t.getLong(1), (Request) t.getValue(3), t.getLong(5), t.getLong(6),
                -1);
        batch.add(new Arrival(read, t.getBinary(2), (Session) t.getValue(4), t.getBoolean(7)));
    }

    @Override
    public void complete(List<Arrival> batch, TridentCollector collector) {
        batch.sort(ORDER);
        collector.emit(new Values(batch));
    }
}
