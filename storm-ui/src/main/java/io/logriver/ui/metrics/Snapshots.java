package io.logriver.ui.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects data points by metric name, then builds one snapshot per metric: the Prometheus client wants every data
 * point of a metric in one snapshot, and a scrape visits topologies and components one at a time.
 */
public final class Snapshots {
    private final Map<String, String> help = new LinkedHashMap<>();
    private final Map<String, List<GaugeSnapshot.GaugeDataPointSnapshot>> gauges = new LinkedHashMap<>();
    private final Map<String, List<CounterSnapshot.CounterDataPointSnapshot>> counters = new LinkedHashMap<>();

    /** A gauge data point; {@code labels}: name, value, name, value... */
    public void gauge(String name, String text, double value, String... labels) {
        help.putIfAbsent(name, text);
        gauges.computeIfAbsent(name, n -> new ArrayList<>()).add(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .value(value).labels(Labels.of(labels)).build());
    }

    /** A counter data point (exposed as {@code name_total}). */
    public void counter(String name, String text, double value, String... labels) {
        help.putIfAbsent(name, text);
        counters.computeIfAbsent(name, n -> new ArrayList<>()).add(CounterSnapshot.CounterDataPointSnapshot.builder()
                .value(value).labels(Labels.of(labels)).build());
    }

    public MetricSnapshots build() {
        List<MetricSnapshot> out = new ArrayList<>();
        gauges.forEach((name, points) -> {
            GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help.get(name));
            points.forEach(b::dataPoint);
            out.add(b.build());
        });
        counters.forEach((name, points) -> {
            CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help.get(name));
            points.forEach(b::dataPoint);
            out.add(b.build());
        });
        return new MetricSnapshots(out);
    }
}
