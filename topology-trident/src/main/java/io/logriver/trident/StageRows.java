package io.logriver.trident;

import io.logriver.core.bolt.PartitionBolt;
import io.logriver.names.Names;
import org.apache.storm.trident.operation.BaseFunction;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Values;

/** One part of a {@link StageOutput} as plain rows: the shares, the watermarks, or the late dead letters. */
final class StageRows extends BaseFunction {
    private static final long serialVersionUID = 1L;

    /** The rows of each part. */
    enum Part {
        /** (windowStart, orgID, urlKey, partition, stats), as the core topology's partition stage sends them. */
        SHARES(PartitionBolt.PARTIAL),
        /** (partition, watermark). */
        WATERMARKS(new Fields(Names.PARTITION, Names.WATERMARK)),
        /** (key, message) of the dead-letter topic. */
        LATE(new Fields(Names.KEY, Names.MESSAGE));

        final Fields fields;

        Part(Fields fields) {
            this.fields = fields;
        }
    }

    private final Part part;

    StageRows(Part part) {
        this.part = part;
    }

    @Override
    public void execute(TridentTuple t, TridentCollector collector) {
        StageOutput out = (StageOutput) t.getValue(0);
        switch (part) {
            case SHARES -> out.shares().forEach(s -> collector.emit(new Values(s.key().windowStart(), s.key().orgID(),
                    s.key().webURL(), s.partition(), s.stats())));
            case WATERMARKS -> out.watermarks().forEach(w -> collector.emit(new Values(w.partition(), w.watermark())));
            case LATE -> out.late().forEach(d -> collector.emit(new Values(d.kafkaKey(), d.toJson())));
        }
    }
}
