package io.logriver.core.bolt;

import com.codahale.metrics.Counter;
import io.logriver.logic.parse.DeadLetter;
import io.logriver.names.Names;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;

/**
 * Writes (topic, key, message) tuples to Kafka: window records and dead letters. A tuple is acked once Kafka has
 * it (failed, and so replayed, if the write fails); the producer's callbacks are handed back to the executor
 * thread, which alone touches the collector. An end-of-input marker flushes the producer before it is counted.
 * With the durable backend, every checkpoint first waits until Kafka has every record sent before it, and fails
 * (so the topology goes back to the last checkpoint and produces them again) if one could not be written.
 */
public final class SinkBolt extends CheckpointedBolt {
    private static final long serialVersionUID = 1L;

    public static final Fields FIELDS = new Fields(Names.TOPIC, Names.KEY, Names.MESSAGE);

    /** The components whose end-of-input markers this sink counts, once flushed. */
    public static final java.util.List<String> END_SOURCES =
            java.util.List.of(Names.PARTITION_STAGE, Names.AGGREGATE, Names.PARSE_SESSIONS);

    private record Done(Tuple tuple, Exception error) {
    }

    private final String bootstrapServers;
    private transient KafkaProducer<String, String> producer;
    private transient Queue<Done> done;
    private transient OutputCollector collector;
    private transient Counter errors;
    private transient Map<String, Counter> endMarkers;
    private transient Exception writeFailure;

    public SinkBolt(String bootstrapServers, boolean durable) {
        super(durable);
        this.bootstrapServers = bootstrapServers;
    }

    /** The sink tuple of a dead letter. */
    public static Values values(String dlqTopic, DeadLetter d) {
        return new Values(dlqTopic, d.kafkaKey(), d.toJson());
    }

    @Override
    public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
        this.collector = collector;
        this.endMarkers = new java.util.HashMap<>();
        for (String source : END_SOURCES) {
            endMarkers.put(source, context.registerCounter(Names.M_END_OF_INPUT + "." + source));
        }
        this.done = new ConcurrentLinkedQueue<>();
        this.errors = context.registerCounter(Names.M_SINK_ERRORS);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    @Override
    protected void restore(java.util.List<Map.Entry<String, byte[]>> entries) {
        // no state: what it wrote is in Kafka
    }

    @Override
    protected void changes(java.util.function.BiConsumer<String, byte[]> put, java.util.function.Consumer<String> delete) {
        // no state
    }

    @Override
    public void prePrepare(long txid) {
        producer.flush();
        drain();
        if (writeFailure != null) {
            Exception e = writeFailure;
            writeFailure = null;
            throw new IllegalStateException("checkpoint " + txid + " failed: a write to Kafka at " + bootstrapServers
                    + " failed (" + e.getMessage() + "); the topology goes back to the last checkpoint", e);
        }
        super.prePrepare(txid);
    }

    @Override
    public void preRollback() {
        writeFailure = null;
        super.preRollback();
    }

    @Override
    protected void handle(Tuple t) {
        drain();
        if (Names.CLOCK_SPOUT.equals(t.getSourceComponent())) {
            return;
        }
        if (Names.END_STREAM.equals(t.getSourceStreamId())) {
            producer.flush();
            drain();
            endMarkers.get(t.getSourceComponent()).inc();
            collector.ack(t);
            return;
        }
        ProducerRecord<String, String> r = new ProducerRecord<>(t.getStringByField(Names.TOPIC),
                t.getStringByField(Names.KEY), t.getStringByField(Names.MESSAGE));
        producer.send(r, (metadata, e) -> done.add(new Done(t, e)));
    }

    private void drain() {
        for (Done d = done.poll(); d != null; d = done.poll()) {
            if (d.error() == null) {
                collector.ack(d.tuple());
            } else {
                errors.inc();
                writeFailure = d.error();
                collector.reportError(d.error());
                collector.fail(d.tuple());
            }
        }
    }

    @Override
    public void cleanup() {
        if (producer != null) {
            producer.close();
        }
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer d) {
        // writes to Kafka only
    }
}
