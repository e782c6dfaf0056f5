package io.logriver.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The logriver keys, each listed once with how its value is read and checked and where the typed configuration
 * holds it: the set of known keys, the validation and the flat map (what the topology configuration and the Storm UI
 * show, less the launcher's own keys) all come from it. The defaults are in {@code resources/logriver.yaml}, which must set every key; the
 * README's configuration table lists every key (ReadmeKeysTest).
 */
final class KeyTable {
    private record Key(BiFunction<ConfigValues, String, ?> read, Function<LogriverConfig, Object> value,
                       boolean launcherOnly) {
    }

    private final Map<String, Key> keys = new LinkedHashMap<>();

    /** Adds a key: {@code read} reads and checks its value (an error names the key), {@code value} gets it back. */
    KeyTable key(String name, BiFunction<ConfigValues, String, ?> read, Function<LogriverConfig, Object> value) {
        return add(name, new Key(read, value, false));
    }

    /** As {@link #key}, for a setting of the launcher alone (the generator, the live view): no topology reads it. */
    KeyTable launcherKey(String name, BiFunction<ConfigValues, String, ?> read,
                         Function<LogriverConfig, Object> value) {
        return add(name, new Key(read, value, true));
    }

    private KeyTable add(String name, Key key) {
        if (keys.putIfAbsent(name, key) != null) {
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

    /** The keys of the launcher alone. */
    Set<String> launcherOnly() {
        Set<String> s = new java.util.TreeSet<>();
        keys.forEach((name, key) -> {
            if (key.launcherOnly()) {
                s.add(name);
            }
        });
        return s;
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
