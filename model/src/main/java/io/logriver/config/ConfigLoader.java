package io.logriver.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Loads the configuration as Storm does: the defaults ({@code logriver.yaml} on the class path, built from
 * {@code resources/logriver.yaml}), then an optional file, then {@code key=value} overrides whose values are
 * read as YAML ({@code -c logriver.filter.drop.levels=[DEBUG]}).
 */
public final class ConfigLoader {
    public static final String DEFAULTS_RESOURCE = "logriver.yaml";

    private ConfigLoader() {
    }

    public static LogriverConfig load(Path file, List<String> overrides) {
        Map<String, Object> values = defaults();
        if (file != null) {
            values.putAll(readFile(file));
        }
        values.putAll(overrides(overrides));
        return LogriverConfig.fromMap(values);
    }

    /** Each {@code key=value} as {@code -c} takes it (the value read as YAML), in order; not yet validated. */
    public static Map<String, Object> overrides(List<String> keyValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String o : keyValues) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("-c " + o + ": expected key=value");
            }
            String key = o.substring(0, eq).trim();
            values.put(key, parseValue(key, o.substring(eq + 1)));
        }
        return values;
    }

    public static LogriverConfig defaultConfig() {
        return load(null, List.of());
    }

    static Map<String, Object> defaults() {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new ConfigException(DEFAULTS_RESOURCE + ": not on the class path (build with mvn package)");
            }
            return asMap(DEFAULTS_RESOURCE, yaml().load(in));
        } catch (IOException e) {
            throw new ConfigException(DEFAULTS_RESOURCE + ": " + e.getMessage());
        }
    }

    static Map<String, Object> readFile(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return asMap(file.toString(), yaml().load(r));
        } catch (IOException | YAMLException e) {
            throw new ConfigException("--config " + file + ": " + e.getMessage());
        }
    }

    private static Object parseValue(String key, String text) {
        try {
            return yaml().load(text);
        } catch (YAMLException e) {
            throw new ConfigException(key + ": cannot read '" + text + "' as a value: " + e.getMessage());
        }
    }

    private static Map<String, Object> asMap(String source, Object loaded) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (loaded == null) {
            return out;
        }
        if (!(loaded instanceof Map<?, ?> m)) {
            throw new ConfigException(source + ": expected key: value pairs at the top level");
        }
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
