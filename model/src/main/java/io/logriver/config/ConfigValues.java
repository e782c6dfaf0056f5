package io.logriver.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed reads of a flat key/value map; every failure names the key and shows the value. */
final class ConfigValues {
    private final Map<String, Object> values;

    ConfigValues(Map<String, Object> values) {
        this.values = values;
    }

    Object raw(String key) {
        if (!values.containsKey(key) || values.get(key) == null) {
            throw new ConfigException(key + ": missing (set it in logriver.yaml, --config FILE or -c " + key + "=...)");
        }
        return values.get(key);
    }

    String string(String key) {
        Object v = raw(key);
        if (!(v instanceof String s) || s.isBlank()) {
            throw bad(key, v, "a non-empty string");
        }
        return s.trim();
    }

    boolean bool(String key) {
        Object v = raw(key);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw bad(key, v, "true or false");
    }

    String oneOf(String key, List<String> allowed) {
        String s = string(key);
        if (!allowed.contains(s)) {
            throw bad(key, s, "one of " + allowed);
        }
        return s;
    }

    long longAtLeast(String key, long min) {
        Object v = raw(key);
        long n;
        if (v instanceof Integer || v instanceof Long) {
            n = ((Number) v).longValue();
        } else if (v instanceof String s && s.trim().matches("-?\\d{1,18}")) {
            n = Long.parseLong(s.trim());
        } else {
            throw bad(key, v, "an integer");
        }
        if (n < min) {
            throw bad(key, v, "an integer of at least " + min);
        }
        return n;
    }

    int intAtLeast(String key, int min) {
        long n = longAtLeast(key, min);
        if (n > Integer.MAX_VALUE) {
            throw bad(key, n, "an integer below 2^31");
        }
        return (int) n;
    }

    List<String> stringList(String key) {
        Object v = raw(key);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof String s) || s.isEmpty()) {
                    throw bad(key, v, "a list of non-empty strings");
                }
                out.add(s);
            }
        } else if (v instanceof String s) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        } else {
            throw bad(key, v, "a list of strings");
        }
        return List.copyOf(out);
    }

    static ConfigException bad(String key, Object value, String expected) {
        return new ConfigException(key + ": expected " + expected + ", got '" + value + "'");
    }
}
