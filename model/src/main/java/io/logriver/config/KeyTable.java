package io.logriver.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The logriver keys in the order they are declared: the set of known keys, the validation, the flat map (what the
 * topology configuration and the Storm UI show, less the launcher's own keys) and the README's table all come from it.
 */
final class KeyTable {
    private final List<Key<?>> keys = new ArrayList<>();

    /** Adds a key (as its declaration's initializer, so that declaring it is all it takes). */
    <T> Key<T> add(Key<T> key) {
        if (keys.stream().anyMatch(k -> k.name().equals(key.name()))) {
            throw new IllegalStateException(key.name() + " declared twice");
        }
        keys.add(key);
        return key;
    }

    /** Every key, in declaration order. */
    List<Key<?>> keys() {
        return List.copyOf(keys);
    }

    Set<String> names() {
        Set<String> s = new TreeSet<>();
        keys.forEach(k -> s.add(k.name()));
        return Set.copyOf(s);
    }

    /** The names of the launcher's own keys. */
    Set<String> launcherOnly() {
        Set<String> s = new TreeSet<>();
        keys.stream().filter(Key::isLauncherOnly).forEach(k -> s.add(k.name()));
        return s;
    }
}
