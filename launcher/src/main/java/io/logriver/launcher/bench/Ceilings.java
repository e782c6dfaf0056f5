package io.logriver.launcher.bench;

import io.logriver.config.LogriverConfig;
import io.logriver.core.KafkaSources;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.generator.RecordGenerator;
import io.logriver.launcher.kafka.Topics;
import io.logriver.launcher.local.LocalStorm;
import io.logriver.launcher.metrics.JmxMetrics;
import io.logriver.names.Names;
import io.logriver.topology.Mode;
import io.logriver.trident.TridentKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.storm.topology.TopologyBuilder;
import org.apache.storm.trident.TridentTopology;
import org.apache.storm.tuple.Fields;

/**
 * The ceilings of the benchmark, on one pre-loaded topic of the same broker: how fast a plain KafkaConsumer reads it,
 * a KafkaSpout into a bolt that only acks, and a Trident opaque spout into a function that only counts. Rates are
 * measured between 10 % and 90 % of the records, so start-up does not count.
 */
final class Ceilings {
    /** Records per second of each way of reading. */
    record Rates(long records, double consumer, double spoutToNullBolt, Map<String, Double> tridentToNull) {
        /** The Trident setting with the highest null ceiling, if any was measured. */
        java.util.Optional<Map.Entry<String, Double>> bestTrident() {
            return tridentToNull.entrySet().stream().max(Map.Entry.comparingByValue());
        }

        /** The Trident ceiling at a batch setting (its label). */
        double trident(String setting) {
            return tridentToNull.getOrDefault(setting, 0.0);
        }
    }

    private final LocalStorm storm;
    private final Progress progress;
    private final List<String> usedTopics;

    /** {@code usedTopics}: where the topics it creates are listed, for the caller to delete after the cluster stops. */
    Ceilings(LocalStorm storm, Progress progress, List<String> usedTopics) {
        this.storm = storm;
        this.progress = progress;
        this.usedTopics = usedTopics;
    }

    Rates measure(LogriverConfig c, Topics topics, long records, List<BenchPlan.TridentSetting> settings, String runId)
            throws Exception {
        String topic = "bench-preload-" + runId;
        topics.admin().createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic,
                c.topics().partitions(), (short) 1))).all().get(60, TimeUnit.SECONDS);
        usedTopics.add(topic);
        preload(c.bootstrapServers(), topic, records);
        LogriverConfig pc = c.with(Map.of(LogriverConfig.TOPIC_WEBLOGS, topic, LogriverConfig.FIRST_POLL, "EARLIEST"));
        double consumer = consumerRate(c.bootstrapServers(), topic, records);
        progress.say(String.format("ceiling: KafkaConsumer reads %,.0f records/s", consumer));
        double core = topologyRate(pc, "bench-null-core-" + runId, Mode.CORE, records, () -> {
            TopologyBuilder b = new TopologyBuilder();
            b.setSpout(Names.WEBLOGS_SPOUT, KafkaSources.spout(pc, topic, "bench-null-" + runId), 1);
            b.setBolt("null", new NullBolt(), 1).shuffleGrouping(Names.WEBLOGS_SPOUT);
            return b.createTopology();
        });
        progress.say(String.format("ceiling: KafkaSpout -> null bolt (acked) %,.0f records/s", core));
        Map<String, Double> trident = new java.util.LinkedHashMap<>();
        for (BenchPlan.TridentSetting s : settings) {
            LogriverConfig tc = pc.with(s.overrides());
            String name = "bench-null-trident-" + trident.size() + "-" + runId;
            double rate = topologyRate(tc, name, Mode.TRIDENT, records, () -> {
                TridentTopology t = new TridentTopology();
                t.newStream(name, TridentKafka.sources(tc).weblogs())
                        .each(new Fields(Names.VALUE), new NullBolt.CountFunction(), new Fields());
                return t.build();
            });
            trident.put(s.label(), rate);
            progress.say(String.format("ceiling: Trident opaque spout -> null (%s) %,.0f records/s", s.label(), rate));
        }
        return new Rates(records, consumer, core, trident);
    }

    private void preload(String servers, String topic, long records) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        RecordGenerator gen = new RecordGenerator(7, 400);
        long t0 = 1_700_000_000_000L;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, null, gen.next(t0 + i).request().getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        progress.say(String.format("pre-loaded %,d records into %s", records, topic));
    }

    private static double consumerRate(String servers, String topic, long records) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            RateClock clock = new RateClock(records);
            long read = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (read < records && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
                clock.observe(read);
            }
            return clock.rate();
        }
    }

    private double topologyRate(LogriverConfig c, String name, Mode mode, long records,
                                java.util.function.Supplier<org.apache.storm.generated.StormTopology> topology)
            throws Exception {
        JmxMetrics m = new JmxMetrics(name);
        storm.submit(name, mode.stormConfig(c), topology.get());
        try {
            RateClock clock = new RateClock(records);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            long done = 0;
            while (done < records && System.nanoTime() < deadline) {
                Thread.sleep(20);
                done = m.sum(NullBolt.COUNTED);
                clock.observe(done);
            }
            return clock.rate();
        } finally {
            storm.kill(name);
        }
    }

    /** The rate between the moments a count passes 10 % and 90 % of the records. */
    static final class RateClock {
        private final long records;
        private long t10;
        private long t90;

        RateClock(long records) {
            this.records = records;
        }

        void observe(long count) {
            long now = System.nanoTime();
            if (t10 == 0 && count >= records / 10) {
                t10 = now;
            }
            if (t90 == 0 && count >= records * 9 / 10) {
                t90 = now;
            }
        }

        double rate() {
            return t90 > t10 && t10 > 0 ? records * 0.8 / ((t90 - t10) / 1e9) : 0;
        }
    }
}
