package io.logriver.trident.ops;

import org.apache.storm.trident.operation.BaseFunction;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.tuple.Values;

/** Appends fixed values: fills the fields one kind of row lacks, so two kinds of rows can be merged. */
public final class Constant extends BaseFunction {
    private static final long serialVersionUID = 1L;

    private final Values values;

    public Constant(Object... values) {
        this.values = new Values(values);
    }

    @Override
    public void execute(TridentTuple t, TridentCollector collector) {
        collector.emit(values);
    }
}
