package io.logriver.config;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One logriver key, declared once (in {@link LogriverConfig}): its name, how its value is read and checked (every error
 * names the key), and what it means, as the README's configuration table says it (ReadmeKeysTest holds the two
 * together). Its default is in {@code resources/logriver.yaml}, which must set every key. A key reads as its name, so
 * that {@code KEY + "=" + value} is what {@code -c} takes.
 *
 * @param <T> the type of its value in the typed configuration
 */
public final class Key<T> {
    private final String name;
    private final BiFunction<ConfigValues, String, T> read;
    private final String doc;
    private final boolean launcherOnly;

    private Key(String name, BiFunction<ConfigValues, String, T> read, String doc, boolean launcherOnly) {
        this.name = name;
        this.read = read;
        this.doc = doc;
        this.launcherOnly = launcherOnly;
    }

    /** A key whose value {@code read} reads and checks. */
    static <T> Key<T> of(String name, BiFunction<ConfigValues, String, T> read, String doc) {
        return new Key<>(name, read, doc, false);
    }

    static Key<String> string(String name, String doc) {
        return of(name, ConfigValues::string, doc);
    }

    static Key<String> oneOf(String name, List<String> allowed, String doc) {
        return of(name, (v, k) -> v.oneOf(k, allowed), doc);
    }

    static Key<Long> longAtLeast(String name, long min, String doc) {
        return of(name, (v, k) -> v.longAtLeast(k, min), doc);
    }

    static Key<Integer> intAtLeast(String name, int min, String doc) {
        return of(name, (v, k) -> v.intAtLeast(k, min), doc);
    }

    static Key<List<String>> stringList(String name, String doc) {
        return of(name, ConfigValues::stringList, doc);
    }

    static Key<Boolean> bool(String name, String doc) {
        return of(name, ConfigValues::bool, doc);
    }

    /** This key as a setting of the launcher alone (the generator, the live view): no topology reads it. */
    Key<T> launcherOnly() {
        return new Key<>(name, read, doc, true);
    }

    public String name() {
        return name;
    }

    /** What the key means, one line (Markdown: the README's configuration table shows it). */
    public String doc() {
        return doc;
    }

    boolean isLauncherOnly() {
        return launcherOnly;
    }

    /** Its value in a flat key/value map, read and checked. */
    T read(ConfigValues values) {
        return read.apply(values, name);
    }

    /**
     * Its value in a topology's configuration ({@link LogriverConfig#topologyMap()}, as a component's {@code prepare}
     * gets it), read and checked as at start-up.
     */
    public T in(Map<String, Object> topologyConf) {
        return read(new ConfigValues(topologyConf));
    }

    @Override
    public String toString() {
        return name;
    }
}
