package io.logriver.launcher.cli;

import io.logriver.config.ConfigException;
import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.topology.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command line of a {@code bin/logriver} command, as picocli parses it from the command's {@link Syntax}, with the
 * typed readings the commands need; every mistake is a {@link UsageException} naming the option, and {@code --help}
 * a {@link HelpRequest}.
 */
public final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> overrides = new ArrayList<>();
    private final List<String> params = new ArrayList<>();
    private String subcommand;

    private Args() {
    }

    /** Parses {@code argv} as {@code syntax} declares the command. */
    public static Args parse(List<String> argv, Syntax syntax) {
        Args a = parse(argv, syntax.parser());
        for (int i = 0; i < syntax.params().size(); i++) {
            String missing = syntax.params().get(i).whenMissing();
            if (missing != null && a.param(i) == null) {
                throw new UsageException(missing);
            }
        }
        return a;
    }

    /** Parses {@code argv} with {@code parser}, one of {@link Syntax}'s. */
    public static Args parse(List<String> argv, CommandLine parser) {
        ParseResult r;
        try {
            r = parser.parseArgs(argv.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UsageException(ParseErrors.line(e));
        }
        Args a = new Args();
        ParseResult leaf = helpOrLeaf(r);
        if (leaf != r) {
            a.subcommand = leaf.commandSpec().name();
        }
        for (OptionSpec o : new LinkedHashSet<>(leaf.matchedOptions())) { // an option given twice is there twice
            String name = o.longestName().replaceFirst("^--?", "");
            if (o.isMultiValue()) {
                a.overrides.addAll(leaf.matchedOptionValue(o.longestName(), List.<String>of()));
            } else if (o.arity().max() == 0) {
                a.flags.add(name);
            } else {
                a.values.put(name, leaf.matchedOptionValue(o.longestName(), ""));
            }
        }
        leaf.matchedPositionals().forEach(p -> a.params.add(p.getValue()));
        return a;
    }

    /** The innermost command chosen ({@code cluster up}: up); a {@link HelpRequest} if any asked for help. */
    private static ParseResult helpOrLeaf(ParseResult r) {
        ParseResult at = r;
        while (true) {
            if (at.isUsageHelpRequested()) {
                throw new HelpRequest(Syntax.help(at.commandSpec().commandLine()));
            }
            if (!at.hasSubcommand()) {
                return at;
            }
            at = at.subcommand();
        }
    }

    public String get(String name) {
        return values.get(name);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Whether the flag {@code --name} was given. */
    public boolean flag(String name) {
        return flags.contains(name);
    }

    /** The {@code i}-th parameter (the topology's NAME), or null when it is not given. */
    public String param(int i) {
        return i < params.size() ? params.get(i) : null;
    }

    /** The subcommand given ({@code up} of {@code cluster up}), or null. */
    public String subcommand() {
        return subcommand;
    }

    /**
     * A whole number from {@code min} to 999,999,999 named by an option, or {@code absent} when the option is not
     * given; {@code expected} says what it is, for the error.
     */
    public int number(String name, int min, int absent, String expected) {
        String v = values.get(name);
        if (v == null) {
            return absent;
        }
        if (!v.matches("\\d{1,9}") || Integer.parseInt(v) < min) {
            throw new UsageException("--" + name + " " + v + ": expected " + expected);
        }
        return Integer.parseInt(v);
    }

    /** An existing readable file named by an option, or null when the option is absent. */
    public Path inputFile(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        Path p = Path.of(v);
        if (!Files.isReadable(p) || Files.isDirectory(p)) {
            throw new UsageException("--" + name + " " + v + ": no such readable file");
        }
        return p;
    }

    /**
     * A file to write, named by an option, or null when the option is absent. Checked before any work starts: it is
     * not a directory, and its directory exists or can be made.
     */
    public Path outputFile(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        Path p = Path.of(v).toAbsolutePath();
        if (Files.isDirectory(p)) {
            throw new UsageException("--" + name + " " + v + ": is a directory, expected a file");
        }
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException | RuntimeException e) {
            throw new UsageException("--" + name + " " + v + ": cannot make its directory " + p.getParent());
        }
        if (!Files.isWritable(p.getParent()) || (Files.exists(p) && !Files.isWritable(p))) {
            throw new UsageException("--" + name + " " + v + ": not writable");
        }
        return Path.of(v);
    }

    /** {@code --work-dir DIR}, by default {@code work/} in the logriver checkout; a file there is a mistake. */
    public Path workDir() {
        Path dir = has("work-dir") ? Path.of(get("work-dir")) : Home.dir().resolve("work");
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("--work-dir " + dir + ": is a file, expected a directory");
        }
        return dir;
    }

    /** A duration such as {@code 90}, {@code 90s}, {@code 5m} or {@code 1h}; null when absent. */
    public Duration duration(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        String digits = v.replaceAll("[smh]$", "");
        if (!digits.matches("\\d{1,9}")) {
            throw new UsageException("--" + name + " " + v + ": expected seconds, or a number followed by s, m or h");
        }
        long n = Long.parseLong(digits);
        return switch (v.charAt(v.length() - 1)) {
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /** Every {@code -c key=value}, in command-line order. */
    public List<String> overrides() {
        return List.copyOf(overrides);
    }

    /** The topology mode, {@code --mode core|trident}; core when absent. */
    public Mode mode() {
        return mode(has("mode") ? get("mode") : Mode.CORE.id());
    }

    /** The mode named {@code text}, as {@code --mode} names it. */
    public static Mode mode(String text) {
        try {
            return Mode.named(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The configuration: defaults, then {@code --config FILE}, then every {@code -c key=value}. */
    public LogriverConfig config() {
        Path file = inputFile("config");
        try {
            return ConfigLoader.load(file, List.copyOf(overrides));
        } catch (ConfigException e) {
            throw new UsageException("configuration: " + e.getMessage());
        }
    }

    /** A wrong command line; the message says what is wrong. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    /** {@code --help}: what to show instead of running the command. */
    public static final class HelpRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public HelpRequest(String usage) {
            super(usage, null, false, false);
        }

        /** The help of the command, as picocli lays it out. */
        public String usage() {
            return getMessage();
        }
    }
}
