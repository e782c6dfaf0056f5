package io.logriver.launcher.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.launcher.cli.Units;
import io.logriver.launcher.feed.WindowTable;
import io.logriver.launcher.generator.LoadGenerator;
import io.logriver.launcher.metrics.Accounting;
import io.logriver.launcher.metrics.JmxMetrics;
import io.logriver.names.Names;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The live view: rates and counters from the topology's metrics, and the slowest URLs of the latest final windows. */
public final class LiveView implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JmxMetrics metrics;
    private final KafkaConsumer<String, String> windows;
    private final PrintStream out;
    private final boolean joinWaits;
    private final int intervalS;
    private long lastNanos = System.nanoTime();
    private long lastRead;
    private long lastDone;
    private String latestWindow = "";
    private final List<JsonNode> latest = new ArrayList<>();

    /**
     * @param joinWaits whether requests may wait for their sessions (core): the processing-latency and join-wait line
     * @param intervalS the interval its latency histograms cover ({@code logriver.metrics.interval.s})
     */
    public LiveView(JmxMetrics metrics, String bootstrapServers, String statsTopic, PrintStream out, boolean joinWaits,
                    int intervalS) {
        this.metrics = metrics;
        this.out = out;
        this.joinWaits = joinWaits;
        this.intervalS = intervalS;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "logriver-live-view-" + ProcessHandle.current().pid());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.windows = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        this.windows.subscribe(List.of(statsTopic));
    }

    /** Prints one view; {@code generator} may be null. */
    public void print(LoadGenerator generator) throws Exception {
        poll();
        long now = System.nanoTime();
        double secs = (now - lastNanos) / 1e9;
        Accounting a = Accounting.of(metrics::sum);
        long read = a.read();
        long done = a.done();
        out.printf("in %,.0f/s  out %,.0f/s | read %,d = aggregated %,d + filtered %,d + invalid %,d + late %,d"
                        + "%s | windows %,d%s%n",
                (read - lastRead) / secs, (done - lastDone) / secs, read, a.aggregated(), a.filtered(), a.invalid(),
                a.late(), read > done ? " (+" + (read - done) + " in flight)" : read == 0 ? " (topology starting)" : "",
                metrics.sum(Names.M_WINDOWS),
                generator == null ? "" : String.format(" | generator sent %,d, %d ms behind", generator.sent(),
                        generator.behindMillis()));
        if (joinWaits) {
            out.println(latencies());
        }
        if (metrics.sum(Names.M_BATCH_SIZE) > 0) {
            out.printf("  batches: %,d | records per batch and partition: mean %,.0f, max %,.0f | batch latency (first emit to"
                            + " partition stage's commit) p50 %s, p99 %s%n", metrics.sum(Names.M_BATCH_SIZE),
                    metrics.max(Names.M_BATCH_SIZE, null, "Mean"), metrics.max(Names.M_BATCH_SIZE, null, "Max"),
                    Units.micros(metrics.max(Names.M_LATENCY_US, null, "50thPercentile")),
                    Units.micros(metrics.max(Names.M_LATENCY_US, null, "99thPercentile")));
        }
        if (!latest.isEmpty()) {
            out.println("  slowest URLs of window " + latestWindow + " (p99 ms):");
            latest.stream().sorted(WindowTable.BY_P99_DESCENDING).limit(WindowTable.SLOWEST)
                    .forEach(n -> out.println(WindowTable.row(n)));
        }
        lastNanos = now;
        lastRead = read;
        lastDone = done;
    }

    /**
     * Core: the processing latency (spout emit to applied, without a wait for the session) and the waits for a session,
     * each over the last complete interval of the histograms ({@code logriver.metrics.interval.s}).
     */
    private String latencies() {
        long waits = metrics.sum(Names.M_JOIN_WAIT_US, Names.PARTITION_STAGE, "SnapshotSize");
        return String.format("  last %d s: processing p50 %s, p99 %s, max %s | join waits %,d%s (waiting now %,d;"
                        + " misses %,d in all)", intervalS,
                Units.micros(metrics.max(Names.M_LATENCY_US, Names.PARTITION_STAGE, "50thPercentile")),
                Units.micros(metrics.max(Names.M_LATENCY_US, Names.PARTITION_STAGE, "99thPercentile")),
                Units.micros(metrics.max(Names.M_LATENCY_US, Names.PARTITION_STAGE, "Max")), waits,
                waits == 0 ? "" : ", p99 " + Units.micros(metrics.max(Names.M_JOIN_WAIT_US, Names.PARTITION_STAGE,
                        "99thPercentile")),
                metrics.sum(Names.M_JOIN_WAITING), metrics.sum(Names.M_JOIN_MISSES));
    }

    private void poll() throws Exception {
        for (ConsumerRecord<String, String> r : windows.poll(Duration.ofMillis(100))) {
            JsonNode n = JSON.readTree(r.value());
            String start = n.get("windowStart").asText();
            if (start.compareTo(latestWindow) > 0) {
                latestWindow = start;
                latest.clear();
            }
            if (start.equals(latestWindow)) {
                latest.add(n);
            }
        }
    }

    @Override
    public void close() {
        windows.close();
    }
}
