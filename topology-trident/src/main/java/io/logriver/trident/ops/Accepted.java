package io.logriver.trident.ops;

import com.codahale.metrics.Counter;
import io.logriver.logic.parse.FilterRules;
import io.logriver.logic.parse.Request;
import io.logriver.names.Names;
import java.util.Map;
import org.apache.storm.trident.operation.BaseFilter;
import org.apache.storm.trident.operation.TridentOperationContext;
import org.apache.storm.trident.tuple.TridentTuple;

/** Keeps valid requests the filter rules accept, and end-of-input control records; counts what the rules drop. */
public final class Accepted extends BaseFilter {
    private static final long serialVersionUID = 1L;

    private final FilterRules rules;
    private transient Counter filtered;

    public Accepted(FilterRules rules) {
        this.rules = rules;
    }

    @Override
    public void prepare(Map<String, Object> conf, TridentOperationContext context) {
        filtered = context.registerCounter(Names.M_FILTERED);
    }

    @Override
    public boolean isKeep(TridentTuple t) {
        if (t.getBooleanByField(Names.CONTROL)) {
            return true;
        }
        Request r = (Request) t.getValueByField(Names.REQUEST);
        if (r == null) {
            return false; // invalid: dead-lettered by the parse step
        }
        if (rules.accepts(r)) {
            return true;
        }
        filtered.inc();
        return false;
    }
}
