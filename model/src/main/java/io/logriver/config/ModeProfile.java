package io.logriver.config;

import java.util.Locale;

/**
 * The topology modes as the configuration knows them: each has a profile of Storm keys,
 * {@code logriver.MODE.topology.X}, which sets {@code topology.X} in that mode only. What a mode is beyond its
 * configuration (its builder, readiness, end of input, guarantee) is the topology jar's {@code Mode}, one for each.
 */
public enum ModeProfile {
    CORE, TRIDENT;

    /** As in {@code --mode} and in the profile's keys: {@code core}, {@code trident}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the profile's keys start with: {@code logriver.core.}, {@code logriver.trident.}. */
    String prefix() {
        return "logriver." + id() + ".";
    }

    /** The key that sets Storm's {@code stormKey} in this mode only ({@code logriver.trident.topology.X}). */
    public String key(String stormKey) {
        return prefix() + stormKey;
    }
}
