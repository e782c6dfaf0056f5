package io.logriver.trident;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.storm.task.IMetricsContext;
import org.apache.storm.trident.state.OpaqueValue;
import org.apache.storm.trident.state.State;
import org.apache.storm.trident.state.StateFactory;
import org.apache.storm.trident.state.map.IBackingMap;
import org.apache.storm.trident.state.map.OpaqueMap;

/**
 * The backing map of the window aggregates: opaque values (current, previous, txid) in memory, keyed by
 * [windowStart, orgID, urlKey], so a replayed batch is applied to the value before its first attempt. Keys of
 * windows more than {@code retentionMs} older than the newest window are dropped: their windows are long final.
 */
@SuppressWarnings("rawtypes") // OpaqueMap.build takes an IBackingMap of raw OpaqueValue
final class WindowMapState implements IBackingMap<OpaqueValue> {
    private final Map<List<Object>, OpaqueValue> values = new HashMap<>();
    private final long retentionMs;
    private long newestWindow = Long.MIN_VALUE;
    private long prunedBelow = Long.MIN_VALUE;

    WindowMapState(long retentionMs) {
        this.retentionMs = retentionMs;
    }

    @Override
    public List<OpaqueValue> multiGet(List<List<Object>> keys) {
        List<OpaqueValue> out = new ArrayList<>(keys.size());
        for (List<Object> k : keys) {
            out.add(values.get(k));
        }
        return out;
    }

    @Override
    public void multiPut(List<List<Object>> keys, List<OpaqueValue> vals) {
        for (int i = 0; i < keys.size(); i++) {
            values.put(keys.get(i), vals.get(i));
            newestWindow = Math.max(newestWindow, (Long) keys.get(i).get(0));
        }
        if (newestWindow - retentionMs > prunedBelow + retentionMs / 10) {
            prunedBelow = newestWindow - retentionMs;
            values.keySet().removeIf(k -> (Long) k.get(0) < prunedBelow);
        }
    }

    int size() {
        return values.size();
    }

    static final class Factory implements StateFactory {
        private static final long serialVersionUID = 1L;
        private final long retentionMs;

        Factory(long retentionMs) {
            this.retentionMs = retentionMs;
        }

        @Override
        public State makeState(Map<String, Object> conf, IMetricsContext metrics, int partitionIndex, int numPartitions) {
            return OpaqueMap.<Object>build(new WindowMapState(retentionMs));
        }
    }
}
