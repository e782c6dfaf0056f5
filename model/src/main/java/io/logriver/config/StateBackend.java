package io.logriver.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Where the topologies keep their state ({@code logriver.state.backend}). */
public enum StateBackend {
    /** Redis: durable, the state survives a worker, and Redis itself restarted from its append-only file. */
    REDIS(true),
    /** The workers' memory: lost with a worker. */
    MEMORY(false);

    private final boolean durable;

    StateBackend(boolean durable) {
        this.durable = durable;
    }

    /** As the configuration writes it: {@code redis}, {@code memory}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether state outlives the process that holds it. */
    public boolean durable() {
        return durable;
    }

    /** Every backend's id, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(StateBackend::id).toList();
    }

    /** The backend of an id (one of {@link #ids()}, checked by the configuration before it asks). */
    public static StateBackend of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
