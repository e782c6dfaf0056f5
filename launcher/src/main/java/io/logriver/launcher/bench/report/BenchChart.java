package io.logriver.launcher.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The benchmark's chart: end-to-end latency percentiles against achieved throughput of the sustained points, every
 * engine, log scales.
 */
final class BenchChart {
    private BenchChart() {
    }

    static void write(List<BenchPoint> points, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        // no temporary file cache: ImageIO would register a shutdown hook for it, refused while Ctrl-C stops the JVM
        javax.imageio.ImageIO.setUseCache(false);
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (BenchPoint p : points.stream().filter(BenchPoint::sustained).toList()) {
            String label = p.mode() + " " + p.state() + " " + p.setting();
            add(series, label + " p50", p.achieved(), p.endToEnd().p50());
            add(series, label + " p99", p.achieved(), p.endToEnd().p99());
            add(series, label + " p99.9", p.achieved(), p.endToEnd().p999());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        LogAxis x = new LogAxis("achieved throughput, records/s");
        LogAxis y = new LogAxis("end-to-end latency, µs (scheduled send to applied)");
        x.setSmallestValue(100);
        y.setSmallestValue(10);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String key = data.getSeriesKey(i).toString();
            r.setSeriesStroke(i, new BasicStroke(key.endsWith("p50") ? 1f : key.endsWith("p99") ? 2f : 1f,
                    BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                    key.endsWith("p99.9") ? new float[] {4f, 4f} : null, 0f));
            r.setSeriesPaint(i, key.startsWith("core ") ? new Color(200, 60, 40) : key.startsWith("kstreams ")
                    ? new Color(230, 140, 20) : key.startsWith("flink ") ? new Color(90, 90, 90) : palette(key));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("logriver: latency against throughput, "
                + String.join(", ", points.stream().map(BenchPoint::mode).distinct().toList()), plot);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1100, 650);
    }

    private static void add(Map<String, XYSeries> series, String key, double x, long y) {
        if (x > 0 && y > 0) {
            series.computeIfAbsent(key, k -> new XYSeries(k, true, true)).add(x, y);
        }
    }

    private static Color palette(String key) {
        int h = Math.floorMod(key.substring(0, key.lastIndexOf(' ')).hashCode(), 3);
        return new Color[] {new Color(40, 90, 200), new Color(30, 150, 90), new Color(140, 60, 170)}[h];
    }
}
