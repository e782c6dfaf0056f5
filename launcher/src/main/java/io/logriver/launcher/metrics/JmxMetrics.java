package io.logriver.launcher.metrics;

import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Reads Storm metrics v2 as the JMX reporter publishes them (what jconsole shows): the sum, over every task of a
 * topology, of a counter or gauge. Works for topologies running in this JVM (local mode).
 */
public final class JmxMetrics {
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final String topology;
    private static final long NAMES_TTL_NANOS = 5_000_000_000L;
    private final java.util.Map<String, Cached> cached = new java.util.concurrent.ConcurrentHashMap<>();

    public JmxMetrics(String topology) {
        this.topology = topology;
    }

    /** The sum of a counter's count (or a numeric gauge's value) over all tasks, optionally of one component. */
    public long sum(String metric, String component) {
        return sum(metric, component, "Count", "Value");
    }

    /** The sum over all tasks (optionally of one component) of the first of {@code attributes} a metric has. */
    public long sum(String metric, String component, String... attributes) {
        long total = 0;
        for (ObjectName n : names(metric, component)) {
            total += number(n, attributes);
        }
        return total;
    }

    public long sum(String metric) {
        return sum(metric, null);
    }

    /**
     * {@link #sum(String)}, with the metric's names looked up at most once every {@link #NAMES_TTL_NANOS}: a lookup
     * goes through every MBean of the JVM, too much for a caller that asks twenty times a second.
     */
    public long sumOften(String metric) {
        long now = System.nanoTime();
        Cached c = cached.get(metric);
        if (c == null || c.names().isEmpty() || now - c.nanos() > NAMES_TTL_NANOS) {
            c = new Cached(names(metric, null), now);
            cached.put(metric, c);
        }
        long total = 0;
        for (ObjectName n : c.names()) {
            total += number(n, "Count", "Value");
        }
        return total;
    }

    private record Cached(Set<ObjectName> names, long nanos) {
    }

    /** The largest value of a histogram attribute (such as {@code 99thPercentile}) over all tasks of a component. */
    public double max(String metric, String component, String attribute) {
        double max = 0;
        for (ObjectName n : names(metric, component)) {
            max = Math.max(max, number(n, attribute));
        }
        return max;
    }

    /** How many metrics of one component of this topology have a name that contains {@code part}. */
    public int count(String component, String part) {
        Set<ObjectName> all = server.queryNames(null, null);
        all.removeIf(n -> {
            String name = n.getKeyProperty("name");
            String plain = name == null ? "" : name.replace("\"", "");
            return !plain.contains(topology) || !plain.contains("." + component + ".") || !plain.contains(part);
        });
        return all.size();
    }

    private Set<ObjectName> names(String metric, String component) {
        Set<ObjectName> all = server.queryNames(null, null);
        all.removeIf(n -> !matches(n.getKeyProperty("name"), metric, component));
        return all;
    }

    private boolean matches(String name, String metric, String component) {
        if (name == null) {
            return false;
        }
        String plain = name.replace("\"", "");
        return plain.contains(topology) && plain.endsWith(metric)
                && (component == null || plain.contains("." + component + "."));
    }

    private double numberOrNaN(ObjectName n, String attribute) {
        try {
            Object v = server.getAttribute(n, attribute);
            return v instanceof Number num ? num.doubleValue() : Double.NaN;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private long number(ObjectName n, String... attributes) {
        for (String a : attributes) {
            double v = numberOrNaN(n, a);
            if (!Double.isNaN(v)) {
                return (long) v;
            }
        }
        return 0;
    }

    private double number(ObjectName n, String attribute) {
        double v = numberOrNaN(n, attribute);
        return Double.isNaN(v) ? 0 : v;
    }

    /** Every metric name published for this topology (for diagnostics). */
    public Set<String> allNames() {
        Set<String> out = new java.util.TreeSet<>();
        for (ObjectName n : server.queryNames(null, null)) {
            String name = n.getKeyProperty("name");
            if (name != null && name.contains(topology)) {
                out.add(name);
            }
        }
        return out;
    }
}
