package io.logriver.launcher.soak.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {
    private static final List<FaultKind> ALL = List.of(FaultKind.values());

    @Test
    void oneFaultInTheMiddleHalfOfEachPeriodEveryKindInTurn() {
        FaultSchedule s = FaultSchedule.plan(5, ALL, Duration.ofMinutes(5), Duration.ofMinutes(60));
        assertEquals(12, s.faults().size());
        for (int i = 0; i < s.faults().size(); i++) {
            long at = s.faults().get(i).at().toMillis();
            long start = i * Duration.ofMinutes(5).toMillis();
            assertTrue(at >= start + 75_000 && at <= start + 225_000, "fault " + i + " at " + at);
        }
        Map<FaultKind, Long> counts = s.faults().stream()
                .collect(Collectors.groupingBy(FaultSchedule.Planned::kind, Collectors.counting()));
        assertEquals(ALL.size(), counts.size(), counts.toString());
        long most = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long least = counts.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertTrue(most - least <= 1, "each kind in turn, as often as the others give or take one: " + counts);
    }

    @Test
    void theSameSeedGivesTheSameScheduleAnotherSeedAnother() {
        Function<Long, FaultSchedule> plan = seed -> FaultSchedule.plan(seed, ALL, Duration.ofMinutes(1),
                Duration.ofMinutes(20));
        assertEquals(plan.apply(9L), plan.apply(9L));
        assertNotEquals(plan.apply(9L), plan.apply(10L));
    }

    @Test
    void noFaultWithoutItsOutageAndAMinuteToRecoverBeforeTheEnd() {
        FaultSchedule s = FaultSchedule.plan(1, List.of(FaultKind.PAUSE), Duration.ofMinutes(1), Duration.ofMinutes(3));
        for (FaultSchedule.Planned f : s.faults()) {
            assertTrue(f.at().plus(FaultKind.PAUSE.outage()).plusMinutes(1).compareTo(Duration.ofMinutes(3)) <= 0,
                    f.toString());
        }
        assertTrue(s.faults().size() >= 1);
    }
}
