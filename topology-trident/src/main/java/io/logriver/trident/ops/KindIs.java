package io.logriver.trident.ops;

import org.apache.storm.trident.operation.BaseFilter;
import org.apache.storm.trident.tuple.TridentTuple;

/** Keeps tuples whose (single) input field, the kind of row, equals the given one. */
public final class KindIs extends BaseFilter {
    private static final long serialVersionUID = 1L;

    private final String kind;

    public KindIs(String kind) {
        this.kind = kind;
    }

    @Override
    public boolean isKeep(TridentTuple t) {
        return kind.equals(t.getString(0));
    }
}
