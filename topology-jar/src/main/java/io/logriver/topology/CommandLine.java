package io.logriver.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one parser of logriver's command lines, {@code bin/logriver}'s and the topology jar's: {@code --name value} (or
 * {@code --name=value}) options, flags without a value ({@code --json}), and repeatable {@code -c key=value}. A
 * mistake is an {@link IllegalArgumentException} whose message names the argument.
 */
public final class CommandLine {
    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> overrides = new ArrayList<>();

    private CommandLine() {
    }

    /** Parses {@code argv}: every option is one of {@code allowed} or of {@code flagNames} (names without dashes). */
    public static CommandLine parse(List<String> argv, Set<String> allowed, Set<String> flagNames) {
        CommandLine a = new CommandLine();
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.startsWith("--") && flagNames.contains(arg.substring(2))) {
                a.flags.add(arg.substring(2));
            } else if (arg.equals("-c")) {
                if (i + 1 >= argv.size()) {
                    throw new IllegalArgumentException("-c needs key=value");
                }
                a.overrides.add(argv.get(++i));
            } else if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq > 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (!allowed.contains(name)) {
                    throw new IllegalArgumentException("unknown option --" + name);
                }
                if (value == null) {
                    if (i + 1 >= argv.size() || argv.get(i + 1).startsWith("-")) {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    value = argv.get(++i);
                }
                a.options.put(name, value);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
        }
        return a;
    }

    /** The value of {@code --name}, or null. */
    public String get(String name) {
        return options.get(name);
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    /** Whether the flag {@code --name} was given. */
    public boolean flag(String name) {
        return flags.contains(name);
    }

    /** Every {@code -c key=value}, in command-line order. */
    public List<String> overrides() {
        return List.copyOf(overrides);
    }

    /** {@code --mode core|trident}; core when absent. */
    public Mode mode() {
        return Mode.named(options.getOrDefault("mode", Mode.CORE.id()));
    }
}
