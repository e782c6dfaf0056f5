package io.logriver.launcher.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.launcher.cluster.ClusterLayout;
import io.logriver.ui.FakeNimbus;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogriverCollectorTest {
    private static final String HISTOGRAM = "t,count,max,mean,min,stddev,p50,p75,p95,p98,p99,p999\n";

    @TempDir
    Path work;

    private void report(String component, String metric, String text) throws Exception {
        ClusterLayout l = ClusterLayout.in(work);
        Files.createDirectories(l.csvMetrics());
        Files.writeString(l.csvMetrics().resolve("storm.topology." + FakeNimbus.CORE + ".127.0.0.1." + component
                + ".3.6700-" + metric + ".csv"), text);
    }

    @Test
    void accountingAndLatencyQuantilesPerTopologyAndMode() throws Exception {
        report("parse", "logriver.read", "t,count\n110,10\n");
        report("aggregate", "logriver.aggregated", "t,count\n110,7\n");
        report("parse", "logriver.filtered", "t,count\n110,1\n");
        report("parse", "logriver.invalid", "t,count\n110,2\n");
        report("aggregate", "logriver.latency.us", HISTOGRAM + "110,7,900,50,1,3,400,60,80,90,700,900\n");
        String text = PrometheusTextFormatWriter.create().toDebugString(
                new LogriverCollector(new FakeNimbus(), ClusterLayout.in(work)).collect());
        for (String line : new String[] {
            "logriver_records_total{mode=\"core\",outcome=\"read\",topology=\"logriver-core\"} 10.0",
            "logriver_records_total{mode=\"core\",outcome=\"aggregated\",topology=\"logriver-core\"} 7.0",
            "logriver_records_total{mode=\"core\",outcome=\"late\",topology=\"logriver-core\"} 0.0",
            "logriver_latency_ms{mode=\"core\",quantile=\"0.99\",topology=\"logriver-core\"} 0.7",
            "logriver_latency_ms{mode=\"core\",quantile=\"0.999\",topology=\"logriver-core\"} 0.9"}) {
            assertTrue(text.contains(line), line + " in:\n" + text);
        }
        assertTrue(!text.contains("logriver-trident"), "no report of the Trident topology: left out\n" + text);
    }
}
