package io.logriver.topology;

import io.logriver.config.LogriverConfig;
import io.logriver.core.CoreTopology;
import io.logriver.trident.TridentPipeline;
import java.util.List;
import org.apache.storm.generated.StormTopology;

/** The topologies this jar holds, by {@code --mode} (as the launcher's {@code Mode} for local runs). */
public final class Topologies {
    public static final List<String> MODES = List.of("core", "trident");

    private Topologies() {
    }

    public static StormTopology build(String mode, LogriverConfig c) {
        return switch (mode) {
            case "core" -> CoreTopology.build(c);
            case "trident" -> TridentPipeline.build(c);
            default -> throw new IllegalArgumentException("--mode " + mode + ": expected one of " + MODES);
        };
    }

    /** The topology name used when none is given: {@code logriver-core}, {@code logriver-trident}. */
    public static String defaultName(String mode) {
        return "logriver-" + mode;
    }
}
