package io.logriver.launcher.soak.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * When each fault strikes, from a seed: one fault in each period of {@code every}, at a random moment of its middle
 * half, its kind taken in turn from the kinds shuffled afresh for each round (every kind strikes as often as the
 * others, give or take one). No fault strikes unless it ends, and leaves a minute to recover, before the load ends.
 */
public record FaultSchedule(List<Planned> faults) {
    /** Recovery time left after the last fault, before the load ends. */
    public static final Duration LAST_RECOVERY = Duration.ofSeconds(60);

    /** A fault and when it strikes, from the start of the load. */
    public record Planned(Duration at, FaultKind kind) {
    }

    public static FaultSchedule plan(long seed, List<FaultKind> kinds, Duration every, Duration duration) {
        Random random = new Random(seed);
        List<Planned> out = new ArrayList<>();
        List<FaultKind> round = new ArrayList<>();
        for (long period = 0; kinds.size() > 0; period++) {
            long start = period * every.toMillis();
            if (start >= duration.toMillis()) {
                break;
            }
            if (round.isEmpty()) {
                round.addAll(kinds);
                Collections.shuffle(round, random);
            }
            long at = start + every.toMillis() / 4 + (long) (random.nextDouble() * every.toMillis() / 2);
            FaultKind kind = round.remove(0);
            if (at + kind.outage().toMillis() + LAST_RECOVERY.toMillis() <= duration.toMillis()) {
                out.add(new Planned(Duration.ofMillis(at), kind));
            }
        }
        return new FaultSchedule(List.copyOf(out));
    }
}
