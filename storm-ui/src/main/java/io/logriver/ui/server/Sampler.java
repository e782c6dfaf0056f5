package io.logriver.ui.server;

import io.logriver.ui.nimbus.NimbusApi;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.storm.generated.TopologySummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks the {@link LogriverView} for a sample of each topology on Nimbus every {@link Timeline#SAMPLE_PERIOD}. */
final class Sampler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sampler.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ui-sampler");
        t.setDaemon(true);
        return t;
    });

    Sampler(NimbusApi nimbus, LogriverView view, Timeline timeline) {
        long period = Timeline.SAMPLE_PERIOD.toMillis();
        timer.scheduleAtFixedRate(() -> sampleAll(nimbus, view, timeline), 0, period, TimeUnit.MILLISECONDS);
    }

    private static void sampleAll(NimbusApi nimbus, LogriverView view, Timeline timeline) {
        try {
            Set<String> live = new HashSet<>();
            for (TopologySummary t : nimbus.getTopologySummaries()) {
                live.add(t.get_id());
                LogriverView.Sample s = view.sample(t.get_id(), t.get_name());
                if (s != null) {
                    timeline.add(t.get_id(), s);
                }
            }
            timeline.retain(live);
        } catch (Exception e) { // Nimbus away, or a topology gone between the two calls: the next round tries again
            LOG.debug("sampling the topologies for the charts", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
