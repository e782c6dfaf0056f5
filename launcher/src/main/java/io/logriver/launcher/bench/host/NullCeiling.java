package io.logriver.launcher.bench.host;

import io.logriver.config.LogriverConfig;
import io.logriver.core.KafkaSources;
import io.logriver.launcher.local.LocalStorm;
import io.logriver.launcher.metrics.JmxMetrics;
import io.logriver.names.Names;
import io.logriver.process.Deadline;
import io.logriver.topology.Mode;
import io.logriver.trident.TridentKafka;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.apache.storm.generated.StormTopology;
import org.apache.storm.topology.TopologyBuilder;
import org.apache.storm.trident.TridentTopology;
import org.apache.storm.tuple.Fields;

/**
 * A ceiling of the benchmark: how fast Storm reads a pre-loaded topic into a topology that does nothing else, with
 * the mode's settings (core: a KafkaSpout into a bolt that only acks; Trident: the opaque spout into a function that
 * only counts), and what that costs this JVM per record. Measured between 10 % and 90 % of the records, so start-up
 * does not count.
 */
final class NullCeiling {
    /** Records per second, and this JVM's CPU time per record, µs of one core. */
    record Rate(double perSecond, double cpuMicrosPerRecord) {
    }

    private final LocalStorm storm;

    NullCeiling(LocalStorm storm) {
        this.storm = storm;
    }

    /** {@code c} reads the pre-loaded topic as its request topic, from the earliest offset. */
    Rate measure(Mode mode, LogriverConfig c, String name, long records) throws Exception {
        String topic = c.topics().weblogs();
        StormTopology topology;
        if (mode == Mode.CORE) {
            TopologyBuilder b = new TopologyBuilder();
            b.setSpout(Names.WEBLOGS_SPOUT, KafkaSources.spout(c, topic, name), 1);
            b.setBolt("null", new NullBolt(), 1).shuffleGrouping(Names.WEBLOGS_SPOUT);
            topology = b.createTopology();
        } else {
            TridentTopology t = new TridentTopology();
            t.newStream(name, TridentKafka.sources(c).weblogs())
                    .each(new Fields(Names.VALUE), new NullBolt.CountFunction(), new Fields());
            topology = t.build();
        }
        JmxMetrics m = new JmxMetrics(name);
        storm.submit(name, mode.stormConfig(c), topology);
        try {
            Deadline deadline = Deadline.in(Duration.ofMinutes(5));
            long t10 = 0;
            long cpu10 = 0;
            for (long done = 0; done < records * 9 / 10 && !deadline.passed(); done = m.sumOften(NullBolt.COUNTED)) {
                Thread.sleep(20);
                if (t10 == 0 && done >= records / 10) {
                    t10 = System.nanoTime();
                    cpu10 = processCpuNanos();
                }
            }
            long t90 = System.nanoTime();
            long cpu90 = processCpuNanos();
            double counted = records * 0.8;
            return t10 == 0 || t90 <= t10 ? new Rate(0, 0)
                    : new Rate(counted / ((t90 - t10) / 1e9), (cpu90 - cpu10) / 1_000.0 / counted);
        } finally {
            storm.kill(name);
        }
    }

    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
