package io.logriver.launcher.cli;

import io.logriver.config.ConfigException;
import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.topology.CommandLine;
import io.logriver.topology.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The command line of a {@code bin/logriver} command, as the shared {@link CommandLine} parses it, with the typed
 * readings the commands need; every mistake is a {@link UsageException} naming the option.
 */
public final class Args {
    private final CommandLine line;

    private Args(CommandLine line) {
        this.line = line;
    }

    /** Parses {@code argv}; every option must be one of {@code allowed} (names without the dashes). */
    public static Args parse(List<String> argv, Set<String> allowed) {
        return parse(argv, allowed, Set.of());
    }

    /** As {@link #parse(List, Set)}, with {@code flags}: options without a value ({@code --json}). */
    public static Args parse(List<String> argv, Set<String> allowed, Set<String> flagNames) {
        try {
            return new Args(CommandLine.parse(argv, allowed, flagNames));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    public String get(String name) {
        return line.get(name);
    }

    public boolean has(String name) {
        return line.has(name);
    }

    /** Whether the flag {@code --name} was given. */
    public boolean flag(String name) {
        return line.flag(name);
    }

    /**
     * A whole number from {@code min} to 999,999,999 named by an option, or {@code absent} when the option is not
     * given; {@code expected} says what it is, for the error.
     */
    public int number(String name, int min, int absent, String expected) {
        String v = line.get(name);
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
        String v = line.get(name);
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
        String v = line.get(name);
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
        String v = line.get(name);
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
        return line.overrides();
    }

    /** The topology mode, {@code --mode core|trident}; core when absent. */
    public Mode mode() {
        return mode(line.has("mode") ? line.get("mode") : Mode.CORE.id());
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
            return ConfigLoader.load(file, line.overrides());
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
}
