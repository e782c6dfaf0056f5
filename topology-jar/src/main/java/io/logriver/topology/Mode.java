package io.logriver.topology;

import io.logriver.config.LogriverConfig;
import io.logriver.core.CoreTopology;
import io.logriver.core.StormConfigs;
import io.logriver.trident.TridentPipeline;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apache.storm.Config;
import org.apache.storm.generated.StormTopology;

/**
 * The two topologies, {@code --mode core} (record at a time) and {@code --mode trident} (micro-batches): each knows
 * its builder, its Storm settings (the common ones and its profile {@code logriver.MODE.topology.X}) and the name a
 * topology of it gets when none is given. The launcher and this jar's main class both pick a topology here.
 */
public enum Mode {
    CORE(CoreTopology::build),
    TRIDENT(TridentPipeline::build);

    private final Function<LogriverConfig, StormTopology> builder;

    Mode(Function<LogriverConfig, StormTopology> builder) {
        this.builder = builder;
    }

    /** The mode whose {@link #id()} is {@code text}, if any. */
    private static Optional<Mode> find(String text) {
        return Arrays.stream(values()).filter(m -> m.id().equals(text)).findFirst();
    }

    /** The mode {@code --mode text} names; an error that says which ids there are when none has that id. */
    public static Mode named(String text) {
        return find(text).orElseThrow(() -> new IllegalArgumentException("--mode " + text + ": expected "
                + String.join(" or ", ids())));
    }

    /** Every mode's id, in declaration order: {@code [core, trident]}. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Mode::id).toList();
    }

    /** As in {@code --mode} and in the mode profiles of the configuration ({@link LogriverConfig#MODES}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The topology name used when none is given: {@code logriver-core}, {@code logriver-trident}. */
    public String defaultName() {
        return "logriver-" + id();
    }

    /** The production topology of this mode, reading from and writing to the configured Kafka topics. */
    public StormTopology topology(LogriverConfig c) {
        return builder.apply(c);
    }

    /** The Storm configuration of this mode's topology: every logriver setting, Storm's, and this mode's profile. */
    public Config stormConfig(LogriverConfig c) {
        return StormConfigs.of(c, id());
    }
}
