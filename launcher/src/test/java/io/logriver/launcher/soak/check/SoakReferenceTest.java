package io.logriver.launcher.soak.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.launcher.generator.RecordGenerator;
import io.logriver.testing.ItDataSet;
import io.logriver.testing.Reference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The soak's reference, computed as requests are taken, gives the windows and counts of the tests' own
 * {@link Reference} (computed over a whole data set at once) on the integration tests' data set, every invalid kind,
 * time format, late and filtered request included, over one and two partitions.
 */
class SoakReferenceTest {
    private static final long WINDOW = 10_000;
    private static final long LATENESS = 5_000;

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void closesTheWindowsTheTestsReferenceCloses(int partitions) {
        ItDataSet data = ItDataSet.generate(7, 6_000);
        SoakReference soak = new SoakReference(partitions, WINDOW, LATENESS, data.sessionLines);
        for (int i = 0; i < data.requests.size(); i++) {
            soak.accept(i % partitions, i / partitions, data.requests.get(i).line().getBytes(StandardCharsets.UTF_8), i);
        }
        Reference expected = Reference.of(data, WINDOW, LATENESS, partitions);
        List<String> closed = soak.closedFrom(0).stream().map(SoakReference.Closed::json).sorted().toList();
        assertFalse(expected.closed.isEmpty());
        assertEquals(expected.closed.stream().sorted().toList(), closed);
        long[] c = soak.counts();
        assertEquals(List.of((long) data.requests.size(), expected.invalid, expected.filtered, expected.late,
                expected.aggregated), List.of(c[0], c[1], c[2], c[3], c[4]));
        assertNull(soak.orderError());
    }

    @Test
    void aClosedWindowKnowsWhenItClosedAndItsCount() {
        SoakReference soak = new SoakReference(1, WINDOW, LATENESS, List.of(
                "{\"sessionID\":\"a\",\"userID\":\"u\",\"orgID\":\"org-1\"}"));
        soak.accept(0, 0, request(1_000, "a", 30), 100);
        soak.accept(0, 1, request(2_000, "b", 50), 200);
        assertEquals(0, soak.closedCount());
        soak.accept(0, 2, request(15_000, "a", 10), 300); // watermark 10,000: the first window closes
        assertEquals(2, soak.closedCount());
        SoakReference.Closed known = soak.closed("1970-01-01T00:00:00Z|org-1|/app/x");
        assertNotNull(known);
        assertEquals(300, known.closedAtMillis());
        assertEquals(1, known.count());
        assertNotNull(soak.closed("1970-01-01T00:00:00Z|unknown|/app/x"), "a session never published: unknown");
        assertEquals(1, soak.closedFrom(1).size());
    }

    @Test
    void requestsOutOfOffsetOrderVoidTheReference() {
        SoakReference soak = new SoakReference(1, WINDOW, LATENESS, List.of());
        soak.accept(0, 5, request(1_000, "a", 1), 0);
        soak.accept(0, 4, request(1_000, "a", 1), 0);
        assertTrue(soak.orderError().contains("offset 4 taken after 5"), soak.orderError());
    }

    @Test
    void theSoaksGeneratorPublishesEverySessionFirstButOneInAHundred() {
        RecordGenerator g = RecordGenerator.withFixedSessions(3, 400);
        List<String> sessions = g.fixedSessionRecords(0);
        assertTrue(sessions.size() > 380 && sessions.size() < 400, sessions.size() + " sessions published");
        for (int i = 0; i < 1000; i++) {
            assertNull(g.next(1_000_000).newSession(), "no session made after the first");
        }
    }

    private static byte[] request(long t, String session, long duration) {
        return ("{\"timestamp\":" + t + ",\"webURL\":\"/app/x\",\"sessionID\":\"" + session + "\",\"durationMillis\":"
                + duration + "}").getBytes(StandardCharsets.UTF_8);
    }
}
