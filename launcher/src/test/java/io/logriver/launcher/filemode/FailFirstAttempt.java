package io.logriver.launcher.filemode;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.storm.topology.FailedException;
import org.apache.storm.trident.operation.BaseFunction;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.tuple.TridentTuple;
import org.apache.storm.tuple.Values;

/**
 * Fails a batch the first time it carries one of the chosen rows (about one in {@code every}, chosen by the hash of
 * the row's values), so that batch is replayed; lets every later attempt through. Static state: the topology runs in
 * the test's JVM (LocalCluster).
 */
final class FailFirstAttempt extends BaseFunction {
    private static final long serialVersionUID = 1L;
    static final Set<String> FAILED = ConcurrentHashMap.newKeySet();
    static final AtomicInteger FAILURES = new AtomicInteger();

    private final int every;

    FailFirstAttempt(int every) {
        this.every = every;
    }

    @Override
    public void execute(TridentTuple t, TridentCollector collector) {
        String key = t.getValues().toString();
        if (Math.floorMod(key.hashCode(), every) == 0 && FAILED.add(key)) {
            FAILURES.incrementAndGet();
            throw new FailedException("injected failure on the first attempt of the batch carrying " + key);
        }
        collector.emit(new Values());
    }
}
