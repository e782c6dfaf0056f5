package io.logriver.core;

import io.logriver.config.LogriverConfig;
import io.logriver.config.ModeProfile;
import io.logriver.core.bolt.DurationStatsSerializer;
import io.logriver.logic.parse.Request;
import io.logriver.logic.parse.Session;
import io.logriver.logic.window.DurationStats;
import org.apache.storm.Config;
import org.apache.storm.spout.CheckPointState;

/** The Storm configuration of a logriver topology: every logriver setting (so the UI shows it) and Storm's own. */
public final class StormConfigs {
    private StormConfigs() {
    }

    /**
     * The configuration of the topology of {@code mode} . Every class a tuple carries
     * between two workers is registered with Kryo (Storm does not fall back on Java serialization): the values of
     * both topologies, and the arrays inside them (a Trident watermark row carries its batch's emit times as a
     * long[]); {@link DurationStats} travels in its compact binary form. RowSerializationTest checks each kind of row.
     * With the durable backend, the state of the checkpointed bolts goes to Redis.
     */
    public static Config of(LogriverConfig c, ModeProfile mode) {
        Config conf = new Config();
        conf.putAll(c.topologyMap());
        conf.putAll(c.stormFor(mode));
        conf.registerSerialization(Request.class);
        conf.registerSerialization(Session.class);
        conf.registerSerialization(DurationStats.class, DurationStatsSerializer.class);
        if (c.state().durable()) {
            // Storm's checkpoint tuples carry this enum between workers, and Storm does not register it itself
            conf.registerSerialization(CheckPointState.Action.class);
            conf.put(Config.TOPOLOGY_STATE_PROVIDER, RedisStateProvider.class.getName());
            conf.put(Config.TOPOLOGY_STATE_PROVIDER_CONFIG, "{\"jedisPoolConfig\":{\"host\":\"" + c.state().redisHost()
                    + "\",\"port\":" + c.state().redisPort() + ",\"timeout\":5000,\"database\":0}}");
        }
        conf.registerSerialization(long[].class);
        return conf;
    }
}
