package io.logriver.launcher.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvMetricsTest {
    private static final String TOPOLOGY = "logriver-core-1-1764140000";
    private static final String HISTOGRAM = "t,count,max,mean,min,stddev,p50,p75,p95,p98,p99,p999\n";

    @TempDir
    Path dir;

    private void file(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name + ".csv"), text);
    }

    @Test
    void sumsTheLatestCountOfEveryTaskOfTheTopology() throws IOException {
        file("storm.topology." + TOPOLOGY + ".127.0.0.1.parse.3.6700-logriver.read", "t,count\n100,5\n110,40\n");
        file("storm.topology." + TOPOLOGY + ".127.0.0.1.parse.4.6700-logriver.read", "t,count\n110,2\n");
        file("storm.topology.other-2-1764140000.127.0.0.1.parse.3.6700-logriver.read", "t,count\n110,1000\n");
        CsvMetrics m = CsvMetrics.read(dir, TOPOLOGY);
        assertEquals(42, m.total("logriver.read"));
        assertEquals(110, m.latestReport());
    }

    @Test
    void readsGaugesAndTheLargestPercentileOverTasksOfComponentsWithDashes() throws IOException {
        file("storm.topology." + TOPOLOGY + ".localhost.join.5.6700-logriver.join.waiting", "t,value\n120,7\n");
        file("storm.topology." + TOPOLOGY + ".localhost.to-kafka.6.6700-logriver.sink.errors", "t,count\n120,1\n");
        file("storm.topology." + TOPOLOGY + ".localhost.aggregate.7.6700-logriver.latency.us",
                HISTOGRAM + "120,10,900,50,1,3,40,60,80,90,700,900\n");
        file("storm.topology." + TOPOLOGY + ".localhost.aggregate.8.6700-logriver.latency.us",
                HISTOGRAM + "120,10,800,50,1,3,40,60,80,90,750,800\n");
        CsvMetrics m = CsvMetrics.read(dir, TOPOLOGY);
        assertEquals(7, m.total("logriver.join.waiting"));
        assertEquals(1, m.total("logriver.sink.errors"));
        assertEquals(750.0, m.max("aggregate", "logriver.latency.us", "p99"));
        assertEquals(20.0, m.max("aggregate", "logriver.latency.us", "count"));
    }

    @Test
    void leavesOutTheFilesOfWorkersThatAreGone() throws IOException {
        // a rebalance: task 3 moved from port 6700 (its worker gone) to 6701, whose new worker counts from zero
        file("storm.topology." + TOPOLOGY + ".127.0.0.1.parse.3.6700-logriver.read", "t,count\n100,5000\n");
        file("storm.topology." + TOPOLOGY + ".127.0.0.1.parse.3.6701-logriver.read", "t,count\n125,10\n140,30\n");
        file("storm.topology." + TOPOLOGY + ".127.0.0.1.parse.4.6701-logriver.read", "t,count\n130,12\n");
        CsvMetrics m = CsvMetrics.read(dir, TOPOLOGY);
        assertEquals(42, m.total("logriver.read"));
        assertEquals(140, m.latestReport());
    }

    @Test
    void aMissingDirectoryOrAFileWithoutReportIsNoMetric() throws IOException {
        assertTrue(CsvMetrics.read(dir.resolve("none"), TOPOLOGY).isEmpty());
        file("storm.topology." + TOPOLOGY + ".localhost.parse.3.6700-logriver.read", "t,count\n");
        assertTrue(CsvMetrics.read(dir, TOPOLOGY).isEmpty());
    }
}
