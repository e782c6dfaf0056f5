package io.logriver.launcher;

import io.logriver.core.Names;
import io.logriver.logic.ParseResult;
import io.logriver.logic.Session;
import io.logriver.logic.SessionParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a JSON-lines file to a topic, one record per non-empty line, in file order, then the end-of-input
 * control record (a header, not data). Session records are keyed by sessionID for compaction.
 */
public final class RecordFiles implements AutoCloseable {
    /** Lines up to this size are sent (the pipeline itself rejects records over 64 KiB). */
    static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    private final KafkaProducer<String, byte[]> producer;

    public RecordFiles(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_LINE_BYTES + 1024);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends every non-empty line of {@code file}, then the end of input; returns how many lines were sent. */
    public long produce(Path file, String topic, boolean keyBySession) throws IOException, InterruptedException {
        long n = send(file, topic, keyBySession);
        endOfInput(topic);
        return n;
    }

    /** Sends every non-empty line of {@code file} (no end of input: more may follow); returns how many were sent. */
    long send(Path file, String topic, boolean keyBySession) throws IOException {
        long n = 0;
        long lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                byte[] value = line.getBytes(StandardCharsets.UTF_8);
                if (value.length > MAX_LINE_BYTES) {
                    throw new IOException(file + " line " + lineNo + ": " + value.length + " bytes, more than "
                            + MAX_LINE_BYTES + " (records over 64 KiB are invalid anyway)");
                }
                producer.send(new ProducerRecord<>(topic, keyBySession ? sessionKey(value, lineNo) : null, value));
                n++;
            }
        }
        producer.flush();
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
