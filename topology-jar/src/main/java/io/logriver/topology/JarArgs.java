package io.logriver.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The main class's arguments: {@code [--mode core] [--name NAME] [--config FILE] [-c key=value]...}, the options
 * of {@code bin/logriver} that concern the topology itself.
 */
record JarArgs(Mode mode, String name, Path config, List<String> overrides) {

    private static final Set<String> OPTIONS = Set.of("mode", "name", "config");

    static JarArgs parse(List<String> argv) {
        CommandLine a = CommandLine.parse(argv, OPTIONS, Set.of());
        Mode m = a.mode();
        return new JarArgs(m, a.has("name") ? a.get("name") : m.defaultName(),
                a.has("config") ? Path.of(a.get("config")) : null, a.overrides());
    }

    /**
     * The overrides, after the logriver keys among Storm's own command-line options ({@code storm jar -c key=value}
     * puts them in {@code storm.options}), so that they shape the topology and not only its configuration.
     */
    List<String> overridesAfter(Map<String, Object> stormOptions) {
        List<String> all = new ArrayList<>();
        stormOptions.forEach((k, v) -> {
            if (k.startsWith("logriver.")) {
                all.add(k + "=" + v);
            }
        });
        all.addAll(overrides);
        return all;
    }
}
