package io.logriver.launcher.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cluster.ClusterLayout;
import io.logriver.launcher.metrics.Accounting;
import io.logriver.launcher.metrics.CsvMetrics;
import io.logriver.launcher.metrics.JmxMetrics;
import io.logriver.names.Names;
import io.logriver.ui.server.LogriverView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * logriver's own view of a topology: its figures from its workers' metrics reports, its latest windows and dead
 * letters from the topics its configuration names.
 */
public final class LogriverViews {
    private static final Logger LOG = LoggerFactory.getLogger(LogriverViews.class);
    private static final int WINDOW_RECORDS_PER_PARTITION = 2000;
    private static final int DEAD_LETTERS_PER_PARTITION = 1000;

    private LogriverViews() {
    }

    /** The dev cluster's topologies: figures from the workers' CSV reports in {@code storm-local/csvmetrics}. */
    public static LogriverView forCluster(ClusterLayout layout) {
        return new MetricsView((id, name) -> {
            CsvMetrics m = CsvMetrics.read(layout.csvMetrics(), id);
            String note = m.isEmpty() ? "no metrics report of " + id + " in " + layout.csvMetrics() + " yet (every 10 s)"
                    : "figures as the workers reported them at " + Instant.ofEpochSecond(m.latestReport());
            return new Figures(m.isEmpty() ? 0 : m.latestReport() * 1000, note, m::total,
                    (metric, column) -> m.maxOverComponents(metric, CSV.get(column)));
        });
    }

    /** {@code run}'s topology in this JVM: figures from its metrics reporter's MBeans. */
    public static LogriverView forLocalRun() {
        return new MetricsView((id, name) -> {
            JmxMetrics m = new JmxMetrics(name);
            return new Figures(System.currentTimeMillis(), "figures from the workers' metrics in this JVM", m::sum,
                    (metric, column) -> m.max(metric, null, JMX.get(column)));
        });
    }

    /** Where a topology's figures come from. */
    private interface FigureSource {
        Figures read(String id, String name) throws Exception;
    }

    /**
     * A topology's figures at {@code epochMillis} (0: none reported yet): {@code total} sums a counter over its tasks,
     * {@code histograms} reads a histogram's column; {@code note} says where they come from.
     */
    private record Figures(long epochMillis, String note, ToLongFunction<String> total, Histograms histograms) {
    }

    /** The view, and the samples for its charts, from one {@link FigureSource}. */
    private static final class MetricsView implements LogriverView {
        private final FigureSource source;

        MetricsView(FigureSource source) {
            this.source = source;
        }

        @Override
        public Map<String, Object> topology(String id, String name, Map<String, Object> conf) throws Exception {
            Figures f = source.read(id, name);
            return view(conf, new ArrayList<>(List.of(f.note())), f.total(), f.histograms());
        }

        @Override
        public Sample sample(String id, String name) throws Exception {
            Figures f = source.read(id, name);
            if (f.epochMillis() == 0) {
                return null;
            }
            ViewModel.Percentiles p = percentiles(f.total(), f.histograms(), Names.M_LATENCY_US);
            return new Sample(f.epochMillis(), f.total().applyAsLong(Names.M_READ), p == null ? null : p.p50(),
                    p == null ? null : p.p99(), p == null ? null : p.p999());
        }
    }

    /** A histogram's column ("p50", "p99", "p999") over the topology's tasks. */
    private interface Histograms {
        double max(String metric, String column);
    }

    private static final Map<String, String> CSV = Map.of("p50", "p50", "p99", "p99", "p999", "p999");
    private static final Map<String, String> JMX = Map.of("p50", "50thPercentile", "p99", "99thPercentile", "p999",
            "999thPercentile");

    private static Map<String, Object> view(Map<String, Object> conf, List<String> notes, ToLongFunction<String> total,
                                            Histograms histograms) {
        String kafka = String.valueOf(conf.get(LogriverConfig.BOOTSTRAP_SERVERS.name()));
        List<JsonNode> windows = tail(kafka, conf.get(LogriverConfig.TOPIC_STATS.name()), WINDOW_RECORDS_PER_PARTITION,
                notes);
        List<JsonNode> dead = tail(kafka, conf.get(LogriverConfig.TOPIC_DLQ.name()), DEAD_LETTERS_PER_PARTITION, notes);
        return ViewModel.of(Accounting.of(total), percentiles(total, histograms, Names.M_LATENCY_US),
                percentiles(total, histograms, Names.M_JOIN_WAIT_US), windows, dead, notes);
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
    private static ViewModel.Percentiles percentiles(ToLongFunction<String> total, Histograms h, String metric) {
        long count = total.applyAsLong(metric);
        if (count == 0) {
            return null;
        }
        return new ViewModel.Percentiles(count, h.max(metric, "p50") / 1000, h.max(metric, "p99") / 1000,
                h.max(metric, "p999") / 1000);
    }
}
