package io.logriver.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The main class's arguments: {@code [--mode core] [--name NAME] [--config FILE] [-c key=value]...}, the options
 * of {@code bin/logriver} that concern the topology itself.
 */
record JarArgs(Mode mode, String name, Path config, List<String> overrides) {

    private static final Set<String> OPTIONS = Set.of("--mode", "--name", "--config", "-c");

    /**
     * Parses what {@code bin/logriver submit} passes (a person's mistakes are caught there, by picocli): each option
     * followed by its value; a mistake is an {@link IllegalArgumentException} naming the argument.
     */
    static JarArgs parse(List<String> argv) {
        Map<String, String> options = new HashMap<>();
        List<String> overrides = new ArrayList<>();
        for (int i = 0; i < argv.size(); i += 2) {
            String option = argv.get(i);
            if (!OPTIONS.contains(option)) {
                throw new IllegalArgumentException(option.startsWith("-") ? "unknown option " + option
                        : "unexpected argument '" + option + "'");
            }
            if (i + 1 >= argv.size()) {
                String value = option.equals("-c") ? "key=value" : "a value";
                throw new IllegalArgumentException(option + " needs " + value);
            }
            if (option.equals("-c")) {
                overrides.add(argv.get(i + 1));
            } else {
                options.put(option, argv.get(i + 1));
            }
        }
        Mode m = Mode.named(options.getOrDefault("--mode", Mode.CORE.id()));
        String config = options.get("--config");
        return new JarArgs(m, options.getOrDefault("--name", m.defaultName()), config == null ? null : Path.of(config),
                overrides);
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
