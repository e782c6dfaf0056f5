package io.logriver.launcher.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cluster.ClusterLayout;
import io.logriver.launcher.metrics.Accounting;
import io.logriver.launcher.metrics.CsvMetrics;
import io.logriver.names.Names;
import io.logriver.ui.server.LogriverView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * logriver's own view of the dev cluster's topologies: their figures from the workers' CSV metrics reports, their
 * latest windows and dead letters from the topics their configuration names.
 */
public final class LogriverViews {
    private static final Logger LOG = LoggerFactory.getLogger(LogriverViews.class);
    private static final int WINDOW_RECORDS_PER_PARTITION = 2000;
    private static final int DEAD_LETTERS_PER_PARTITION = 1000;

    private LogriverViews() {
    }

    public static LogriverView forCluster(ClusterLayout layout) {
        return (id, name, conf) -> {
            List<String> notes = new ArrayList<>();
            CsvMetrics m = CsvMetrics.read(layout.csvMetrics(), id);
            if (m.isEmpty()) {
                notes.add("no metrics report of " + id + " in " + layout.csvMetrics() + " yet (every 10 s)");
            } else {
                notes.add("figures as the workers reported them at " + Instant.ofEpochSecond(m.latestReport()));
            }
            String kafka = String.valueOf(conf.get(LogriverConfig.BOOTSTRAP_SERVERS));
            List<JsonNode> windows = tail(kafka, conf.get(LogriverConfig.TOPIC_STATS), WINDOW_RECORDS_PER_PARTITION,
                    notes);
            List<JsonNode> dead = tail(kafka, conf.get(LogriverConfig.TOPIC_DLQ), DEAD_LETTERS_PER_PARTITION, notes);
            return ViewModel.of(Accounting.of(m::total), percentiles(m, Names.M_LATENCY_US),
                    percentiles(m, Names.M_JOIN_WAIT_US), windows, dead, notes);
        };
    }

    private static List<JsonNode> tail(String kafka, Object topic, int perPartition, List<String> notes) {
        if (topic == null) {
            return List.of();
        }
        try {
            return TopicTail.last(kafka, topic.toString(), perPartition);
        } catch (RuntimeException e) {
            LOG.info("the UI cannot read {} at {}", topic, kafka, e);
            notes.add("topic " + topic + " at " + kafka + " cannot be read: " + e.getMessage());
            return List.of();
        }
    }

    /** A latency histogram of microseconds, in milliseconds; null when no task reports it. */
    static ViewModel.Percentiles percentiles(CsvMetrics m, String metric) {
        long count = m.total(metric);
        if (count == 0) {
            return null;
        }
        return new ViewModel.Percentiles(count, m.maxOverComponents(metric, "p50") / 1000,
                m.maxOverComponents(metric, "p99") / 1000, m.maxOverComponents(metric, "p999") / 1000);
    }
}
