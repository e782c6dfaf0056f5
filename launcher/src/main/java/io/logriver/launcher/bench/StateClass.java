package io.logriver.launcher.bench;

import io.logriver.config.StateBackend;
import io.logriver.launcher.cli.Args;
import java.util.Locale;

/**
 * The guarantee class the benchmark compares engines in: {@link #MEMORY}, state in the process (lost with it), or
 * {@link #DURABLE}, state that survives the process being killed. logriver's modes name it by their state backend.
 */
enum StateClass {
    MEMORY(StateBackend.MEMORY), DURABLE(StateBackend.REDIS);

    private final StateBackend backend;

    StateClass(StateBackend backend) {
        this.backend = backend;
    }

    /** As the report and the CSV write it. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** logriver's state backend of this class ({@code logriver.state.backend}). */
    StateBackend backend() {
        return backend;
    }

    /** The class of logriver's state backend. */
    static StateClass of(StateBackend backend) {
        return backend.durable() ? DURABLE : MEMORY;
    }

    /** The class of a state backend or of a class name: {@code redis} or {@code durable}, {@code memory}. */
    static StateClass of(String text) {
        return switch (text.trim()) {
            case "memory" -> MEMORY;
            case "redis", "durable" -> DURABLE;
            default -> throw new Args.UsageException("--backends " + text + ": expected redis (or durable) and memory");
        };
    }
}
