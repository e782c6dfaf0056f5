package io.logriver.launcher.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.logic.parse.DeadLetter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void groupsByReasonAndSourceTopicWithTheLastOfEachOnOneLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DeadLetterTable table = new DeadLetterTable(new PrintStream(bytes, true, StandardCharsets.UTF_8), "weblogs-dlq");
        add(table, DeadLetter.of("not-json", "weblogs", 0, 3, "THIS IS A PARSE ERROR".getBytes(StandardCharsets.UTF_8)));
        add(table, DeadLetter.of(DeadLetter.LATE, "weblogs", 1, 8, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        add(table, DeadLetter.of("not-json", "weblogs", 1, 9, ("line\nbreak" + "x".repeat(80))
                .getBytes(StandardCharsets.UTF_8)));
        add(table, DeadLetter.of("not-json", "sessions", 0, 2, "NOT A SESSION".getBytes(StandardCharsets.UTF_8)));
        table.print();

        assertEquals(4, table.total());
        assertEquals(List.of("dead letters on weblogs-dlq: 4",
                "  reason                           from            count  last (partition@offset payload)",
                "  late                             weblogs             1  1@8 {\"a\":1}",
                "  not-json                         sessions            1  0@2 NOT A SESSION",
                "  not-json                         weblogs             2  1@9 line break" + "x".repeat(50) + "..."),
                bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private static void add(DeadLetterTable table, DeadLetter d) throws Exception {
        table.add(JSON.readTree(d.toJson()));
    }
}
