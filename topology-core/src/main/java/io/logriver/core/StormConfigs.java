package io.logriver.core;

import io.logriver.config.LogriverConfig;
import io.logriver.logic.Request;
import io.logriver.logic.Session;
import org.apache.storm.Config;

/** The Storm configuration of a logriver topology: every logriver setting (so the UI shows it) and Storm's own. */
public final class StormConfigs {
    private StormConfigs() {
    }

    public static Config of(LogriverConfig c) {
        Config conf = new Config();
        conf.putAll(c.toMap());
        conf.registerSerialization(Request.class);
        conf.registerSerialization(Session.class);
        return conf;
    }
}
