package io.logriver.logic;

import java.lang.reflect.InvocationTargetException;

/**
 * Told of every request applied to its window, with its times: the seam where a benchmark measures per-record
 * latencies ({@code logriver.latency.hook} names the class; each task makes one with its public no-argument
 * constructor, as Storm does for {@code topology.auto.task.hooks}). The product keeps no latencies of its own here: its
 * metrics ({@code logriver.latency.us}) are measured apart. Times are {@link io.logriver.logic.time.HostClock} values;
 * {@code schedNanos} is -1 for a request that carries no scheduled send time. Called on the task's thread, on the hot
 * path: an implementation must not block.
 */
public interface AppliedHook {

    /** The hook of a topology that measures nothing. */
    AppliedHook NONE = (nowNanos, emitNanos, schedNanos) -> {
    };

    /** A request applied at {@code nowNanos}, emitted into the topology at {@code emitNanos}. */
    void applied(long nowNanos, long emitNanos, long schedNanos);

    /**
     * A request applied at {@code nowNanos} after it waited for its session since {@code takenNanos}, when the stage
     * took it. By default it counts as applied when it was taken, as {@code logriver.latency.us} counts it.
     */
    default void appliedAfterWait(long nowNanos, long emitNanos, long schedNanos, long takenNanos) {
        applied(takenNanos, emitNanos, schedNanos);
    }

    /**
     * A new hook of the class {@code className}.
     *
     * @throws IllegalArgumentException when there is no such class, it is no {@code AppliedHook}, or it cannot be made
     */
    static AppliedHook of(String className) {
        Class<?> type;
        try {
            type = Class.forName(className.trim(), true, AppliedHook.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no class " + className + " on the classpath");
        }
        if (!AppliedHook.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(className + " is not an " + AppliedHook.class.getName());
        }
        try {
            return (AppliedHook) type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(className + " has no public constructor without arguments");
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(className + " could not be made: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(className + " could not be made: " + e);
        }
    }
}
