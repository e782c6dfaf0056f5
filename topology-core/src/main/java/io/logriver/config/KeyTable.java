package io.logriver.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The logriver keys, each listed once with how its value is read and checked and where the typed configuration
 * holds it: the set of known keys, the validation and the flat map (what the topology configuration and the Storm UI
 * show) all come from it. The defaults are in {@code resources/logriver.yaml}, which must set every key; the
 * README's configuration table lists every key (ReadmeKeysTest).
 */
final class KeyTable {
    private record Key(BiFunction<ConfigValues, String, ?> read, Function<LogriverConfig, Object> value) {
    }

    private final Map<String, Key> keys = new LinkedHashMap<>();

    /** Adds a key: {@code read} reads and checks its value (an error names the key), {@code value} gets it back. */
    KeyTable key(String name, BiFunction<ConfigValues, String, ?> read, Function<LogriverConfig, Object> value) {
        if (keys.putIfAbsent(name, new Key(read, value)) != null) {
            throw new IllegalStateException(name + " declared twice");
        }
        return this;
    }

    Set<String> names() {
        return Set.copyOf(keys.keySet());
    }

    /** The typed values of {@code values}, read and checked on demand (an error names the key). */
    Values read(ConfigValues values) {
        return new Values(values);
    }

    /** Every key with its value in {@code c}, in declaration order. */
    Map<String, Object> values(LogriverConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        keys.forEach((name, key) -> m.put(name, key.value().apply(c)));
        return m;
    }

    /** A flat map's values, typed by their keys' readers. */
    final class Values {
        private final ConfigValues values;

        private Values(ConfigValues values) {
            this.values = values;
        }

        /** The value of {@code name}, of the type its key's reader gives (the caller's type must be that one). */
        @SuppressWarnings("unchecked")
        <T> T get(String name) {
            return (T) keys.get(name).read().apply(values, name);
        }
    }
}
