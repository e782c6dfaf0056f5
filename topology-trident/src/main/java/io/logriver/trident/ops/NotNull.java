package io.logriver.trident.ops;

import org.apache.storm.trident.operation.BaseFilter;
import org.apache.storm.trident.tuple.TridentTuple;

/** Keeps tuples whose (single) input field is set: splits a stream where a function filled one field or another. */
public final class NotNull extends BaseFilter {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isKeep(TridentTuple t) {
        return t.getValue(0) != null;
    }
}
