package io.logriver.launcher.filemode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.kafka.Topics;
import io.logriver.launcher.testing.TestBroker;
import io.logriver.testing.ItDataSet;
import io.logriver.testing.Reference;
import io.logriver.topology.Mode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile input cannot poison the pipeline: more than 1,000 seeded hostile records ({@link HostileRecords}) mixed into
 * a clean data set, through file mode in both modes, on a broker that takes records of up to 2,000,000 bytes (so that
 * records around 1 MiB pass the consumers' 1 MiB fetch limits). No crash; the window records are those of the clean
 * data set alone; every record written is read; {@code invalid} grows by exactly the hostile records, each
 * dead-lettered with its reason and where it was read. A line larger than the broker takes is refused at write time.
 */
class HostileInputIT {
    private static final int BROKER_MAX = 2_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestBroker broker;
    private static LogriverConfig config;
    private static ItDataSet clean;
    private static Reference expected;
    private static List<HostileRecords.Hostile> hostile;
    /** The reason each invalid or late record must be dead-lettered with, by its offset (its line among records). */
    private static final Map<Long, String> reasonAt = new TreeMap<>();
    private static final Map<Long, byte[]> lineAt = new HashMap<>();
    private static long written;
    private static BothModes runs;

    @BeforeAll
    static void runBothModes() throws Exception {
        broker = new TestBroker();
        takeRecordsOfUpTo(BROKER_MAX);
        config = broker.config(List.of(LogriverConfig.JOIN_WAIT_MS + "=300"));
        clean = ItDataSet.generate(23, 2000);
        expected = Reference.of(clean, config.windowSizeMs(), config.latenessMs());
        hostile = HostileRecords.generate(29, 1200, BROKER_MAX, ItDataSet.T0);
        Path dir = broker.workDir;
        Path requests = mix(dir.resolve("requests.jsonl"), new Random(31));
        Path sessions = Files.write(dir.resolve("sessions.jsonl"), clean.sessionLines, StandardCharsets.UTF_8);
        runs = BothModes.run(config, requests, sessions, dir, "");
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    /** The clean lines in their order, with every hostile record put at a random place among them. */
    private static Path mix(Path file, Random r) throws IOException {
        List<Object> lines = new ArrayList<>(clean.requests);
        for (HostileRecords.Hostile h : hostile) {
            lines.add(r.nextInt(lines.size() + 1), h);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int lateSeen = 0;
        for (Object o : lines) {
            byte[] line;
            String reason;
            if (o instanceof HostileRecords.Hostile h) {
                line = h.line();
                reason = h.reason();
            } else {
                ItDataSet.Planned p = (ItDataSet.Planned) o;
                line = p.line().getBytes(StandardCharsets.UTF_8);
                boolean late = p.invalidReason() == null && lateSeen < expected.lateLines.size()
                        && expected.lateLines.get(lateSeen).equals(p.line());
                lateSeen += late ? 1 : 0;
                reason = late ? "late" : p.invalidReason();
            }
            if (reason != null) {
                reasonAt.put(written, reason);
                lineAt.put(written, line);
            }
            bytes.write(line);
            bytes.write('\n');
            written++;
        }
        assertEquals(expected.lateLines.size(), lateSeen, "every late line of the clean data set found");
        return Files.write(file, bytes.toByteArray());
    }

    /** The broker's message.max.bytes, changed while it runs (topics created afterwards take it as their default). */
    private static void takeRecordsOfUpTo(int bytes) throws Exception {
        Map<String, Object> conf = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(conf)) {
            ConfigResource cluster = new ConfigResource(ConfigResource.Type.BROKER, "");
            admin.incrementalAlterConfigs(Map.of(cluster, List.of(new AlterConfigOp(
                    new ConfigEntry("message.max.bytes", Integer.toString(bytes)), AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        try (Topics topics = new Topics(broker.bootstrapServers())) {
            LogriverConfig probe = ConfigLoader.load(null, List.of(LogriverConfig.BOOTSTRAP_SERVERS + "="
                    + broker.bootstrapServers(), LogriverConfig.TOPIC_WEBLOGS + "=probe"));
            topics.ensure(probe, 1);
            assertEquals(bytes, topics.maxMessageBytes("probe"), "a new topic takes the broker's new maximum");
        }
    }

    @Test
    void theHostileRecordsCoverEveryInvalidReasonAndEveryLimit() {
        assertTrue(hostile.size() >= 1000, "hostile records: " + hostile.size());
        assertEquals(new TreeSet<>(HostileRecords.INVALID_REASONS),
                new TreeSet<>(hostile.stream().map(HostileRecords.Hostile::reason).toList()));
        List<Integer> sizes = hostile.stream().map(h -> h.line().length).toList();
        for (int size : new int[] {65_536, 65_537, 1_048_575, 1_048_576, 1_048_577, BROKER_MAX - 200}) {
            assertTrue(sizes.contains(size), "a record of " + size + " bytes");
        }
        for (String kind : List.of("depth 33", "depth 200001", "invalid UTF-8", "NUL in a string", "huge number",
                "future time")) {
            assertTrue(hostile.stream().anyMatch(h -> h.kind().equals(kind)), kind);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void windowsAreThoseOfTheCleanDataSet(Mode mode) {
        runs.assertWindows(mode, expected.windows);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyRecordIsReadAndInvalidGrowsByTheHostileRecords(Mode mode) {
        FileMode.Summary s = runs.summary.get(mode);
        assertEquals(written, s.read(), "read");
        assertEquals(clean.requests.size() + hostile.size(), s.read());
        assertEquals(new FileMode.Summary(written, expected.aggregated, expected.filtered,
                expected.invalid + hostile.size(), expected.late, expected.windows.size()), s);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void eachDeadLetterHasItsReasonAndWhereItWasRead(Mode mode) throws Exception {
        Map<Long, String> reasons = new TreeMap<>();
        for (String line : runs.dlq.get(mode)) {
            JsonNode n = JSON.readTree(line);
            if (!n.get("topic").asText().startsWith(config.topics().weblogs() + "-")) {
                continue; // the clean data set's invalid session records
            }
            long offset = n.get("offset").asLong();
            assertEquals(0, n.get("partition").asInt(), line);
            assertEquals(null, reasons.put(offset, n.get("reason").asText()), "one dead letter per record: " + offset);
            byte[] record = lineAt.get(offset);
            String payload = n.get("payload").asText();
            assertTrue(payload.getBytes(StandardCharsets.UTF_8).length <= 3 * 4096, "payload cut: " + offset);
            if (record != null && record.length <= 4096 && validUtf8(record)) {
                assertEquals(new String(record, StandardCharsets.UTF_8), payload, "payload of " + offset);
            }
        }
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Long, String> e : reasonAt.entrySet()) {
            String got = reasons.get(e.getKey());
            if (!e.getValue().equals(got)) {
                wrong.add("offset " + e.getKey() + ": expected " + e.getValue() + ", got " + got + " for "
                        + preview(lineAt.get(e.getKey())));
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(reasonAt.keySet(), reasons.keySet(), "no dead letter for a record neither invalid nor late");
    }

    @Test
    void coreAndTridentWriteTheSameBytesAndSummary() {
        runs.assertModesAgree();
    }

    /** Larger than the broker takes: refused before the topology starts, the error naming the file and the line. */
    @Test
    void aLineLargerThanTheBrokerTakesIsRefusedAtWriteTimeNamingTheLine() throws Exception {
        String ok = clean.requests.get(0).line();
        for (int size : new int[] {BROKER_MAX + 1, BROKER_MAX - 10}) {
            Path file = broker.workDir.resolve("too-large-" + size + ".jsonl");
            Files.writeString(file, ok + "\n\n" + ok + "\n{\"pad\":\"" + "x".repeat(size - 10) + "\"}\n" + ok + "\n");
            Path out = broker.workDir.resolve("too-large-" + size + ".out.jsonl");
            IOException e = assertThrows(IOException.class, () -> new FileMode(Progress.quiet(), Mode.CORE)
                    .run(config, file, null, out, null, broker.workDir));
            assertTrue(e.getMessage().startsWith(file + " line 4: "), e.getMessage());
            assertTrue(e.getMessage().contains(String.format("%,d bytes, the most the Kafka topic", BROKER_MAX)),
                    e.getMessage());
            assertTrue(Files.notExists(out), "no output for a refused input");
        }
    }

    private static boolean validUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static String preview(byte[] line) {
        String s = new String(line, 0, Math.min(line.length, 120), StandardCharsets.UTF_8);
        return s + (line.length > 120 ? "... (" + line.length + " bytes)" : "");
    }
}
