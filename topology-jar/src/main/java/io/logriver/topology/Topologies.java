package io.logriver.topology;

import io.logriver.config.LogriverConfig;
import io.logriver.core.CoreTopology;
import java.util.List;
import org.apache.storm.generated.StormTopology;

/** The topologies this jar holds, by {@code --mode}: the one place a new mode (trident) is added. */
public final class Topologies {
    public static final List<String> MODES = List.of("core");

    private Topologies() {
    }

    public static StormTopology build(String mode, LogriverConfig c) {
        return switch (mode) {
            case "core" -> CoreTopology.build(c);
            default -> throw new IllegalArgumentException("--mode " + mode + ": expected one of " + MODES);
        };
    }

    /** The topology name used when none is given: {@code logriver-core}, {@code logriver-trident}. */
    public static String defaultName(String mode) {
        return "logriver-" + mode;
    }
}
