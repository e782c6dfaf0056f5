package io.logriver.launcher.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.logriver.launcher.cli.Args;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReprocessStartTest {
    @Test
    void earliestReadsTheTopicFromItsBeginningUnderTheNewGroup() {
        assertEquals(List.of("logriver.kafka.first.poll=UNCOMMITTED_EARLIEST"),
                ReprocessCommand.Start.parse("earliest").settings());
    }

    @Test
    void aTimeIsAnIsoInstantOrEpochMillisecondsOfKafkasRecordTimestamps() {
        List<String> expected = List.of("logriver.kafka.first.poll=UNCOMMITTED_TIMESTAMP",
                "logriver.kafka.start.timestamp.ms=1796119200000");
        assertEquals(expected, ReprocessCommand.Start.parse("2026-12-01T10:00:00Z").settings());
        assertEquals(expected, ReprocessCommand.Start.parse("1796119200000").settings());
        assertEquals("the records written from 2026-12-01T10:00:00Z on",
                ReprocessCommand.Start.parse("1796119200000").words());
    }

    @Test
    void anythingElseIsAUsageError() {
        assertEquals("--from yesterday: expected earliest, a time such as 2026-11-28T10:00:00Z, or epoch milliseconds",
                assertThrows(Args.UsageException.class, () -> ReprocessCommand.Start.parse("yesterday")).getMessage());
    }
}
