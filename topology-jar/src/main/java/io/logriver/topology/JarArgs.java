package io.logriver.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The main class's arguments: {@code [--mode core] [--name NAME] [--config FILE] [-c key=value]...}, the options
 * of {@code bin/logriver} that concern the topology itself.
 */
record JarArgs(Mode mode, String name, Path config, List<String> overrides) {

    static JarArgs parse(List<String> argv) {
        String mode = Mode.CORE.id();
        String name = null;
        Path config = null;
        List<String> overrides = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            String option = argv.get(i);
            if (i + 1 >= argv.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = argv.get(++i);
            switch (option) {
                case "--mode" -> mode = value;
                case "--name" -> name = value;
                case "--config" -> config = Path.of(value);
                case "-c" -> overrides.add(value);
                default -> throw new IllegalArgumentException("unexpected argument '" + option + "'");
            }
        }
        String id = mode;
        Mode m = Mode.find(id).orElseThrow(
                () -> new IllegalArgumentException("--mode " + id + ": expected one of " + Mode.ids()));
        return new JarArgs(m, name == null ? m.defaultName() : name, config, List.copyOf(overrides));
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
