package io.logriver.launcher.kafka;

import io.logriver.logic.parse.ParseResult;
import io.logriver.logic.parse.Session;
import io.logriver.logic.parse.SessionParser;
import io.logriver.names.Names;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a JSON-lines file to a topic, one record per non-empty line, in file order, then (file mode) the end-of-input
 * control record (a header, not data). Session records are keyed by sessionID for compaction; request records are
 * spread over the topic's partitions in turn (the n-th to partition n mod P), so that each partition holds the file's
 * order and the same file always lands the same way. Every write is checked: a line Kafka does not take (larger than
 * the topic's {@code max.message.bytes}) stops the writing with an error that names the line, so no line is lost
 * without a word; {@link #check} finds such a line before anything is written.
 */
public final class RecordFiles implements AutoCloseable {
    /** Kafka's default {@code message.max.bytes} (and so {@code max.message.bytes} of a topic that does not set it). */
    static final int KAFKA_DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;

    private final KafkaProducer<String, byte[]> producer;
    private final int maxMessageBytes;

    /** For topics that take records of Kafka's default size. */
    public RecordFiles(String bootstrapServers) {
        this(bootstrapServers, KAFKA_DEFAULT_MAX_MESSAGE_BYTES);
    }

    /**
     * @param maxMessageBytes the {@code max.message.bytes} of the topics written: the producer refuses a record that
     *                        would not fit it (its size with Kafka's record and batch overhead), before sending it
     */
    public RecordFiles(String bootstrapServers, int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
        Properties p = inOrder(bootstrapServers);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxMessageBytes);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * A producer's settings that keep a file's order in each partition, also on a topic created a moment ago: acks from
     * all replicas, idempotence, and one request in flight. With more in flight, a broker takes the second batch of a
     * producer it does not know yet at any sequence number; if the first batch failed (a partition not led yet), the
     * second lands first, and the first is then refused as out of order until it expires. One request in flight never
     * lets a later batch overtake.
     */
    public static Properties inOrder(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        return p;
    }

    /** Waits before the n-th record (from 0) of a file is sent, or stops the sending: {@link #NOW} sends at once. */
    public interface Pace {
        Pace NOW = n -> true;

        /** Returns when record n is due: true to send it, false to stop (nothing more of the file is sent). */
        boolean before(long n) throws InterruptedException;
    }

    /** Sends every non-empty line of {@code file}, then the end of input; returns how many lines were sent. */
    public long produce(Path file, String topic, boolean keyBySession) throws IOException, InterruptedException {
        long n = send(file, topic, keyBySession, Pace.NOW);
        endOfInput(topic);
        return n;
    }

    /**
     * Sends every non-empty line of {@code file}, each when {@code pace} lets it, without an end of input (more may
     * follow); returns how many were sent (all of them, or the first ones when {@code pace} stopped the sending), once
     * Kafka has them all.
     */
    public long send(Path file, String topic, boolean keyBySession, Pace pace) throws IOException, InterruptedException {
        AtomicReference<String> refused = new AtomicReference<>();
        int partitions = producer.partitionsFor(topic).size();
        long n = 0;
        String limit = limit(topic, maxMessageBytes);
        try (JsonLines lines = new JsonLines(file, maxMessageBytes, limit)) {
            for (byte[] value = lines.next(); value != null && refused.get() == null; value = lines.next()) {
                if (value.length == 0) {
                    continue;
                }
                long lineNo = lines.lineNo();
                String key = keyBySession ? sessionKey(value, lineNo) : null;
                Integer partition = keyBySession ? null : (int) (n % partitions);
                int size = value.length;
                if (!pace.before(n)) {
                    break;
                }
                producer.send(new ProducerRecord<>(topic, partition, key, value), (metadata, e) -> {
                    if (e != null) {
                        refused.compareAndSet(null, refusal(file, lineNo, size, limit,
                                e instanceof RecordTooLargeException ? null : e.getMessage()));
                    }
                });
                n++;
            }
        }
        producer.flush();
        if (refused.get() != null) {
            throw new IOException(refused.get());
        }
        return n;
    }

    /**
     * Reads the whole file and fails, naming the first such line, if a line would not fit a topic that takes records
     * of at most {@code maxMessageBytes}: the error {@link #send} gives, before anything is written. Returns the
     * number of non-empty lines.
     */
    public static long check(Path file, String topic, boolean keyBySession, int maxMessageBytes) throws IOException {
        long n = 0;
        try (JsonLines lines = new JsonLines(file, maxMessageBytes, limit(topic, maxMessageBytes))) {
            for (byte[] value = lines.next(); value != null; value = lines.next()) {
                if (value.length == 0) {
                    continue;
                }
                byte[] key = keyBySession ? sessionKey(value, lines.lineNo()).getBytes(StandardCharsets.UTF_8) : null;
                // what the producer computes before it sends, and refuses when over its max.request.size
                int size = AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE,
                        CompressionType.NONE, key, value, Record.EMPTY_HEADERS);
                if (size > maxMessageBytes) {
                    throw new IOException(refusal(file, lines.lineNo(), value.length, limit(topic, maxMessageBytes),
                            null));
                }
                n++;
            }
        }
        return n;
    }

    private static String limit(String topic, int maxMessageBytes) {
        return String.format("%,d", maxMessageBytes) + " bytes, the most the Kafka topic " + topic
                + " takes (its max.message.bytes); records over 64 KiB are invalid anyway: remove or shorten the line";
    }

    /** A line Kafka did not take: too large with Kafka's overhead when {@code reason} is null. */
    private static String refusal(Path file, long lineNo, int size, String limit, String reason) {
        return file + " line " + lineNo + ": " + String.format("%,d", size) + " bytes; Kafka did not take it: "
                + (reason == null ? "with Kafka's record overhead it is more than " + limit : reason);
    }

    /** Appends the end-of-input control record to every partition of the topic and waits until Kafka has it all. */
    public void endOfInput(String topic) throws InterruptedException {
        int partitions = producer.partitionsFor(topic).size();
        try {
            for (int p = 0; p < partitions; p++) {
                ProducerRecord<String, byte[]> end = new ProducerRecord<>(topic, p, Names.END_OF_INPUT, new byte[0]);
                end.headers().add(Names.CONTROL_HEADER, Names.END_OF_INPUT.getBytes(StandardCharsets.UTF_8));
                producer.send(end).get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("writing to " + topic + " failed: " + e.getCause().getMessage(), e);
        }
    }

    private static String sessionKey(byte[] value, long lineNo) {
        ParseResult<Session> s = SessionParser.parse(value);
        return s.isOk() ? s.value().sessionID() : "invalid-line-" + lineNo;
    }

    @Override
    public void close() {
        producer.close();
    }
}
