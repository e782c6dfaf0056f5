package io.logriver.launcher.bench;

import io.logriver.config.LogriverConfig;
import io.logriver.launcher.bench.report.Ceiling;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.generator.GeneratorProcess;
import io.logriver.launcher.generator.RecordGenerator;
import io.logriver.launcher.kafka.Topics;
import io.logriver.peers.PeerSettings;
import io.logriver.peers.host.EngineProcess;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The ceilings of the benchmark, each with its CPU per record: the generator alone into the broker (the highest rate
 * a point can be offered), and on one pre-loaded topic, a plain KafkaConsumer in this JVM, a KafkaSpout into a bolt
 * that only acks and a Trident opaque spout into a function that only counts, in a Storm host JVM like the engines'.
 */
final class Ceilings {
    private static final Duration GENERATOR_WARM_UP = Duration.ofSeconds(5);
    private static final Duration GENERATOR_WINDOW = Duration.ofSeconds(10);
    private final Topics topics;
    private final Progress progress;
    private final List<String> usedTopics;
    private final Path workDir;

    Ceilings(Topics topics, Progress progress, List<String> usedTopics, Path workDir) {
        this.topics = topics;
        this.progress = progress;
        this.usedTopics = usedTopics;
        this.workDir = workDir;
    }

    List<Ceiling> measure(LogriverConfig c, BenchPlan plan, String runId) throws Exception {
        List<Ceiling> out = new ArrayList<>();
        out.add(say(generator(c, plan, runId)));
        String topic = "bench-preload-" + runId;
        topics.admin().createTopics(List.of(new NewTopic(topic, c.topics().partitions(), (short) 1)))
                .all().get(60, TimeUnit.SECONDS);
        usedTopics.add(topic);
        preload(c.bootstrapServers(), topic, plan.ceilingRecords());
        out.add(say(consumer(c.bootstrapServers(), topic, plan.ceilingRecords())));
        LogriverConfig pc = c.with(Map.of(LogriverConfig.TOPIC_WEBLOGS.name(), topic,
                LogriverConfig.FIRST_POLL.name(), "EARLIEST"));
        try (EngineProcess storm = EngineProcess.start("storm-ceilings-" + runId, BenchEngine.CORE.module(),
                BenchEngine.CORE.hostMain(), plan.jvmOptions(), BenchEngine.CORE.log4j(), workDir,
                List.of(workDir.resolve("storm-ceilings-" + runId).toString()))) {
            out.add(say(storm(storm, "core", pc, "bench-null-core-" + runId, "KafkaSpout -> null bolt (acked)", plan)));
            if (plan.engines().contains(BenchEngine.TRIDENT)) {
                int i = 0;
                for (BenchPlan.TridentSetting s : plan.tridentSettings()) {
                    out.add(say(storm(storm, "trident", pc.with(s.overrides()), "bench-null-trident-" + i++ + "-" + runId,
                            "Trident opaque spout -> null, batches " + s.label(), plan)));
                }
            }
        }
        return out;
    }

    private Ceiling say(Ceiling ceiling) {
        progress.say(String.format("ceiling: %s %,.0f records/s, %.1f µs of CPU per record", ceiling.what(),
                ceiling.rate(), ceiling.cpuMicrosPerRecord()));
        return ceiling;
    }

    /** The generator in its JVM, asked for far more than it can send, into a topic no engine reads. */
    private Ceiling generator(LogriverConfig c, BenchPlan plan, String runId) throws Exception {
        String name = "bench-generator-" + runId;
        LogriverConfig gc = topics.ensure(PointRun.forRun(c, name, Map.of()), 1);
        usedTopics.addAll(List.of(gc.topics().weblogs(), gc.topics().sessions(), gc.topics().stats(), gc.topics().dlq()));
        try (GeneratorProcess g = new GeneratorProcess(PeerSettings.of(gc, name, workDir), 5_000_000, false,
                plan.jvmOptions(), workDir)) {
            Thread.sleep(GENERATOR_WARM_UP.toMillis());
            long sent0 = g.sent();
            Duration cpu0 = g.cpuTime();
            long t0 = System.nanoTime();
            Thread.sleep(GENERATOR_WINDOW.toMillis());
            long sent = g.sent() - sent0;
            double secs = (System.nanoTime() - t0) / 1e9;
            return new Ceiling("generator alone into the broker (its own JVM)", sent / secs,
                    sent <= 0 ? 0 : g.cpuTime().minus(cpu0).toNanos() / 1_000.0 / sent);
        }
    }

    private Ceiling storm(EngineProcess storm, String mode, LogriverConfig c, String name, String what, BenchPlan plan)
            throws Exception {
        Path file = workDir.resolve(name + "-settings.bin");
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(PeerSettings.of(c, name, workDir));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
        String[] a = storm.call("ceiling " + mode + " " + file + " " + plan.ceilingRecords(), Duration.ofMinutes(6))
                .split(" ");
        if (!a[0].equals("ceiling")) {
            throw new IllegalStateException("ceiling " + what + ": " + String.join(" ", a));
        }
        return new Ceiling(what, Double.parseDouble(a[1]), Double.parseDouble(a[2]));
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

    /** A KafkaConsumer in this JVM reading the topic, and this JVM's CPU per record (it does nothing else then). */
    private static Ceiling consumer(String servers, String topic, long records) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long read = 0;
            long t10 = 0;
            long cpu10 = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (read < records * 9 / 10 && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
                if (t10 == 0 && read >= records / 10) {
                    t10 = System.nanoTime();
                    cpu10 = processCpuNanos();
                }
            }
            double counted = read - records / 10.0;
            double secs = (System.nanoTime() - t10) / 1e9;
            return new Ceiling("KafkaConsumer (this JVM)", t10 == 0 ? 0 : counted / secs,
                    t10 == 0 ? 0 : (processCpuNanos() - cpu10) / 1_000.0 / counted);
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
