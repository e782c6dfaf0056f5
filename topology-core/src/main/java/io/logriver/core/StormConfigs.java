package io.logriver.core;

import io.logriver.config.LogriverConfig;
import io.logriver.logic.DurationStats;
import io.logriver.logic.Request;
import io.logriver.logic.Session;
import org.apache.storm.Config;

/** The Storm configuration of a logriver topology: every logriver setting (so the UI shows it) and Storm's own. */
public final class StormConfigs {
    private StormConfigs() {
    }

    /**
     * The configuration of the topology of {@code mode} ({@code core} or {@code trident}). Every class a tuple carries
     * between two workers is registered with Kryo (Storm does not fall back on Java serialization): the values of
     * both topologies, and the arrays inside them (a Trident watermark row carries its batch's emit times as a
     * long[], and {@link DurationStats} keeps its durations in an int[]). RowSerializationTest checks each kind of row.
     */
    public static Config of(LogriverConfig c, String mode) {
        Config conf = new Config();
        conf.putAll(c.toMap());
        conf.putAll(c.stormFor(mode));
        conf.registerSerialization(Request.class);
        conf.registerSerialization(Session.class);
        conf.registerSerialization(DurationStats.class);
        conf.registerSerialization(int[].class);
        conf.registerSerialization(long[].class);
        return conf;
    }
}
