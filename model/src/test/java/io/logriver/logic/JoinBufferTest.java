package io.logriver.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.logic.parse.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class JoinBufferTest {

    private static final long WAIT = 2_000;

    private final SessionTable table = new SessionTable();
    private final JoinBuffer<String> buffer = new JoinBuffer<>(table, WAIT);
    private final List<String> joined = new ArrayList<>();
    private final List<String> missed = new ArrayList<>();
    private final BiConsumer<String, Session> onJoined = (item, s) -> joined.add(item + "@" + s.orgID() + "/" + s.userID());
    private final BiConsumer<String, Session> onMissed = (item, s) -> missed.add(item + "@" + s.orgID() + "/" + s.userID()
            + "/" + s.sessionID());

    /** Offers a request; one joined at once goes to {@code onJoined}, as the waiting ones that join later do. */
    private boolean offer(JoinBuffer<String> b, String item, String sessionID, int partition, long windowEnd, long now) {
        Session s = b.offer(item, sessionID, partition, windowEnd, now);
        if (s != null) {
            onJoined.accept(item, s);
        }
        return s != null;
    }

    @Test
    void knownSessionJoinsAtOnce() {
        table.apply(new Session("s-1", "u-1", "org-1"), 0, 0);
        assertTrue(offer(buffer, "r1", "s-1", 0, 10_000, 1_000));
        assertEquals(List.of("r1@org-1/u-1"), joined);
        assertEquals(0, buffer.waiting());
        assertEquals(Long.MAX_VALUE, buffer.watermarkCeiling(0));
        buffer.expire(Long.MAX_VALUE, onMissed);
        assertTrue(missed.isEmpty());
    }

    @Test
    void unknownSessionWaitsUntilItsDeadline() {
        assertFalse(offer(buffer, "r1", "s-x", 0, 10_000, 1_000));
        assertTrue(joined.isEmpty());
        assertEquals(1, buffer.waiting());
        buffer.expire(2_999, onMissed); // deadline is 1,000 + 2,000 = 3,000
        assertTrue(missed.isEmpty());
        assertEquals(1, buffer.waiting());
        buffer.expire(3_000, onMissed);
        assertEquals(List.of("r1@unknown/unknown/s-x"), missed);
        assertEquals(0, buffer.waiting());
        assertEquals(Long.MAX_VALUE, buffer.watermarkCeiling(0));
        buffer.expire(100_000, onMissed); // released once only
        assertEquals(1, missed.size());
        assertTrue(joined.isEmpty());
    }

    @Test
    void expireReleasesOnlyThoseDue() {
        offer(buffer, "r1", "a", 0, 10_000, 1_000);
        offer(buffer, "r2", "b", 0, 10_000, 1_500);
        offer(buffer, "r3", "c", 1, 20_000, 2_000);
        buffer.expire(3_500, onMissed);
        assertEquals(List.of("r1@unknown/unknown/a", "r2@unknown/unknown/b"), missed);
        assertEquals(1, buffer.waiting());
        buffer.expire(4_000, onMissed);
        assertEquals(3, missed.size());
        assertEquals("r3@unknown/unknown/c", missed.get(2));
    }

    @Test
    void arrivingSessionReleasesWaitingRequestsJoined() {
        offer(buffer, "r1", "s-1", 0, 10_000, 1_000);
        offer(buffer, "r2", "s-2", 0, 10_000, 1_100);
        offer(buffer, "r3", "s-1", 1, 20_000, 1_200);
        assertEquals(3, buffer.waiting());
        buffer.onSession(new Session("s-1", "u-1", "org-1"), 0, 5, onJoined);
        assertEquals(List.of("r1@org-1/u-1", "r3@org-1/u-1"), joined);
        assertEquals(1, buffer.waiting());
        assertEquals(Long.MAX_VALUE, buffer.watermarkCeiling(1));
        assertEquals(9_999, buffer.watermarkCeiling(0));
        // the joined ones are not released again as misses
        buffer.expire(Long.MAX_VALUE, onMissed);
        assertEquals(List.of("r2@unknown/unknown/s-2"), missed);
        assertEquals(0, buffer.waiting());
        // and the session is now in the table: later requests join at once
        assertTrue(offer(buffer, "r4", "s-1", 0, 30_000, 9_000));
        assertEquals("r4@org-1/u-1", joined.get(2));
    }

    @Test
    void staleSessionUpdateDoesNotOverwrite() {
        buffer.onSession(new Session("s-1", "u-new", "org-new"), 0, 10, onJoined);
        buffer.onSession(new Session("s-1", "u-old", "org-old"), 0, 3, onJoined);
        assertTrue(offer(buffer, "r1", "s-1", 0, 10_000, 0));
        assertEquals(List.of("r1@org-new/u-new"), joined);
    }

    @Test
    void sessionForNobodyWaitingJoinsNothing() {
        offer(buffer, "r1", "s-1", 0, 10_000, 0);
        buffer.onSession(new Session("s-2", "u", "o"), 0, 0, onJoined);
        assertTrue(joined.isEmpty());
        assertEquals(1, buffer.waiting());
    }

    @Test
    void watermarkCeilingIsEarliestWaitingWindowEndMinusOne() {
        assertEquals(Long.MAX_VALUE, buffer.watermarkCeiling(0));
        offer(buffer, "r1", "a", 0, 30_000, 0);
        assertEquals(29_999, buffer.watermarkCeiling(0));
        offer(buffer, "r2", "b", 0, 10_000, 100);
        offer(buffer, "r3", "c", 0, 10_000, 200);
        offer(buffer, "r4", "d", 1, 5_000, 300);
        assertEquals(9_999, buffer.watermarkCeiling(0));
        assertEquals(4_999, buffer.watermarkCeiling(1));
        assertEquals(Long.MAX_VALUE, buffer.watermarkCeiling(2));
        buffer.onSession(new Session("b", "u", "o"), 0, 0, onJoined);
        assertEquals(9_999, buffer.watermarkCeiling(0)); // r3 still waits in window ending 10,000
        buffer.onSession(new Session("c", "u", "o"), 0, 1, onJoined);
        assertEquals(29_999, buffer.watermarkCeiling(0));
        buffer.expire(2_000, onMissed); // r1's deadline
        assertEquals(Long.MAX_VALUE, buffer.watermarkCeiling(0));
        assertEquals(4_999, buffer.watermarkCeiling(1));
    }

    @Test
    void expirePartitionReleasesAllOfThatPartitionOnly() {
        offer(buffer, "r1", "a", 0, 10_000, 0);
        offer(buffer, "r2", "b", 1, 10_000, 10);
        offer(buffer, "r3", "c", 0, 20_000, 20);
        offer(buffer, "r4", "a", 1, 20_000, 30);
        buffer.expirePartition(0, onMissed);
        assertEquals(List.of("r1@unknown/unknown/a", "r3@unknown/unknown/c"), missed);
        assertEquals(Long.MAX_VALUE, buffer.watermarkCeiling(0));
        assertEquals(9_999, buffer.watermarkCeiling(1));
        assertEquals(2, buffer.waiting());
        // a session still joins the other partition's request for the same session id
        buffer.onSession(new Session("a", "u-a", "org-a"), 0, 0, onJoined);
        assertEquals(List.of("r4@org-a/u-a"), joined);
        buffer.expire(Long.MAX_VALUE, onMissed);
        assertEquals(3, missed.size());
        assertEquals("r2@unknown/unknown/b", missed.get(2));
        assertEquals(0, buffer.waiting());
    }

    @Test
    void expirePartitionSkipsAlreadyJoined() {
        offer(buffer, "r1", "a", 0, 10_000, 0);
        buffer.onSession(new Session("a", "u", "o"), 0, 0, onJoined);
        buffer.expirePartition(0, onMissed);
        assertTrue(missed.isEmpty());
        assertEquals(1, joined.size());
    }

    @Test
    void missedRequestIsNotJoinedLater() {
        offer(buffer, "r1", "a", 0, 10_000, 0);
        buffer.expire(WAIT, onMissed);
        buffer.onSession(new Session("a", "u", "o"), 0, 0, onJoined);
        assertTrue(joined.isEmpty());
        assertEquals(1, missed.size());
    }

    @Test
    void zeroWaitExpiresAtTheSameInstant() {
        JoinBuffer<String> b = new JoinBuffer<>(new SessionTable(), 0);
        assertFalse(offer(b, "r1", "a", 0, 10_000, 500));
        b.expire(499, onMissed);
        assertTrue(missed.isEmpty());
        b.expire(500, onMissed);
        assertEquals(1, missed.size());
    }
}
