package io.logriver.launcher.cli;

import picocli.CommandLine.Model.OptionSpec;

/**
 * One option of a command, declared once: its name (without the dashes), the label of its value ({@code null} for a
 * flag such as {@code --json}), what it does in one line, and whether the command needs it (which the command checks,
 * with its own words; the synopsis shows it without brackets). The synopsis of {@code bin/logriver help}, the command's
 * {@code --help}, the parser and the completion script are all made from it.
 */
public record Option(String name, String label, String description, boolean needed) {
    /** {@code --work-dir DIR}: every command that starts or finds the dev cluster, the broker or Redis. */
    public static final Option WORK_DIR = value("work-dir", "DIR", "holds the broker's data, the dev cluster and the "
            + "logs (default: work/ in the logriver checkout)");
    /** {@code --config FILE}. */
    public static final Option CONFIG = value("config", "FILE", "a YAML file of logriver and Storm settings, over "
            + "resources/logriver.yaml");
    /** {@code -c key=value}, repeatable: the last word on the configuration. */
    public static final Option SETTING = new Option("c", "key=value", "one setting, over the defaults and --config "
            + "(repeatable; the keys are listed in README.md)", false);
    /** {@code --nimbus HOST[:PORT]}. */
    public static final Option NIMBUS = value("nimbus", "HOST[:PORT]", "the Nimbus to talk to (default: the dev "
            + "cluster's, else 127.0.0.1:6627)");
    /** {@code --kafka HOST:PORT}. */
    public static final Option KAFKA = value("kafka", "HOST:PORT", "the Kafka broker (default: the configured one, "
            + "else the dev cluster's)");
    /** {@code --redis HOST:PORT}. */
    public static final Option REDIS = value("redis", "HOST:PORT", "the Redis of the topology's state (default: the "
            + "configured one, else the dev cluster's)");
    /** {@code --mode core|trident}. */
    public static final Option MODE = value("mode", "core|trident", "the topology: core (Storm's core API, the "
            + "default) or trident");

    /** An option with a value: {@code --name LABEL}. */
    public static Option value(String name, String label, String description) {
        return new Option(name, label, description, false);
    }

    /** An option with a value that the command needs ({@code rebalance --workers N}). */
    public static Option needed(String name, String label, String description) {
        return new Option(name, label, description, true);
    }

    /** A flag, an option without a value: {@code --name}. */
    public static Option flag(String name, String description) {
        return new Option(name, null, description, false);
    }

    public boolean isFlag() {
        return label == null;
    }

    /** Repeatable: {@code -c key=value}, the only option with a one-letter name. */
    public boolean repeatable() {
        return name.length() == 1;
    }

    /** As typed: {@code --name}, or {@code -c}. */
    public String typed() {
        return (name.length() == 1 ? "-" : "--") + name;
    }

    /** As the synopsis shows it: {@code [--name LABEL]}, {@code [--flag]}, {@code [-c key=value]...}. */
    String synopsis() {
        String inside = isFlag() ? typed() : typed() + " " + label;
        return needed ? inside : "[" + inside + "]" + (repeatable() ? "..." : "");
    }

    /** For picocli: the value a string, read by {@link Args}; a flag a boolean; {@code -c} a list. */
    OptionSpec spec() {
        OptionSpec.Builder b = OptionSpec.builder(typed()).description(description);
        if (isFlag()) {
            return b.type(boolean.class).arity("0").build();
        }
        b.paramLabel(label).arity("1");
        return repeatable() ? b.type(java.util.List.class).auxiliaryTypes(String.class).build()
                : b.type(String.class).build();
    }
}
