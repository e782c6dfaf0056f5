package io.logriver.launcher.cli;

import io.logriver.config.LogriverConfig;
import io.logriver.core.CoreTopology;
import io.logriver.core.StormConfigs;
import io.logriver.trident.TridentPipeline;
import java.util.Locale;
import org.apache.storm.Config;
import org.apache.storm.generated.StormTopology;

/** The two topologies: {@code core} (record at a time) and {@code trident} (micro-batches). */
public enum Mode {
    CORE,
    TRIDENT;

    public static Mode parse(String text) {
        for (Mode m : values()) {
            if (m.id().equals(text)) {
                return m;
            }
        }
        throw new Args.UsageException("--mode " + text + ": expected core or trident");
    }

    /** As in {@code --mode} and in the mode profiles of the configuration. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public StormTopology topology(LogriverConfig c) {
        return this == CORE ? CoreTopology.build(c) : TridentPipeline.build(c);
    }

    public Config stormConfig(LogriverConfig c) {
        return StormConfigs.of(c, id());
    }
}
