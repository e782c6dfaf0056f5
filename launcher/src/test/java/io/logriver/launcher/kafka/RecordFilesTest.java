package io.logriver.launcher.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check {@code replay} makes before writing: a line the topic would not take is named, nothing is sent. */
class RecordFilesTest {
    private static final int LIMIT = 2_000;

    @TempDir
    Path dir;

    @Test
    void countsTheNonEmptyLinesOfAFileThatFits() throws Exception {
        Path f = Files.writeString(dir.resolve("ok.jsonl"), "{\"a\":1}\n\n" + "x".repeat(1_900) + "\r\n{}");
        assertEquals(3, RecordFiles.check(f, "weblogs", false, LIMIT));
    }

    @Test
    void namesALineLongerThanTheTopicTakes() throws Exception {
        Path f = Files.writeString(dir.resolve("big.jsonl"), "{}\n" + "x".repeat(LIMIT + 1) + "\n{}\n");
        IOException e = assertThrows(IOException.class, () -> RecordFiles.check(f, "weblogs", false, LIMIT));
        assertEquals(f + " line 2: 2,001 bytes, more than 2,000 bytes, the most the Kafka topic weblogs takes (its "
                + "max.message.bytes); records over 64 KiB are invalid anyway: remove or shorten the line",
                e.getMessage());
    }

    @Test
    void namesALineThatFitsOnlyWithoutKafkasRecordOverhead() throws Exception {
        Path f = Files.write(dir.resolve("edge.jsonl"), ("{}\n{}\n" + "y".repeat(LIMIT - 10) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        IOException e = assertThrows(IOException.class, () -> RecordFiles.check(f, "weblogs", false, LIMIT));
        assertEquals(f + " line 3: 1,990 bytes; Kafka did not take it: with Kafka's record overhead it is more "
                + "than 2,000 bytes, the most the Kafka topic weblogs takes (its max.message.bytes); records over "
                + "64 KiB are invalid anyway: remove or shorten the line", e.getMessage());
    }
}
