package io.logriver.trident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.logic.Pending;
import io.logriver.logic.parse.Request;
import io.logriver.logic.parse.Session;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Trident states against failures and restarts: batches of an opaque spout (a replay re-reads from where the last
 * committed batch ended, and may hold more or fewer records than the attempt it replaces) fail after the stage, the
 * merger or the sink wrote them, and workers restart on the same stores. Every window is written, and every time with
 * the same content as in a run without faults.
 */
class ExactlyOnceTest {
    private static final int PARTITIONS = 2;
    private static final Session[] SESSIONS = {new Session("s1", "u1", "org-a"), new Session("s2", "u2", "org-b"), null};

    /** Records of both partitions: in time with some disorder, a few late, a few join misses; then the end of input. */
    private static List<List<Arrival>> input(long seed, int n) {
        Random r = new Random(seed);
        List<List<Arrival>> byPartition = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < n; i++) {
            int p = r.nextInt(PARTITIONS);
            long t = i * 200L + r.nextInt(3_000) - (r.nextInt(40) == 0 ? 25_000 : 0);
            Session s = SESSIONS[r.nextInt(SESSIONS.length)];
            String url = "/app/" + r.nextInt(4) + "?x=" + i;
            Request req = new Request(Math.max(0, t), url, s == null ? "ghost" : s.sessionID(), r.nextInt(400),
                    r.nextInt(30) == 0 ? "ERROR" : "INFO", 200);
            List<Arrival> q = byPartition.get(p);
            q.add(new Arrival(new Pending(p, q.size(), req, 1, -1, -1), ("record " + i).getBytes(StandardCharsets.UTF_8),
                    s, false));
        }
        for (int p = 0; p < PARTITIONS; p++) {
            List<Arrival> q = byPartition.get(p);
            q.add(new Arrival(new Pending(p, q.size(), null, 0, -1, -1), new byte[0], null, true));
        }
        return byPartition;
    }

    /**
     * Runs the input through the states in batches of random size per partition. With {@code faults}, about one
     * attempt in four fails at a random place and is replayed (with a new random size), and about half of the
     * failures restart the worker first.
     */
    private static StatesRun run(List<List<Arrival>> input, long seed, boolean faults) {
        Random r = new Random(seed);
        StatesRun run = new StatesRun(10_000, 5_000, PARTITIONS);
        int[] next = new int[PARTITIONS];
        long txid = 1;
        while (next[0] < input.get(0).size() || next[1] < input.get(1).size()) {
            List<Arrival> batch = new ArrayList<>();
            int[] end = new int[PARTITIONS];
            for (int p = 0; p < PARTITIONS; p++) {
                // the replay holds other records than the attempt before it, here and then, none at all
                end[p] = Math.min(input.get(p).size(), next[p] + r.nextInt(60));
                batch.addAll(input.get(p).subList(next[p], end[p]));
            }
            StatesRun.Fault fault = !faults || r.nextInt(4) > 0 ? StatesRun.Fault.NONE
                    : StatesRun.Fault.values()[1 + r.nextInt(3)];
            java.util.Collections.shuffle(batch, r); // tasks before the stage hand records on in any order
            if (run.attempt(txid, batch, fault)) {
                next = end;
                txid++;
            } else if (r.nextBoolean()) {
                run.restart();
            }
        }
        return run;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void failuresAnywhereInTheCommitAndRestartsChangeNoWindow(long seed) {
        List<List<Arrival>> input = input(seed, 3_000);
        StatesRun clean = run(input, seed, false);
        Map<String, String> expected = clean.windowsByKey();
        assertEquals(clean.windowRows.size(), expected.size(), "without faults, each window once");
        assertTrue(expected.size() > 100, "windows " + expected.size());
        assertTrue(clean.deadLetters.size() > 10, "late records " + clean.deadLetters.size());
        assertTrue(expected.values().stream().anyMatch(w -> w.contains("\"orgID\":\"unknown\"")), "join misses");

        StatesRun faulty = run(input, seed * 1_000 + 7, true);

        Map<String, String> got = faulty.windowsByKey();
        assertEquals(expected.keySet(), got.keySet());
        expected.forEach((k, w) -> assertEquals(w, got.get(k), k));
        Set<List<Object>> late = new HashSet<>(faulty.deadLetters);
        assertEquals(new HashSet<>(clean.deadLetters), late, "the same late records, some written twice");
        assertEquals(0, faulty.replayed(), "no record or share reached a state twice");
    }
}
