package io.logriver.launcher.soak.fault;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/** The faults the soak injects, as {@code --faults} names them, and how long each keeps its part away. */
public enum FaultKind {
    /** A worker JVM of each topology killed with {@code kill -9}: no shutdown hook, no last commit. */
    WORKER(Duration.ZERO),
    /**
     * The workers of each topology killed with {@code kill -9} the moment Redis is asked to write their state: in the
     * middle of a checkpoint (core) or of a batch's commit (Trident).
     */
    COMMIT(Duration.ZERO),
    /** Redis killed with {@code kill -9}, started again 10 s later on its append-only file. */
    REDIS(Duration.ofSeconds(10)),
    /** The broker stopped, started again 15 s later. */
    BROKER(Duration.ofSeconds(15)),
    /**
     * A worker JVM of each topology stopped ({@code SIGSTOP}) for 40 s, longer than the 30 s message timeout, then
     * continued ({@code SIGCONT}): a network partition as the rest of the cluster sees it.
     */
    PAUSE(Duration.ofSeconds(40)),
    /**
     * Nimbus killed with {@code kill -9}, started again 20 s later: the topologies run on without it, and it comes
     * back from what ZooKeeper and its blob store hold.
     */
    NIMBUS(Duration.ofSeconds(20)),
    /**
     * ZooKeeper killed with {@code kill -9}, started again 15 s later on its data directory: Storm's coordination and
     * Trident's transaction ids are away meanwhile.
     */
    ZOOKEEPER(Duration.ofSeconds(15)),
    /**
     * The file system under Redis's append-only file full: Redis, which fsyncs every write, stops at the first write
     * it cannot make (it could not take back the reply); freed 15 s later and Redis started again on its files. Redis's
     * data is then on a tmpfs of its own (mounting it takes root), so this fault is asked for by name only.
     */
    DISK(Duration.ofSeconds(15));

    /** The faults a soak strikes unless {@code --faults} says otherwise: all but {@link #DISK}, which takes root. */
    public static final java.util.List<FaultKind> DEFAULTS = java.util.List.of(WORKER, COMMIT, REDIS, BROKER, PAUSE,
            NIMBUS, ZOOKEEPER);

    private final Duration outage;

    FaultKind(Duration outage) {
        this.outage = outage;
    }

    /** How long the part stays away. */
    public Duration outage() {
        return outage;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The fault named {@code text}; an {@link IllegalArgumentException} names the known ones. */
    public static FaultKind named(String text) {
        for (FaultKind k : values()) {
            if (k.id().equals(text)) {
                return k;
            }
        }
        throw new IllegalArgumentException("expected some of " + String.join(",",
                Arrays.stream(values()).map(FaultKind::id).toList()));
    }
}
