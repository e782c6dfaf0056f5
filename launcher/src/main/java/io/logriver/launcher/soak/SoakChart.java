package io.logriver.launcher.soak;

import io.logriver.launcher.soak.fault.FaultEvent;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The soak over time, one panel each: rate, lag, end-to-end p99 of the windows, live heap, Redis memory, topic
 * sizes; a line at each fault.
 */
final class SoakChart {
    private static final double MB = 1 << 20;

    private SoakChart() {
    }

    static void write(SoakResult r, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        javax.imageio.ImageIO.setUseCache(false); // no cache file, no shutdown hook
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("minutes since the load began"));
        plot.add(panel(r, "requests/s", s -> true, Map.of("taken by Kafka", Sample::ratePerS), false));
        plot.add(panel(r, "lag, s", s -> true, Map.of("lag", Sample::lagMaxS), true));
        plot.add(panel(r, "window e2e p99, ms", s -> true, Map.of("e2e p99", s -> s.e2eP99Ms()), true));
        plot.add(panel(r, "live heap (after a full GC each minute), MB", s -> s.heapBytes() >= 0,
                Map.of("heap", s -> s.heapBytes() / MB), true));
        plot.add(panel(r, "Redis used_memory, MB", s -> s.redisBytes() >= 0,
                Map.of("Redis", s -> s.redisBytes() / MB), false));
        Map<String, ToDoubleFunction<Sample>> topics = new LinkedHashMap<>();
        topics.put("weblogs", s -> s.weblogsBytes() / MB);
        topics.put("stats", s -> s.statsBytes() / MB);
        topics.put("dlq", s -> s.dlqBytes() / MB);
        plot.add(panel(r, "topic size, MB", s -> s.weblogsBytes() >= 0, topics, true));
        boolean labelled = false;
        for (Object o : plot.getSubplots()) {
            XYPlot p = (XYPlot) o;
            for (FaultEvent f : r.faults()) {
                ValueMarker m = new ValueMarker(f.startMs() / 60_000.0, new Color(200, 40, 40), new BasicStroke(1f));
                if (!labelled) {
                    m.setLabel(f.kind().id());
                    m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                    m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                    m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                }
                p.addDomainMarker(m);
            }
            labelled = true;
        }
        JFreeChart chart = new JFreeChart("logriver soak: " + r.options().describe(),
                new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1100, 1300);
    }

    /** A panel of one figure per series, per mode when {@code perMode} (the shared figures once, from any mode). */
    private static XYPlot panel(SoakResult r, String axis, java.util.function.Predicate<Sample> known,
                                Map<String, ToDoubleFunction<Sample>> figures, boolean perMode) {
        Map<String, XYSeries> series = new LinkedHashMap<>();
        String firstMode = r.samples().isEmpty() ? "" : r.samples().get(0).mode();
        for (Sample s : r.samples()) {
            if (!known.test(s) || (!perMode && !s.mode().equals(firstMode))) {
                continue;
            }
            for (Map.Entry<String, ToDoubleFunction<Sample>> f : figures.entrySet()) {
                String name = perMode ? s.mode() + " " + f.getKey() : f.getKey();
                series.computeIfAbsent(name, k -> new XYSeries(k, true, true))
                        .add(s.elapsedS() / 60.0, f.getValue().applyAsDouble(s));
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        XYPlot p = new XYPlot(data, null, new NumberAxis(axis), line);
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(Color.LIGHT_GRAY);
        p.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return p;
    }
}
