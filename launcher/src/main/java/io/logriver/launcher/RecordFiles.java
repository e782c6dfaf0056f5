package io.logriver.launcher;

import io.logriver.core.Names;
import io.logriver.logic.ParseResult;
import io.logriver.logic.Session;
import io.logriver.logic.SessionParser;
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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a JSON-lines file to a topic, one record per non-empty line, in file order, then the end-of-input control
 * record (a header, not data). Session records are keyed by sessionID for compaction. Every write is checked: a line
 * Kafka does not take (larger than the topic's {@code max.message.bytes}) stops the writing with an error that names
 * the line, so no line is lost without a word.
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
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxMessageBytes);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends every non-empty line of {@code file}, then the end of input; returns how many lines were sent. */
    public long produce(Path file, String topic, boolean keyBySession) throws IOException, InterruptedException {
        long n = send(file, topic, keyBySession);
        endOfInput(topic);
        return n;
    }

    /**
     * Sends every non-empty line of {@code file} (no end of input: more may follow); returns how many were sent, once
     * Kafka has them all.
     */
    long send(Path file, String topic, boolean keyBySession) throws IOException {
        AtomicReference<String> refused = new AtomicReference<>();
        long n = 0;
        String limit = String.format("%,d", maxMessageBytes) + " bytes, the most the Kafka topic " + topic
                + " takes (its max.message.bytes); records over 64 KiB are invalid anyway: remove or shorten the line";
        try (JsonLines lines = new JsonLines(file, maxMessageBytes, limit)) {
            for (byte[] value = lines.next(); value != null && refused.get() == null; value = lines.next()) {
                if (value.length == 0) {
                    continue;
                }
                long lineNo = lines.lineNo();
                String key = keyBySession ? sessionKey(value, lineNo) : null;
                int size = value.length;
                producer.send(new ProducerRecord<>(topic, key, value), (metadata, e) -> {
                    if (e != null) {
                        refused.compareAndSet(null, file + " line " + lineNo + ": " + String.format("%,d", size)
                                + " bytes; Kafka did not take it: " + (e instanceof RecordTooLargeException
                                ? "with Kafka's record overhead it is more than " + limit : e.getMessage()));
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
